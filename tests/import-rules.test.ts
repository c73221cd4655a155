import path from 'node:path';
import { Citation, Contract, Event, OcdsRelease, Quantity } from '../src/entities';
import { Basis, EventKind, Measure, Period, SubjectType, Unit } from '../src/schema/enums';
import { indexSubject } from '../src/services/search-index';
import { SEARCHABLE } from '../src/services/searchable';
import { orphanSearchEntries } from './support/search-orphans';
import { importOcds } from '../src/import/importer';
import { fileInputs, filesFor } from '../src/import/inputs';
import { dumpDatabase } from './support/dump';
import { makeTestKeys, type TestKeys } from './support/keys';
import {
  awardA,
  awardB,
  awardC,
  awardD,
  awardE,
  invalid,
  OCID_A,
  OCID_B,
  OCID_C,
  OCID_D,
  OCID_E,
  olderA,
  packageOf,
  party,
  tenderA,
  updateA,
  writeFiles,
} from './support/ocds-fixtures';
import { measuresKeptAndFresh } from './support/contract-measures';
import { summariesKeptAndFresh } from './support/rollup-summaries';
import { rollupsPending } from '../src/database/rollup-queue';
import { startTestServer, type TestServer } from './support/test-server';

// The hand-made package: every mapping rule, history, matching and undoing, against the seed data.
let server: TestServer;
let keys: TestKeys;
beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
});
afterAll(() => server?.stop());

const importDir = (dir: string, strict = false) => importOcds(server.dataSource, fileInputs(filesFor(dir)), { keyName: 'test', strict });
const CONTRACT = `ocid title status imported outsourcing outsourcingReason services startDate { iso } endDate { iso }
  buyers { slug name sector kind } suppliers { role supplier { slug name aliases } }
  figures(measure: CONTRACT_VALUE) { low high unit basis citations { quote note source { title publisher url } } }
  events { kind date { iso } } classifications { scheme code description }
  releases { releaseId date tags values { title values buyers { name scheme identifier } } }`;
const contractByOcid = async (ocid: string) => {
  const row = await server.dataSource.getRepository(Contract).findOneByOrFail({ ocid });
  return (await server.data(`{ contract(slug: "${row.slug}") { ${CONTRACT} } }`)).contract;
};

