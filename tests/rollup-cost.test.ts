import { generate } from '../bench/datagen';
import { makeTestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// A roll-up is priced by what it will compute, before it runs: the groups the data can form for the
// dimensions asked (counted once per data version) times the fields selected per group. The whole
// SUPPLIER roll-up once cost 166 whatever the data, less than five suppliers' own small roll-ups (526).
const MEASURES = 'contractCount jobsAffected { low high basedOn } moneyLost { low high basedOn }';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await generate(server.dataSource, { contracts: 3000, seed: 11 });
}, 60_000);
afterAll(() => server?.stop());

const costOf = async (query: string) => {
  const { status, body } = await server.query(query);
  return {
    status,
    cost: body.extensions?.cost?.requestedQueryCost ?? body.errors?.[0]?.extensions?.cost,
    code: body.errors?.[0]?.extensions?.code,
  };
};

test("the whole roll-up costs more than a page of entities' own roll-ups, and grows with the groups the data can form", async () => {
  const { suppliers } = await server.data('{ suppliers(first: 1) { totalCount } }');
  const whole = await costOf(`{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } ${MEASURES} } }`);
  const five = await costOf(`{ suppliers(first: 5) { edges { node { name impact { ${MEASURES} } } } } }`);
  expect(whole.cost).toBeGreaterThan(five.cost);
  // At least one point per group it returns, for every one of the data's suppliers.
  expect(whole.cost).toBeGreaterThan(suppliers.totalCount);
  const byYear = await costOf(`{ impact(groupBy: [YEAR]) { key { year } ${MEASURES} } }`);
  const bySupplierAndYear = await costOf(`{ impact(groupBy: [SUPPLIER, YEAR]) { key { year } ${MEASURES} } }`);
  expect(byYear.cost).toBeLessThan(whole.cost);
  expect(bySupplierAndYear.cost).toBeGreaterThan(whole.cost);
});

test('the top groups (`first`) cost what they return, plus the forming; a whole roll-up past MAX_COST is refused before it runs', async () => {
  const top = await costOf(`{ impact(groupBy: [SUPPLIER], first: 20) { key { supplier { name } } ${MEASURES} } }`);
  const whole = await costOf(`{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } ${MEASURES} } }`);
  expect(top.cost).toBeLessThan(whole.cost / 10);
  const strict = await startTestServer({ seed: false, env: { MAX_COST: String(Math.round((top.cost + whole.cost) / 2)) } });
  try {
    await generate(strict.dataSource, { contracts: 3000, seed: 11 });
    const refused = await strict.query(`{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } ${MEASURES} } }`);
    expect([refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(refused.body.errors![0].message).toMatch(/first/);
    const allowed = await strict.query(`{ impact(groupBy: [SUPPLIER], first: 20) { key { supplier { name } } ${MEASURES} } }`);
    expect([allowed.status, allowed.body.data.impact.length]).toEqual([200, 20]);
  } finally {
    await strict.stop();
  }
});

test('a roll-up asked after the data has grown is priced by the groups the data can form now', async () => {
  const grown = await startTestServer({ seed: false });
  try {
    await generate(grown.dataSource, { contracts: 300, seed: 11 });
    const keys = await makeTestKeys(grown.dataSource);
    const query = `{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } ${MEASURES} } }`;
    await grown.query(query); // counts the sizes
    const before = (await grown.query(query)).body.extensions?.cost.requestedQueryCost;
    // Priced first with the sizes counted for the answers before: these suppliers come after that count.
    for (let i = 0; i < 20; i += 1) {
      const created = await grown.query(`mutation { createSupplier(input: { name: "Later Supplier ${i}" }) { slug } }`, {}, keys.editor);
      expect(created.body.errors).toBeUndefined();
    }
    const after = (await grown.query(query)).body.extensions?.cost.requestedQueryCost;
    // At least a point for each group the new suppliers can form.
    expect(after - before).toBeGreaterThanOrEqual(20);
  } finally {
    await grown.stop();
  }
});
