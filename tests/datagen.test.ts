import { generate } from '../bench/datagen';
import { openDatabase } from '../src/database/open';
import { dumpDatabase } from './support/dump';
import { createTestDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// The benchmark's data generator: deterministic, and data the API answers without a single error.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await generate(server.dataSource, { contracts: 300, seed: 7 });
});
afterAll(() => server?.stop());

test('the same seed gives the same atlas', async () => {
  const other = await createTestDatabase();
  const ds = await openDatabase(other.target);
  try {
    await generate(ds, { contracts: 300, seed: 7 });
    const [a, b] = [await dumpDatabase(server.dataSource), await dumpDatabase(ds)];
    expect(b.contract).toEqual(a.contract);
    expect(b.citation).toEqual(a.citation);
    expect(b.search_entry.length).toBe(a.search_entry.length);
  } finally {
    await ds.destroy();
    await other.drop();
  }
});

test('the API answers every benchmark operation over it', async () => {
  const data = await server.data(`{
    contracts(first: 50) { totalCount edges { node { title buyers { name } suppliers { supplier { name } } offshoring { status location { name } } unions { union { name } } } } }
    bySupplier: impact(groupBy: [SUPPLIER]) { contractCount jobsAffected { low high basedOn } }
    byYear: impact(groupBy: [YEAR]) { key { year } contractCount }
    totals: impactTotals { contractCount contested jobsOffshored { denied { basedOn } } }
    search(text: "council", first: 10) { field }
    contract(slug: "contract-42") { title figures { measure low high } }
  }`);
  expect(data.contracts.totalCount).toBe(300);
  expect(data.contracts.edges[0].node.buyers.length).toBeGreaterThan(0);
  expect(data.totals).toMatchObject({ contractCount: 300, contested: true });
  expect(data.totals.jobsOffshored.denied.basedOn).toBeGreaterThan(0);
  expect(data.byYear.reduce((n: number, g: any) => n + g.contractCount, 0)).toBe(300);
  expect(data.search.length).toBe(10);
  expect(data.contract.title).toMatch(/\(42\)$/);
});