test('every mapping rule, from one package', async () => {
  const dir = writeFiles({ '1-package.json': packageOf([tenderA, awardA, awardB, awardC, awardD, awardE, invalid]) });
  const report = await importDir(dir);
  expect(report.counts).toMatchObject({ files: 1, created: 5, skipped: 1, rejected: 1, unchanged: 0, failedFiles: 0 });

  // A tender alone makes no contract, but is kept; the award creates it.
  const a = await contractByOcid(OCID_A);
  expect(a).toMatchObject({
    title: 'Council contact centre',
    status: 'AWARDED',
    imported: true,
    outsourcing: true,
    services: ['CALL_CENTRES'],
    startDate: { iso: '2024-04-01' },
    endDate: { iso: '2027-03-31' },
    buyers: [{ name: 'Example District Council', sector: 'LOCAL_GOVERNMENT', kind: 'UNCLASSIFIED' }],
    suppliers: [{ role: 'PROVIDER', supplier: { name: 'Contact Co Ltd' } }],
    classifications: [{ scheme: 'CPV', code: '79512000', description: 'Call centre' }],
    events: [{ kind: 'AWARD', date: { iso: '2024-02-28' } }],
  });
  expect(a.outsourcingReason).toMatch(/CPV 79512000 .* CALL_CENTRES/);
  const { contract: cited } = await server.data(`{ contract(slug: "council-contact-centre") { citations { quote note } } }`);
  expect(cited.citations).toEqual(
    expect.arrayContaining([
      { quote: '"title": "Council contact centre"', note: 'release a-2-award of ocds-test-a, /tender/title' },
      {
        quote: JSON.stringify((awardA.awards as any)[0].contractPeriod),
        note: 'release a-2-award of ocds-test-a, /awards/0/contractPeriod',
      },
    ]),
  );
  expect(a.figures).toEqual([
    {
      low: 250000,
      high: 250000,
      unit: 'GBP',
      basis: 'EXACT',
      citations: [
        {
          quote: '{"amount":250000,"currency":"GBP"}',
          note: 'release a-2-award of ocds-test-a, /awards/0/value',
          source: {
            title: 'OCDS package from Test Publisher, published 2024-06-02T00:00:00Z',
            publisher: 'Test Publisher',
            url: 'https://example.org/ocds/test-package.json',
          },
        },
      ],
    },
  ]);
  expect(a.releases.map((r: any) => r.releaseId)).toEqual(['a-1-tender', 'a-2-award']);
  const tender = await server.dataSource.getRepository(OcdsRelease).findOneByOrFail({ releaseId: 'a-1-tender' });
  expect(tender.contractId).toBe((await server.dataSource.getRepository(Contract).findOneByOrFail({ ocid: OCID_A })).id);

  // The seed's Cambridgeshire and Xansa, by name; the losing tenderer is reported, not imported.
  const b = await contractByOcid(OCID_B);
  expect(b.buyers.map((x: any) => x.slug)).toEqual(['cambridgeshire-county-council']);
  expect(b.suppliers[0].supplier).toMatchObject({ slug: 'xansa', aliases: ['XANSA PLC'] });
  expect(b.services.sort()).toEqual(['FINANCE', 'SHARED_SERVICES']);
  expect(report.warnings.map((w) => w.reason)).toContain('unsuccessful tenderers not imported: Also Ran Ltd.');

  // An alias of the seed's Arvato; a value published only on the contract; "shared services" in its words.
  const c = await contractByOcid(OCID_C);
  expect(c.suppliers[0].supplier.slug).toBe('arvato');
  expect(c.figures.map((f: any) => f.low)).toEqual([5_000_000]);
  expect(c.figures[0].citations[0].note).toMatch(/\/contracts\/0\/value$/);
  expect(c).toMatchObject({ outsourcing: true, services: ['SHARED_SERVICES'], startDate: { iso: '2013-06-01' } });

  // Broken text repaired; a euro value and an amount beyond 2^53 are not stored, and both say so.
  const d = await contractByOcid(OCID_D);
  expect(d.title).toBe('Payroll services\u202ffor schools');
  expect(d.figures).toEqual([]);
  const dWarnings = report.warnings.filter((w) => w.ocid === OCID_D).map((w) => w.reason);
  expect(dWarnings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/repaired broken text encoding/),
      expect.stringMatching(/\/awards\/0\/value: EUR value not stored/),
      expect.stringMatching(/\/awards\/1\/value: amount "12345678901234567890" is not a usable number/),
    ]),
  );

  // Every award cancelled: abandoned, and not outsourcing by its CPV code.
  expect(await contractByOcid(OCID_E)).toMatchObject({ status: 'ABANDONED', outsourcing: false, suppliers: [] });

  // The invalid release: rejected, with where and why.
  const problems = report.problems.filter((p) => p.releaseId === 'bad-1');
  expect(problems.map((p) => [p.path, p.reason])).toEqual(
    expect.arrayContaining([
      ['releases[6]', 'is missing "tag"'],
      ['releases[6].date', 'must match format "date-time"'],
      ['releases[6].awards[0].value.amount', 'must be number,string'],
    ]),
  );
  expect(problems[0]).toMatchObject({ file: path.join(dir, '1-package.json'), ocid: 'ocds-test-bad' });
  expect(problems[0].line).toBeGreaterThan(1);
});

test('importing the package again changes nothing', async () => {
  const before = await dumpDatabase(server.dataSource);
  const report = await importDir(writeFiles({ '1-package.json': packageOf([tenderA, awardA, awardB, awardC, awardD, awardE, invalid]) }));
  expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 1 });
  expect(await dumpDatabase(server.dataSource)).toEqual(before);
});

test('a newer release updates the contract and keeps the history; an older one only joins the history', async () => {
  const report = await importDir(writeFiles({ 'update.jsonl': `${JSON.stringify(updateA)}\n${JSON.stringify(olderA)}\n` }));
  expect(report.counts).toMatchObject({ updated: 2, rejected: 0 });
  const a = await contractByOcid(OCID_A);
  expect(a.figures.map((f: any) => f.low)).toEqual([275000]);
  expect(a.releases.map((r: any) => [r.releaseId, r.values.values])).toEqual([
    ['a-1-tender', []],
    ['a-0-early-notice', [1]],
    ['a-2-award', [250000]],
    ['a-3-update', [275000]],
  ]);
});

