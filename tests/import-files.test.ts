import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { loadSeed } from '../seed/load';
import { main } from '../src/cli/import';
import { openDatabase } from '../src/database/open';
import { Contract, OcdsRelease, PartyMatch } from '../src/entities';
import * as resolving from '../src/import/resolve-party';
import { importOcds } from '../src/import/importer';
import { fileInputs, filesFor } from '../src/import/inputs';
import { dumpDatabase } from './support/dump';
import { awardA, awardC, awardE, invalid, packageOf, release, writeFiles } from './support/ocds-fixtures';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Files and directories: a corrupt file among good ones, strict files, atomic releases, and the CLI.
let database: TestDatabase;
let ds: DataSource;
beforeEach(async () => {
  database = await createTestDatabase();
  ds = await openDatabase(database.target);
  await loadSeed(ds);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await ds?.destroy();
  await database?.drop();
});

const run = (dir: string, strict = false) => importOcds(ds, fileInputs(filesFor(dir)), { keyName: 'test', strict });
const ocids = async () => (await ds.getRepository(Contract).find({ where: { imported: true }, order: { ocid: 'ASC' } })).map((c) => c.ocid);

/** A package whose second release is cut off mid-way, as a failed download leaves it. */
const truncated = () => {
  const text = JSON.stringify(
    packageOf([
      { ...awardE, ocid: 'ocds-b-1', id: 'b-1' },
      { ...awardE, ocid: 'ocds-b-2', id: 'b-2' },
    ]),
    null,
    2,
  );
  return text.slice(0, text.indexOf('"ocds-b-2"') + 20);
};
const directory = () =>
  writeFiles({
    'a.json': packageOf([{ ...awardA, ocid: 'ocds-a', id: 'a-1' }]),
    'b.json': truncated(),
    'c.jsonl': `${JSON.stringify({ ...awardC, ocid: 'ocds-c', id: 'c-1' })}\n`,
  });

test('a corrupt file in the middle of a directory: the good files are imported, and so is every whole release before the damage', async () => {
  const dir = directory();
  const report = await run(dir);
  expect(report.counts).toMatchObject({ files: 3, created: 3, failedFiles: 1, rejected: 0 });
  expect(await ocids()).toEqual(['ocds-a', 'ocds-b-1', 'ocds-c']);
  const [problem] = report.problems;
  expect(problem).toMatchObject({ file: path.join(dir, 'b.json'), reason: expect.stringMatching(/cut short|invalid JSON/) });
  const lines = truncated().split('\n').length;
  expect(problem.line).toBe(lines);
  // Consistent: every release recorded belongs to a contract, every contract has its release.
  const releases = await ds.getRepository(OcdsRelease).find();
  expect(releases.map((r) => r.ocid).sort()).toEqual(['ocds-a', 'ocds-b-1', 'ocds-c']);
});

test('record packages: embedded releases are each imported; a record with only a compiled release imports that', async () => {
  const embedded = {
    ocid: 'ocds-r-1',
    releases: [
      { ...awardE, ocid: 'ocds-r-1', id: 'r-1-a' },
      { ...awardC, ocid: 'ocds-r-1', id: 'r-1-b', date: '2024-06-01T00:00:00Z' },
    ],
  };
  const linked = {
    ocid: 'ocds-r-2',
    releases: [{ url: 'https://example.org/r-2.json#r-2-a', date: '2024-01-01T00:00:00Z', tag: ['award'] }],
    compiledRelease: { ...awardA, ocid: 'ocds-r-2', id: 'r-2-compiled' },
  };
  const report = await run(
    writeFiles({
      'records.json': { uri: 'https://example.org/records.json', publishedDate: '2024-07-01T00:00:00Z', records: [embedded, linked] },
    }),
  );
  expect(report.counts).toMatchObject({ created: 2, updated: 1, rejected: 0 });
  const [r1] = await ds.getRepository(Contract).findBy({ ocid: 'ocds-r-1' });
  expect(r1.title).toBe((awardC.tender as { title: string }).title);
  expect((await ds.getRepository(OcdsRelease).findBy({ ocid: 'ocds-r-1' })).map((r) => r.releaseId).sort()).toEqual(['r-1-a', 'r-1-b']);
  expect(await ds.getRepository(OcdsRelease).existsBy({ ocid: 'ocds-r-2', releaseId: 'r-2-compiled' })).toBe(true);
});

