import { generate } from '../bench/datagen';
import { HeavyWorkGate, type Release } from '../src/limits/admission';
import { LIGHT_CONTRACTS } from '../src/limits/light-roll-up';
import { contractsOfNamedParties } from '../src/services/impact/named-parties';
import { runSql } from '../src/services/sql';
import { startTestServer, type TestServer } from './support/test-server';

// A roll-up of a few buyers' or suppliers' contracts is summed from those contracts (no kept row holds it),
// but there are few of them: counted from the parties' kept groups before it runs, it is light work and
// does not queue behind roll-ups of every supplier. The gate's only slot is held throughout, so anything
// still heavy is refused at once (503) and anything light answers.

const onSqlite = process.env.TEST_DATABASE_URL ? test.skip : test;

let server: TestServer;
let gate: HeavyWorkGate;
let hold: Release | undefined;
beforeAll(async () => {
  gate = new HeavyWorkGate(1, 1);
  server = await startTestServer({ seed: false, gate, env: { RESPONSE_CACHE_MB: '0', ROLLUP_CACHE_GROUPS: '0' } });
  await generate(server.dataSource, { contracts: 3000, seed: 2 });
}, 60_000);
afterAll(() => server?.stop());
beforeEach(async () => {
  hold = await gate.admit();
});
afterEach(() => hold?.());

const rollUp = (filter: string, groupBy = 'SUPPLIER') =>
  server.query(`{ impact(groupBy: [${groupBy}] filter: ${filter}) { contractCount jobsAffected { low high } } }`);
const totals = async (filter: string) =>
  (await server.data(`{ impactTotals(filter: ${filter}) { contractCount } }`)).impactTotals.contractCount as number;

test('one buyer’s or one supplier’s contracts by supplier or year answer while every slot is taken; every supplier does not', async () => {
  for (const [filter, groupBy] of [
    ['{ buyers: ["body-1"] }', 'SUPPLIER'],
    ['{ suppliers: ["supplier-3"] }', 'YEAR'],
    ['{ buyers: ["body-1", "body-2"], statuses: [AWARDED] }', 'PUBLIC_BODY'],
    ['{ buyers: ["no-such-body"] }', 'SUPPLIER'],
  ]) {
    const answer = await rollUp(filter, groupBy);
    expect([filter, answer.status, answer.body.errors]).toEqual([filter, 200, undefined]);
  }
  expect((await rollUp('{ buyers: ["no-such-body"] }')).body.data.impact).toEqual([]);
  const every = await rollUp('{ statuses: [AWARDED, FAILED] }');
  expect([every.status, every.body.errors?.[0].extensions?.code]).toEqual([503, 'SERVER_BUSY']);
});

test('the count read before a roll-up is what the filter selects: exact for one party, at most the sum for several', async () => {
  hold?.();
  hold = undefined;
  const count = (filter: object) => contractsOfNamedParties(server.dataSource, filter);
  expect(await count({ buyers: ['body-1'] })).toBe(await totals('{ buyers: ["body-1"] }'));
  expect(await count({ suppliers: ['supplier-3'] })).toBe(await totals('{ suppliers: ["supplier-3"] }'));
  const both = await totals('{ buyers: ["body-1", "body-2"] }');
  expect(await count({ buyers: ['body-1', 'body-2'] })).toBeGreaterThanOrEqual(both);
  // Both named: the smaller of the two counts bounds what both select.
  const one = (await count({ suppliers: ['supplier-3'] }))!;
  expect(await count({ buyers: ['body-1', 'body-2'], suppliers: ['supplier-3'] })).toBe(
    Math.min(one, (await count({ buyers: ['body-1', 'body-2'] }))!),
  );
  expect(await count({ buyers: ['no-such-body'] })).toBe(0);
  expect(await count({ statuses: ['AWARDED'] } as object)).toBeNull();
});

test('many such roll-ups in one operation add up: past the bound together, they are heavy work', async () => {
  // Buyers whose contracts number over half the bound: one roll-up of them is light, two are not.
  const buyers: string[] = [];
  let counted = 0;
  for (let b = 1; counted <= LIGHT_CONTRACTS / 2; b += 1) {
    buyers.push(`body-${b}`);
    counted = (await contractsOfNamedParties(server.dataSource, { buyers }))!;
  }
  expect(counted).toBeLessThanOrEqual(LIGHT_CONTRACTS);
  const filter = `{ buyers: ${JSON.stringify(buyers)} }`;
  const one = await server.query(`{ a: impactTotals(filter: ${filter}) { contractCount } }`);
  expect([one.status, one.body.errors]).toEqual([200, undefined]);
  const two = await server.query(
    `{ a: impactTotals(filter: ${filter}) { contractCount } b: impactTotals(filter: ${filter}) { contractCount } }`,
  );
  expect([two.status, two.body.errors?.[0].extensions?.code]).toEqual([503, 'SERVER_BUSY']);
});

// PostgreSQL flushes at every COMMIT: its queue is never seen waiting.
onSqlite('while written contracts wait to be flushed into the kept groups (SQLite, outside the writer), no count is given', async () => {
  await server.dataSource.query('INSERT INTO rollup_dirty (contract_id) SELECT MIN(id) FROM contract');
  try {
    expect(await contractsOfNamedParties(server.dataSource, { buyers: ['body-1'] })).toBeNull();
    const answer = await rollUp('{ buyers: ["body-1"] }');
    expect([answer.status, answer.body.errors?.[0].extensions?.code]).toEqual([503, 'SERVER_BUSY']);
  } finally {
    await server.dataSource.query('DELETE FROM rollup_dirty');
  }
});

test('a buyer with more than the bound of contracts is heavy work again, counted after the write that made it so', async () => {
  await server.dataSource.transaction((manager) =>
    runSql(
      manager.connection,
      `INSERT INTO contract_buyer (contract_id, public_body_id)
       SELECT c.id, b.id FROM contract c, public_body b
       WHERE b.slug = 'body-5' AND NOT EXISTS (SELECT 1 FROM contract_buyer x WHERE x.contract_id = c.id AND x.public_body_id = b.id)`,
    ),
  );
  expect(await contractsOfNamedParties(server.dataSource, { buyers: ['body-5'] })).toBeGreaterThan(LIGHT_CONTRACTS);
  const answer = await rollUp('{ buyers: ["body-5"] }');
  expect([answer.status, answer.body.errors?.[0].extensions?.code]).toEqual([503, 'SERVER_BUSY']);
  expect((await rollUp('{ buyers: ["body-1"] }')).status).toBe(200);
});