test('a newer release takes the figures and award events it replaces out of search, with their quotes', async () => {
  const ds = server.dataSource;
  const [{ id }] = await ds.query(`SELECT id FROM contract WHERE ocid = '${OCID_A}'`);
  const [{ id: sourceId }] = await ds.query('SELECT MIN(id) AS id FROM source');
  const contractId = Number(id);
  // As an editor's writes leave them: a published value and an award on the imported contract, each quoted.
  await ds.transaction(async (tx) => {
    const figure = await tx.save(
      tx.create(Quantity, {
        measure: Measure.CONTRACT_VALUE,
        low: 1,
        high: 1,
        unit: Unit.GBP,
        basis: Basis.EXACT,
        period: Period.TOTAL,
        wording: 'Zanzibarian valuation',
        contractId,
      }),
    );
    await indexSubject(tx, SubjectType.QUANTITY, figure.id, SEARCHABLE.QUANTITY(figure));
    const award = await tx.save(
      tx.create(Event, { slug: 'zanzibarian-award', kind: EventKind.AWARD, title: 'Zanzibarian award', date: { year: 2024 }, contractId }),
    );
    await indexSubject(tx, SubjectType.EVENT, award.id, SEARCHABLE.EVENT(award));
    for (const [subjectType, subjectId] of [
      [SubjectType.QUANTITY, figure.id],
      [SubjectType.EVENT, award.id],
    ] as const) {
      const quote = await tx.save(tx.create(Citation, { sourceId: Number(sourceId), quote: 'Zanzibarian quote', subjectType, subjectId }));
      await indexSubject(tx, 'CITATION', quote.id, SEARCHABLE.CITATION(quote));
    }
  });
  const hits = async () => (await server.data('{ search(text: "zanzibarian", first: 20) { field node { __typename } } }')).search;
  expect((await hits()).map((hit: { node: { __typename: string } }) => hit.node.__typename).sort()).toEqual([
    'Citation',
    'Citation',
    'Event',
    'Quantity',
  ]);
  const newer = { ...updateA, id: 'a-4-update', date: '2024-08-01T09:00:00Z' };
  expect((await importDir(writeFiles({ 'newer.json': newer }))).counts).toMatchObject({ updated: 1, rejected: 0 });
  expect(await hits()).toEqual([]);
  expect(await orphanSearchEntries(ds)).toEqual([]);
});

test('the roll-ups can be restricted to outsourcing, and to imported contracts', async () => {
  const { imported, outsourced, documents } = await server.data(`{
    imported: impactTotals(filter: { imported: true }) { contractCount }
    outsourced: impactTotals(filter: { imported: true, outsourcing: true }) { contractCount }
    documents: impactTotals(filter: { imported: false }) { contractCount }
  }`);
  // A (call centre), B (accounting, shared services), C (shared services) and D (payroll) are back-office; E (parks) is not.
  expect([imported.contractCount, outsourced.contractCount, documents.contractCount]).toEqual([5, 4, 9]);
  const { contracts } = await server.data('{ contracts(first: 50, filter: { outsourcing: false }) { edges { node { ocid } } } }');
  expect(contracts.edges.map((e: any) => e.node.ocid)).toEqual([OCID_E]);
});