test('invalid JSON is reported with its file and line', async () => {
  const dir = writeFiles({ 'broken.json': '{\n  "releases": [\n    {"ocid": "x",\n     "id": tru }\n  ]\n}\n' });
  const report = await run(dir);
  expect(report.problems).toEqual([
    expect.objectContaining({ file: path.join(dir, 'broken.json'), line: 4, reason: expect.stringMatching(/^invalid JSON: Unexpected/) }),
  ]);
});

test('strict: a file with any problem is rejected whole, the others are imported', async () => {
  const dir = writeFiles({
    'a.json': packageOf([{ ...awardA, ocid: 'ocds-a', id: 'a-1' }]),
    'b.json': truncated(),
    'c.json': packageOf([{ ...awardC, ocid: 'ocds-c', id: 'c-1' }, invalid]),
  });
  const report = await run(dir, true);
  expect(await ocids()).toEqual(['ocds-a']);
  expect(report.counts).toMatchObject({ created: 1, failedFiles: 2, rejected: 3 });
  expect(report.problems.filter((p) => /rejected whole/.test(p.reason)).map((p) => path.basename(p.file))).toEqual(['b.json', 'c.json']);
  expect(report.matchCount).toBe(2);
  expect(await ds.getRepository(PartyMatch).count()).toBe(2);
});

test('a release that fails part-way is not half-written', async () => {
  const before = await dumpDatabase(ds);
  const real = resolving.resolveParty;
  jest.spyOn(resolving, 'resolveParty').mockImplementation(async (tx, names, party, ...rest) => {
    if (party.name === 'Contact Co Ltd') throw new Error('disk on fire');
    return real(tx, names, party, ...rest);
  });
  const report = await run(writeFiles({ 'a.json': packageOf([{ ...awardA, ocid: 'ocds-a', id: 'a-1' }]) }));
  expect(report.counts).toMatchObject({ created: 0, rejected: 1 });
  expect(report.problems[0].reason).toBe('not imported: disk on fire');
  // The contract, its buyer (resolved before the failure), its release: all rolled back.
  expect(await dumpDatabase(ds)).toEqual(before);
});

describe('npm run import', () => {
  let env: NodeJS.ProcessEnv;
  let out: string[];
  beforeEach(() => {
    env = { ...process.env };
    if (database.kind === 'sqlite') process.env.DATABASE_PATH = (database.target as { sqlitePath: string }).sqlitePath;
    else process.env.DATABASE_URL = (database.target as { url: string }).url;
    out = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => out.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => out.push(line));
  });
  afterEach(() => {
    process.env = env;
  });

  test('a directory, with a summary; exit 1 when anything was rejected', async () => {
    expect(await main([directory()])).toBe(1);
    expect(out[0]).toBe('Read 3 file(s): 3 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected.');
    expect(out.join('\n')).toMatch(/1 file\(s\) could not be imported to the end/);
    expect(out.join('\n')).toMatch(/Problems \(1\):\n {2}.*b\.json:\d+ releases\[1\]: the file ends inside an object/);
  });

  test('--json, and standard input; exit 0 when all is well, 2 for bad usage', async () => {
    const stdin = Readable.from([
      Buffer.from(`${JSON.stringify(release('ocds-stdin', 's-1', '2024-01-01T00:00:00Z', { tag: ['tender'] }))}\n`),
    ]);
    expect(await main(['-', '--json'], stdin)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ files: 1, skipped: 1, problems: [] });
    expect(await main([])).toBe(2);
    expect(await main(['/no/such/place'])).toBe(2);
    expect(await main(['x', '--colour'])).toBe(2);
  });
});

test('the samples directory is read in a stable order, recursively, OCDS files only', () => {
  const dir = writeFiles({ 'b.json': {}, 'a.jsonl': '', 'notes.txt': 'x' });
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'c.ndjson'), '');
  expect(filesFor(dir).map((f) => path.relative(dir, f))).toEqual(['a.jsonl', 'b.json', path.join('sub', 'c.ndjson')]);
});

test('rebuilding from seed/ removes imported contracts, releases and matches too', async () => {
  await run(writeFiles({ 'a.json': packageOf([{ ...awardA, ocid: 'ocds-a', id: 'a-1' }]) }));
  await loadSeed(ds);
  expect([
    await ds.getRepository(Contract).countBy({ imported: true }),
    await ds.getRepository(OcdsRelease).count(),
    await ds.getRepository(PartyMatch).count(),
  ]).toEqual([0, 0, 0]);
});
