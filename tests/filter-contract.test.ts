import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// Filters keep the documented contract: archived records never match by slug, and a malformed ID in a
// filter is the client's mistake, not a silent empty answer.
let server: TestServer;
let keys: TestKeys;
beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
});
afterAll(() => server?.stop());

test('an archived supplier, buyer, union or location matches no filter by its slug, in lists and roll-ups alike', async () => {
  const count = async (filter: string) =>
    await server.data(`{ contracts(filter: { ${filter} }) { totalCount } impactTotals(filter: { ${filter} }) { contractCount } }`);
  const cases: Array<[string, string, string]> = [
    ['suppliers: ["xansa"]', 'supplier(slug: "xansa") { id }', 'archiveSupplier'],
    ['buyers: ["dwp"]', 'publicBody(slug: "dwp") { id }', 'archivePublicBody'],
    ['unions: ["pcs"]', 'union(slug: "pcs") { id }', 'archiveUnion'],
    ['offshoreLocations: ["india"]', 'offshoreLocation(slug: "india") { id }', 'archiveOffshoreLocation'],
  ];
  for (const [filter, lookup, archive] of cases) {
    const before = await count(filter);
    expect([filter, before.contracts.totalCount > 0]).toEqual([filter, true]);
    const record = Object.values(await server.data(`{ ${lookup} }`))[0] as { id: string };
    await server.data(`mutation { ${archive}(input: { id: "${record.id}" }) { id } }`, {}, keys.admin);
    expect([filter, await count(filter)]).toEqual([filter, { contracts: { totalCount: 0 }, impactTotals: { contractCount: 0 } }]);
  }
});

test('a malformed ID in the audit log filter is BAD_USER_INPUT naming filter.entity', async () => {
  for (const entity of ['nonsense', 'Q29udHJhY3Q6eA', 'Q29udHJhY3Q6LTE']) {
    const { body } = await server.query(`{ auditLog(filter: { entity: "${entity}" }) { totalCount } }`, undefined, keys.admin);
    expect([entity, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.field]).toEqual([
      entity,
      'BAD_USER_INPUT',
      'filter.entity',
    ]);
  }
});