test('a wrong name match is undone: the party gets its own record, its contracts follow, later imports keep to it', async () => {
  const { partyMatches } = await server.data(`{ partyMatches(first: 50, filter: { methods: [NAME, ALIAS] }) {
    edges { node { id scheme identifier publishedName method entityType undoneAt supplier { slug } publicBody { slug } source { publisher } } } } }`);
  const xansa = partyMatches.edges.map((e: any) => e.node).find((m: any) => m.publishedName === 'XANSA PLC');
  expect(xansa).toMatchObject({
    scheme: 'GB-COH',
    identifier: '03041534',
    method: 'NAME',
    entityType: 'SUPPLIER',
    undoneAt: null,
    supplier: { slug: 'xansa' },
    source: { publisher: 'Test Publisher' },
  });
  expect(partyMatches.edges.map((e: any) => [e.node.publishedName, e.node.method])).toEqual(
    expect.arrayContaining([
      ['Cambridgeshire County Council', 'NAME'],
      ['Avarto Limited', 'ALIAS'],
    ]),
  );

  const refused = await server.query(`mutation { undoPartyMatch(input: { id: "${xansa.id}" }) { undone { id } } }`, undefined, keys.editor);
  expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  const { undoPartyMatch } = await server.data(
    `mutation { undoPartyMatch(input: { id: "${xansa.id}" }) {
    undone { undoneAt } replacement { method supplier { slug name } } contracts { ocid } } }`,
    {},
    keys.admin,
  );
  expect(undoPartyMatch.undone.undoneAt).not.toBeNull();
  expect(undoPartyMatch.replacement).toMatchObject({ method: 'CREATED', supplier: { name: 'XANSA PLC' } });
  expect(undoPartyMatch.contracts).toEqual([{ ocid: OCID_B }]);
  const newSlug = undoPartyMatch.replacement.supplier.slug;
  const b = await contractByOcid(OCID_B);
  expect(b.suppliers.map((s: any) => s.supplier.slug)).toEqual([newSlug]);
  const { supplier } = await server.data(
    '{ supplier(slug: "xansa") { aliases matches { publishedName undoneAt } contracts(first: 10) { edges { node { ocid } } } } }',
  );
  expect(supplier.aliases).toEqual([]);
  expect(supplier.matches).toEqual([{ publishedName: 'XANSA PLC', undoneAt: expect.any(String) }]);
  expect(supplier.contracts.edges.map((e: any) => e.node.ocid)).not.toContain(OCID_B);

  // A later release of the same contract finds the party by its identifier: the new record, no new match.
  const newer = { ...awardB, id: 'b-2', date: '2024-07-01T00:00:00Z', tag: ['awardUpdate'] };
  const report = await importDir(writeFiles({ 'b2.json': newer }));
  expect([report.counts.updated, report.matchCount]).toEqual([1, 0]);
  expect((await contractByOcid(OCID_B)).suppliers.map((s: any) => s.supplier.slug)).toEqual([newSlug]);

  const again = await server.query(`mutation { undoPartyMatch(input: { id: "${xansa.id}" }) { undone { id } } }`, undefined, keys.admin);
  expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
});

test('a contract from the documents and an imported one about the same arrangement: the import adds, never overwrites', async () => {
  const seeded = (await server.data('{ contract(slug: "dft-shared-services-arvato") { id version title status } }')).contract;
  const bad = await server.query(
    'mutation($input: UpdateContractInput!) { updateContract(input: $input) { ocid } }',
    { input: { id: seeded.id, version: seeded.version, ocid: OCID_C } },
    keys.editor,
  );
  expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ocid' } });
  expect(bad.body.errors![0].message).toMatch(/already the ocid of contract/);

  await server.data(
    'mutation($input: UpdateContractInput!) { updateContract(input: $input) { ocid } }',
    { input: { id: seeded.id, version: seeded.version, ocid: 'ocds-test-dft' } },
    keys.editor,
  );
  const dft = { ...awardC, ocid: 'ocds-test-dft', id: 'dft-1', tender: { title: 'Something else entirely' } };
  const report = await importDir(writeFiles({ 'dft.json': dft }));
  expect(report.counts).toMatchObject({ created: 0, updated: 1 });
  const after = await contractByOcid('ocds-test-dft');
  expect(after).toMatchObject({ title: seeded.title, status: seeded.status, imported: false });
  expect(after.figures.map((f: any) => f.low)).toEqual([5_000_000]);
  expect(after.suppliers.map((s: any) => s.supplier.slug)).toContain('arvato');
  expect(after.releases.map((r: any) => r.releaseId)).toEqual(['dft-1']);
});

