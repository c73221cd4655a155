import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadSeed } from '../seed/load';
import { openDatabase } from '../src/database/open';
import {
  Citation,
  Contract,
  ContractClassification,
  OcdsRelease,
  PartyMatch,
  PublicBody,
  Quantity,
  Source,
  Supplier,
} from '../src/entities';
import { importOcds } from '../src/import/importer';
import { fileInputs, filesFor } from '../src/import/inputs';
import { Measure } from '../src/schema/enums';
import { dumpDatabase } from './support/dump';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The real samples from ../shared/ocds (copied into tests/fixtures/ocds), imported beside the seed data.
const SAMPLES = path.join(__dirname, 'fixtures', 'ocds');
const SHARED = path.join(__dirname, '..', '..', 'shared', 'ocds');
const sample = (name: string) => path.join(SAMPLES, name);
const MERTON = sample('cf-2025-01-23_release-package_merton-marston-award.json');
const BARNSLEY = sample('cf-2025-01-23_release_barnsley-idas-awardUpdate.json');

let database: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  ds = await openDatabase(database.target);
  await loadSeed(ds);
});
afterAll(async () => {
  await ds?.destroy();
  await database?.drop();
});

const run = (files: string[], strict = false) => importOcds(ds, fileInputs(files), { keyName: 'test-import', strict });

test('the fixtures are the shared samples, when ../shared/ocds is present', () => {
  if (!fs.existsSync(SHARED)) return;
  for (const name of fs.readdirSync(SHARED).filter((f) => f.endsWith('.json'))) {
    expect([name, fs.readFileSync(sample(name), 'utf8')]).toEqual([name, fs.readFileSync(path.join(SHARED, name), 'utf8')]);
  }
});

test('the three samples import: a package, a bare release, and the fictional worked example', async () => {
  const report = await run(filesFor(SAMPLES));
  expect(report.counts).toMatchObject({ files: 3, created: 3, updated: 0, unchanged: 0, rejected: 0, failedFiles: 0 });

  const merton = await ds.getRepository(Contract).findOneByOrFail({ ocid: 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30' });
  expect(merton).toMatchObject({ title: 'Parking Pilot - CEO', status: 'AWARDED', imported: true, outsourcing: false });
  expect(merton.description).toContain('framework.\u202f The initial intention');
  expect([merton.startDate.year, merton.startDate.month, merton.startDate.day]).toEqual([2025, 1, 23]);
  const value = await ds.getRepository(Quantity).findOneByOrFail({ contractId: merton.id, measure: Measure.CONTRACT_VALUE });
  expect([value.low, value.high, value.unit]).toEqual([93007, 93007, 'GBP']);
  const valueCitation = await ds.getRepository(Citation).findOneByOrFail({ subjectType: 'QUANTITY' as never, subjectId: value.id });
  expect(valueCitation.quote).toBe('{"amount":93007,"currency":"GBP"}');
  expect(valueCitation.note).toBe(
    'release 2a1e3359-87a0-4fdd-ac61-20d5e6520a13-819950 of ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30, /awards/0/value',
  );
  const source = await ds.getRepository(Source).findOneByOrFail({ id: valueCitation.sourceId });
  expect(source).toMatchObject({ kind: 'DATASET', publisher: 'Cabinet Office', fileName: path.basename(MERTON) });
  expect(source.url).toMatch(/^https:\/\/www\.contractsfinder\.service\.gov\.uk\/Published\/Notices\/OCDS\/Search/);
  expect([source.date.year, source.date.month, source.date.day]).toEqual([2025, 1, 23]);
  expect(await ds.getRepository(ContractClassification).findBy({ contractId: merton.id })).toEqual([
    expect.objectContaining({ scheme: 'CPV', code: '63712400', description: 'Parking services' }),
  ]);

  const buyer = await ds.getRepository(PublicBody).findOneByOrFail({ name: 'London Borough of Merton' });
  expect(buyer).toMatchObject({ kind: 'UNCLASSIFIED', sector: 'LOCAL_GOVERNMENT' });
  const supplier = await ds.getRepository(Supplier).findOneByOrFail({ name: 'Marstons holdings plc' });
  const matches = await ds.getRepository(PartyMatch).findBy({ scheme: 'GB-CFS' });
  expect(matches.map((m) => [m.identifier, m.entityType, m.method]).sort()).toEqual([
    ['18525', 'PUBLIC_BODY', 'CREATED'],
    ['229770', 'SUPPLIER', 'CREATED'],
    ['307567', 'SUPPLIER', 'CREATED'],
  ]);
  expect(supplier.id).toBe(matches.find((m) => m.identifier === '307567')!.entityId);

  // The portal standing in as Barnsley's buyer is imported as published, and flagged.
  const portal = await ds.getRepository(PartyMatch).findOneByOrFail({ scheme: 'GB-SRS' });
  expect(portal.note).toMatch(/e-tendering portal .*barnsley\.gov\.uk/);
  expect(report.warnings.some((w) => w.file === BARNSLEY && /portal/.test(w.reason))).toBe(true);

  // Barnet: Companies House numbers from "11111111.0"; the losing tenderer is reported, not imported.
  const anycorp = await ds.getRepository(PartyMatch).findOneByOrFail({ scheme: 'GB-COH', identifier: '11111111' });
  expect(anycorp.publishedName).toBe('AnyCorp Cycle Provision');
  expect(await ds.getRepository(Supplier).existsBy({ name: 'Beta Corp Construction' })).toBe(false);
  expect(report.warnings.some((w) => /unsuccessful tenderers not imported: Beta Corp Construction/.test(w.reason))).toBe(true);
  expect(await ds.getRepository(OcdsRelease).count()).toBe(3);
});

test('importing the same files again changes nothing', async () => {
  const before = await dumpDatabase(ds);
  const report = await run(filesFor(SAMPLES));
  expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
  expect(await dumpDatabase(ds)).toEqual(before);
});
