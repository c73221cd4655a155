import { makeTestKeys, type TestKeys } from './support/keys';
import { measuresKeptAndFresh } from './support/contract-measures';
import { summariesKeptAndFresh } from './support/rollup-summaries';
import { rollupsPending } from '../src/database/rollup-queue';
import { startTestServer, type TestServer } from './support/test-server';

// Every mutation's happy path, in the order an editor would add a newly reported contract: each create,
// its update, the audit entry each wrote, and last, as an admin, each archive.
let server: TestServer;
let keys: TestKeys;
const ids: Record<string, string> = {};
const versions: Record<string, number> = {};

const TEXT =
  'Norfolk County Council will outsource payroll to Acme Outsourcing. It says 300 jobs move, and Unite fears they will go to the Philippines.';

beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
  const seed = await server.data(`{ union(slug: "unison") { id } publicBody(slug: "dwp") { id } }`);
  ids.unison = seed.union.id;
  ids.dwp = seed.publicBody.id;
});
afterAll(() => server?.stop());

const cite = (quote: string) => [{ source: ids.Source, quote }];

async function mutate(name: string, inputType: string, input: Record<string, unknown>, fields: string, key = keys.editor) {
  const { body } = await server.query(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { id version archivedAt ${fields} } }`,
    { input },
    key,
  );
  if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return body.data[name];
}

interface Row {
  type: string;
  create: () => Record<string, unknown>;
  fields: string;
  created: (r: any) => void;
  update: Record<string, unknown> | (() => Record<string, unknown>);
  updated: (r: any) => void;
}

const ROWS: Row[] = [
  {
    type: 'Source',
    create: () => ({ title: 'Norfolk to outsource payroll', kind: 'NEWS_REPORT', text: TEXT }),
    fields: 'slug title kind text',
    created: (r) => expect(r).toMatchObject({ slug: 'norfolk-to-outsource-payroll', kind: 'NEWS_REPORT', text: TEXT }),
    update: { summary: 'A made-up report for the tests.', url: 'https://example.org/norfolk' },
    updated: (r) => expect(r.title).toBe('Norfolk to outsource payroll'),
  },
  {
    type: 'PublicBody',
    create: () => ({
      name: 'Norfolk County Council',
      kind: 'LOCAL_AUTHORITY',
      sector: 'LOCAL_GOVERNMENT',
      citations: cite('Norfolk County Council'),
    }),
    fields: 'slug name aliases kind sector citations { quote }',
    created: (r) =>
      expect(r).toMatchObject({ slug: 'norfolk-county-council', aliases: [], citations: [{ quote: 'Norfolk County Council' }] }),
    update: { aliases: ['Norfolk CC'] },
    updated: (r) => expect(r.aliases).toEqual(['Norfolk CC']),
  },
  {
    type: 'Supplier',
    create: () => ({ name: 'Acme Outsourcing' }),
    fields: 'slug name homeCountry aliases',
    created: (r) => expect(r).toMatchObject({ slug: 'acme-outsourcing', homeCountry: null, aliases: [] }),
    update: { homeCountry: 'GB', aliases: ['ACME'] },
    updated: (r) => expect(r).toMatchObject({ homeCountry: 'GB', aliases: ['ACME'] }),
  },
  {
    type: 'Union',
    create: () => ({ name: 'Unite the Union', acronym: 'Unite' }),
    fields: 'slug acronym aliases',
    created: (r) => expect(r).toMatchObject({ slug: 'unite-the-union', acronym: 'Unite' }),
    update: { aliases: ['Unite'] },
    updated: (r) => expect(r.aliases).toEqual(['Unite']),
  },
  {
    type: 'OffshoreLocation',
    create: () => ({ name: 'Philippines', kind: 'COUNTRY', countryCode: 'PH' }),
    fields: 'slug countryCode aliases',
    created: (r) => expect(r).toMatchObject({ slug: 'philippines', countryCode: 'PH' }),
    update: { aliases: ['the Philippines'] },
    updated: (r) => expect(r.aliases).toEqual(['the Philippines']),
  },
  {
    type: 'Person',
    create: () => ({ name: 'Jane Doe' }),
    fields: 'slug name',
    created: (r) => expect(r.slug).toBe('jane-doe'),
    update: { aliases: ['Ms Doe'] },
    updated: (r) => expect(r.name).toBe('Jane Doe'),
  },
  {
    type: 'PersonRole',
    create: () => ({ person: ids.Person, title: 'Branch secretary', union: ids.Union, citations: cite('Unite fears') }),
    fields: 'title person { name } union { acronym }',
    created: (r) => expect(r).toMatchObject({ title: 'Branch secretary', person: { name: 'Jane Doe' }, union: { acronym: 'Unite' } }),
    update: { title: 'Regional officer' },
    updated: (r) => expect(r.title).toBe('Regional officer'),
  },
  {
    type: 'Contract',
    create: () => ({
      title: 'Norfolk payroll to Acme',
      status: 'PROPOSED',
      services: ['HR'],
      buyers: [ids.PublicBody],
      suppliers: [{ supplier: ids.Supplier }],
      unions: [{ union: ids.Union, role: 'CAMPAIGNS_AGAINST' }],
      citations: cite('will outsource payroll to Acme Outsourcing'),
    }),
    fields: 'slug status services buyers { name } suppliers { role supplier { name } } unions { role union { name } } startDate { iso }',
    created: (r) =>
      expect(r).toMatchObject({
        slug: 'norfolk-payroll-to-acme',
        services: ['HR'],
        buyers: [{ name: 'Norfolk County Council' }],
        suppliers: [{ role: 'PROVIDER', supplier: { name: 'Acme Outsourcing' } }],
        unions: [{ role: 'CAMPAIGNS_AGAINST', union: { name: 'Unite the Union' } }],
      }),
    update: { status: 'AWARDED', startDate: { year: 2026, month: 3, wording: 'March 2026' } },
    updated: (r) =>
      expect(r).toMatchObject({ status: 'AWARDED', startDate: { iso: '2026-03' }, buyers: [{ name: 'Norfolk County Council' }] }),
  },
  {
    type: 'Offshoring',
    create: () => ({
      contract: ids.Contract,
      location: ids.OffshoreLocation,
      status: 'ALLEGED',
      citations: cite('Unite fears they will go to the Philippines'),
    }),
    fields: 'status location { name } contract { title }',
    created: (r) => expect(r).toMatchObject({ status: 'ALLEGED', location: { name: 'Philippines' } }),
    update: { description: 'Payroll work.' },
    updated: (r) => expect(r.status).toBe('ALLEGED'),
  },
  {
    type: 'Quantity',
    create: () => ({
      measure: 'JOBS_AFFECTED',
      low: 300,
      high: 300,
      unit: 'JOBS',
      basis: 'EXACT',
      wording: '300 jobs',
      contract: ids.Contract,
      citations: cite('It says 300 jobs move'),
    }),
    fields: 'measure low high period citations { quote source { title } }',
    created: (r) => expect(r).toMatchObject({ low: 300, high: 300, period: 'TOTAL', citations: [{ quote: 'It says 300 jobs move' }] }),
    update: { note: 'As the council says.' },
    updated: (r) => expect(r.low).toBe(300),
  },
  {
    type: 'Claim',
    create: () => ({
      statement: 'The jobs will go to the Philippines.',
      stance: 'ASSERTS',
      proposition: 'Norfolk payroll jobs will move to the Philippines.',
      union: ids.Union,
      contract: ids.Contract,
      offshoring: ids.Offshoring,
      citations: cite('Unite fears they will go to the Philippines'),
    }),
    fields: 'stance union { name } offshoring { status }',
    created: (r) => expect(r).toMatchObject({ stance: 'ASSERTS', union: { name: 'Unite the Union' }, offshoring: { status: 'ALLEGED' } }),
    update: { date: { wording: 'It says' } },
    updated: (r) => expect(r.stance).toBe('ASSERTS'),
  },
  {
    type: 'Event',
    create: () => ({
      kind: 'ANNOUNCEMENT',
      title: 'Norfolk announces payroll outsourcing',
      contract: ids.Contract,
      unions: [ids.Union],
      citations: cite('will outsource payroll'),
    }),
    fields: 'kind title unions { name } date { iso }',
    created: (r) => expect(r).toMatchObject({ kind: 'ANNOUNCEMENT', unions: [{ name: 'Unite the Union' }], date: null }),
    update: () => ({ unions: [ids.unison] }),
    updated: (r) => expect(r.unions).toEqual([{ name: 'UNISON' }]),
  },
  {
    type: 'Citation',
    create: () => ({ subject: ids.Contract, source: ids.Source, quote: 'Norfolk County Council will outsource payroll' }),
    fields: 'quote subjectType subject { __typename }',
    created: (r) => expect(r).toMatchObject({ subjectType: 'CONTRACT', subject: { __typename: 'Contract' } }),
    update: { note: 'The opening line.' },
    updated: (r) => expect(r.quote).toBe('Norfolk County Council will outsource payroll'),
  },
];

test.each(ROWS.map((r) => [r.type, r]))('create%s, then its update', async (type, row) => {
  const created = await mutate(`create${type}`, `Create${type}Input`, row.create(), row.fields);
  expect(created.version).toBe(1);
  expect(created.archivedAt).toBeNull();
  row.created(created);
  ids[type] = created.id;

  const changes = typeof row.update === 'function' ? row.update() : row.update;
  const updated = await mutate(`update${type}`, `Update${type}Input`, { id: created.id, version: 1, ...changes }, row.fields);
  expect(updated.version).toBe(2);
  row.updated(updated);
  versions[type] = 2;

  const { auditLog } = await server.data(
    `query ($id: ID!) { auditLog(filter: { entity: $id }) { edges { node { operation keyName entityType entityGlobalId before after } } } }`,
    { id: created.id },
    keys.admin,
  );
  const entries = auditLog.edges.map((e: any) => e.node);
  expect(entries.map((e: any) => e.operation)).toEqual([`update${type}`, `create${type}`]); // newest first
  expect(entries.every((e: any) => e.keyName === 'test-editor' && e.entityType === type && e.entityGlobalId === created.id)).toBe(true);
  expect(entries[1].before).toBeNull();
  expect(JSON.parse(entries[0].before).version).toBe(1);
  expect(JSON.parse(entries[0].after).version).toBe(2);
});

test("the new contract is in lists, search, its parties' pages and the roll-ups", async () => {
  const data = await server.data(`{
    contracts(filter: { search: "norfolk payroll" }) { totalCount }
    search(text: "Acme Outsourcing") { node { __typename } }
    supplier(slug: "acme-outsourcing") { contracts { totalCount } impact { contractCount jobsAffected { low high } jobsOffshored { alleged { low high } } } }
  }`);
  expect(data.contracts.totalCount).toBe(1);
  expect(data.search.map((h: any) => h.node.__typename)).toContain('Supplier');
  expect(data.supplier.contracts.totalCount).toBe(1);
  expect(data.supplier.impact).toEqual({
    contractCount: 1,
    jobsAffected: { low: 300, high: 300 },
    jobsOffshored: { alleged: { low: 300, high: 300 } },
  });
});

test("link and unlink a contract's buyers, suppliers and unions", async () => {
  const sel = 'buyers { slug } suppliers { role supplier { slug } } unions { role union { slug } }';
  const inputTypeOf = (name: string) =>
    name.includes('Buyer') ? 'ContractBuyerLinkInput' : name.includes('Supplier') ? 'ContractSupplierLinkInput' : 'ContractUnionLinkInput';
  const run = async (name: string, input: Record<string, unknown>) =>
    (await server.data(`mutation ($input: ${inputTypeOf(name)}!) { x: ${name}(input: $input) { ${sel} } }`, { input }, keys.editor)).x;

  let c = await run('linkContractBuyer', { contract: ids.Contract, publicBody: ids.dwp });
  expect(c.buyers.map((b: any) => b.slug).sort()).toEqual(['dwp', 'norfolk-county-council']);
  c = await run('unlinkContractBuyer', { contract: ids.Contract, publicBody: ids.dwp });
  expect(c.buyers).toEqual([{ slug: 'norfolk-county-council' }]);
  c = await run('linkContractSupplier', { contract: ids.Contract, supplier: ids.Supplier, role: 'PROPOSED_PROVIDER' });
  expect(c.suppliers).toEqual([{ role: 'PROPOSED_PROVIDER', supplier: { slug: 'acme-outsourcing' } }]);
  c = await run('linkContractUnion', { contract: ids.Contract, union: ids.unison });
  expect(c.unions.map((u: any) => [u.union.slug, u.role])).toEqual(
    expect.arrayContaining([
      ['unison', 'REPRESENTS_STAFF'],
      ['unite-the-union', 'CAMPAIGNS_AGAINST'],
    ]),
  );
  c = await run('unlinkContractUnion', { contract: ids.Contract, union: ids.unison });
  expect(c.unions.map((u: any) => u.union.slug)).toEqual(['unite-the-union']);
  c = await run('unlinkContractSupplier', { contract: ids.Contract, supplier: ids.Supplier });
  expect(c.suppliers).toEqual([]);
  c = await run('linkContractSupplier', { contract: ids.Contract, supplier: ids.Supplier });
  expect(c.suppliers).toEqual([{ role: 'PROVIDER', supplier: { slug: 'acme-outsourcing' } }]);

  const { auditLog } = await server.data(
    `{ auditLog(filter: { operations: ["linkContractBuyer", "unlinkContractBuyer"] }) { totalCount edges { node { before after } } } }`,
    {},
    keys.admin,
  );
  expect(auditLog.totalCount).toBe(2);
  expect(JSON.parse(auditLog.edges[0].node.after).buyers).toHaveLength(1);
});

test('an update that leaves the searchable texts alone keeps their entries; one that changes them replaces them', async () => {
  const contractId = Number(Buffer.from(ids.Contract, 'base64').toString().split(':')[1]);
  const entries = () =>
    server.dataSource.query(
      `SELECT id, field, text FROM search_entry WHERE subject_type = 'CONTRACT' AND subject_id = ${contractId} ORDER BY id`,
    );
  const before = await entries();
  expect(before.length).toBeGreaterThan(0);
  const { version } = (await server.data(`{ node(id: "${ids.Contract}") { ... on Contract { version } } }`)).node;
  const moved = await mutate('updateContract', 'UpdateContractInput', { id: ids.Contract, version, status: 'TRANSFERRED' }, 'status');
  expect(moved.status).toBe('TRANSFERRED');
  expect(await entries()).toEqual(before);

  const renamed = await mutate(
    'updateContract',
    'UpdateContractInput',
    { id: ids.Contract, version: moved.version, title: 'Norfolk payroll and pensions' },
    'title',
  );
  const after = await entries();
  expect(after.find((e: { field: string }) => e.field === 'title').text).toBe('Norfolk payroll and pensions');
  expect(Math.min(...after.map((e: { id: number }) => Number(e.id)))).toBeGreaterThan(
    Math.max(...before.map((e: { id: number }) => Number(e.id))),
  );
  const found = await server.data(`{ search(text: "payroll and pensions") { node { ... on Contract { id } } } }`);
  expect(found.search.map((h: any) => h.node.id)).toContain(ids.Contract);
  versions.Contract = renamed.version;
});

test("a slug made from a name already taken gets the first free counter, past ten, never an archived record's", async () => {
  const made = async () => (await mutate('createSupplier', 'CreateSupplierInput', { name: 'Slugworth Services' }, 'slug')).slug;
  const slugs: string[] = [];
  for (let i = 0; i < 13; i += 1) slugs.push(await made());
  expect(slugs).toEqual(['slugworth-services', ...Array.from({ length: 12 }, (_, i) => `slugworth-services-${i + 2}`)]);
  // An archived record keeps its slug (it is still reachable by it for its history): the counter goes past it.
  const { supplier } = await server.data('{ supplier(slug: "slugworth-services-7") { id version } }');
  await mutate('archiveSupplier', 'ArchiveInput', { id: supplier.id, version: supplier.version }, '', keys.admin);
  expect(await made()).toBe('slugworth-services-14');
});

test.each([...ROWS].reverse().map((r) => [r.type]))('archive%s: it leaves the default views, keeps its id and history', async (type) => {
  const archived = await mutate(`archive${type}`, 'ArchiveInput', { id: ids[type], version: versions[type] }, '', keys.admin);
  expect(archived.archivedAt).not.toBeNull();
  expect(archived.version).toBe(versions[type] + 1);
  const { node } = await server.data(`query ($id: ID!) { node(id: $id) { ... on Editable { archivedAt } } }`, { id: ids[type] });
  expect(node.archivedAt).not.toBeNull();
  const { auditLog } = await server.data(
    `query ($id: ID!) { auditLog(filter: { entity: $id }, first: 1) { edges { node { operation keyName } } } }`,
    { id: ids[type] },
    keys.admin,
  );
  expect(auditLog.edges[0].node).toEqual({ operation: `archive${type}`, keyName: 'test-admin' });
});

test('archived records are gone from lists, search and roll-ups', async () => {
  const data = await server.data(`{
    contracts(filter: { search: "norfolk" }) { totalCount }
    suppliers(filter: { search: "acme" }) { totalCount }
    search(text: "Acme Outsourcing") { node { __typename } }
    impactTotals(filter: { search: "norfolk" }) { contractCount }
    publicBody(slug: "norfolk-county-council") { archivedAt contracts { totalCount } }
  }`);
  expect(data.contracts.totalCount).toBe(0);
  expect(data.suppliers.totalCount).toBe(0);
  expect(data.search).toEqual([]);
  expect(data.impactTotals.contractCount).toBe(0);
  expect(data.publicBody.archivedAt).not.toBeNull(); // still reachable by slug, for its history
  expect(data.publicBody.contracts.totalCount).toBe(0);
});

test('after every mutation above (creates, updates, links, archives), the kept per-contract measures equal a computation from scratch', async () => {
  const { kept, fresh } = await measuresKeptAndFresh(server.dataSource);
  expect(Object.keys(fresh).length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
});

test('after every mutation above (creates, updates, links, archives), the kept groups and per-group summaries equal the roll-up from scratch', async () => {
  // Every write went through a transaction, whose COMMIT flushed the queue on either database.
  expect(await rollupsPending(server.dataSource)).toBe(false);
  const { kept, fresh } = await summariesKeptAndFresh(server.dataSource);
  expect(fresh.groups.length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
});