test('importOcds: a small package through the API, for admins, with the same report', async () => {
  const data = packageOf([
    { ...awardE, ocid: 'ocds-test-api', id: 'api-1', parties: [party('GB-CFS-60', 'API Test Council', ['buyer'])] },
    invalid,
  ]);
  const query = `mutation($input: ImportOcdsInput!) { importOcds(input: $input) {
    files created updated unchanged rejected problemCount problems { path reason releaseId } matches { publishedName method } } }`;
  const forbidden = await server.query(query, { input: { data } }, keys.editor);
  expect(forbidden.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  const { importOcds } = await server.data(query, { input: { data } }, keys.admin);
  expect(importOcds).toMatchObject({ files: 1, created: 1, rejected: 1 });
  expect(importOcds.problems).toEqual(expect.arrayContaining([{ path: 'releases[1]', reason: 'is missing "tag"', releaseId: 'bad-1' }]));
  expect(importOcds.matches).toEqual([{ publishedName: 'API Test Council', method: 'CREATED' }]);
  const strict = await server.data(
    query,
    { input: { data: packageOf([{ ...awardE, ocid: 'ocds-test-api-2', id: 'api-2' }, invalid]), strict: true } },
    keys.admin,
  );
  expect(strict.importOcds).toMatchObject({ created: 0, rejected: 2 });
  expect(await server.dataSource.getRepository(Contract).existsBy({ ocid: 'ocds-test-api-2' })).toBe(false);
  const { auditLog } = await server.data(
    '{ auditLog(first: 5, filter: { operations: ["importOcds"] }) { edges { node { keyName entityType } } } }',
    {},
    keys.admin,
  );
  expect(auditLog.edges[0].node).toEqual({ keyName: 'test-admin', entityType: 'Contract' });
});

test("imported text follows the writers' rules: a control character or a lone surrogate rejects the release, naming the field; names are trimmed and NFC", async () => {
  const ocid = (n: number) => `ocds-text-rule-${n}`;
  const release = (n: number, title: string, supplierName = 'Text Rule Supplier Ltd') => ({
    ocid: ocid(n),
    id: `${ocid(n)}-award`,
    date: '2024-03-01T00:00:00Z',
    tag: ['award'],
    initiationType: 'tender',
    parties: [
      { id: 'GB-TR-B', name: 'Text Rule Council', roles: ['buyer'] },
      { id: 'GB-TR-S', name: supplierName, roles: ['supplier'] },
    ],
    buyer: { id: 'GB-TR-B' },
    tender: { title },
    awards: [{ id: `award-${n}`, status: 'active', suppliers: [{ id: 'GB-TR-S' }] }],
  });
  const dir = writeFiles({
    'text-rules.json': packageOf([
      release(1, 'Bell\u0007 service') as any,
      release(2, 'Half \ud800 a character') as any,
      release(3, '  Cafe\u0301 services  ', '  Decomposed Cafe\u0301 Ltd ') as any,
    ]),
  });
  const report = await importDir(dir);
  expect(report.counts).toMatchObject({ created: 1, rejected: 2 });
  const reasons = report.problems.map((p) => [p.ocid, p.path, p.reason]);
  expect(reasons).toEqual(
    expect.arrayContaining([
      [ocid(1), expect.stringMatching(/tender\.title$/), expect.stringMatching(/control character U\+0007/)],
      [ocid(2), expect.stringMatching(/tender\.title$/), expect.stringMatching(/lone UTF-16 surrogate/)],
    ]),
  );
  const made = await contractByOcid(ocid(3));
  expect(made.title).toBe('Caf\u00e9 services');
  expect(made.suppliers[0].supplier.name).toBe('Decomposed Caf\u00e9 Ltd');
});

test('after the imports, re-imports, newer and older releases and the undone match above, the kept per-contract measures equal a computation from scratch', async () => {
  const { kept, fresh } = await measuresKeptAndFresh(server.dataSource);
  expect(Object.keys(fresh).length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
});

test('after the imports, re-imports, newer and older releases and the undone match above, the kept groups and per-group summaries equal the roll-up from scratch', async () => {
  // Every write went through a transaction, whose COMMIT flushed the queue on either database.
  expect(await rollupsPending(server.dataSource)).toBe(false);
  const { kept, fresh } = await summariesKeptAndFresh(server.dataSource);
  expect(fresh.groups.length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
});
