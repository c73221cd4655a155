import { dataVersion } from '../src/services/data-version';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// Roll-ups are kept between requests until the data changes. What must hold: a repeat costs one small
// statement, any write — through the API or straight into the database — is seen by the next roll-up,
// and each measure beyond the totals costs its statement only when selected.
let server: TestServer;
let keys: TestKeys;
beforeAll(async () => {
  // Without the response cache, which would answer a repeated query before any roll-up is asked for.
  server = await startTestServer({ env: { RESPONSE_CACHE_MB: '0' } });
  keys = await makeTestKeys(server.dataSource);
});
afterAll(() => server?.stop());

const TOTALS = '{ impactTotals { contractCount jobsAffected { low high basedOn } } }';

async function counted(query: string) {
  const { result: data, statements } = await server.statements.during(() => server.data(query));
  return { data, statements };
}

test('a repeated roll-up answers the same from one statement, the data version', async () => {
  const first = await counted('{ impact(groupBy: [SUPPLIER]) { key { supplierId: supplier { id } } contractCount jobsAffected { low } } }');
  const again = await counted('{ impact(groupBy: [SUPPLIER]) { key { supplierId: supplier { id } } contractCount jobsAffected { low } } }');
  expect(again.data).toEqual(first.data);
  expect(first.data.impact.length).toBeGreaterThan(1);
  // The suppliers behind the keys are loaded per request (one statement); the roll-up itself is not rerun.
  expect(first.statements).toBeGreaterThan(2);
  expect(again.statements).toBe(2);
});

test("price years: each group's distinct years, in order, from one small statement of their own", async () => {
  // Before the tests below archive a contract: the seed's savings figures are all on its first one. The
  // seed states no price base; the savings figures get one here (2003, and 2001 for the last).
  await server.dataSource
    .query(`UPDATE quantity SET price_year = CASE WHEN id = (SELECT MAX(id) FROM quantity WHERE measure = 'SAVINGS_CLAIMED')
    THEN 2001 ELSE 2003 END WHERE measure = 'SAVINGS_CLAIMED'`);
  const years = await counted('{ impactTotals { savingsClaimed { priceYears } } }');
  expect(years.data.impactTotals.savingsClaimed.priceYears).toEqual([2001, 2003]);
  // The version, the totals and the years: not the provenance, which walks citations.
  expect(years.statements).toBe(3);
  expect(server.statements.statements.some((sql) => sql.includes('citation'))).toBe(false);
});

test('every write to a table roll-ups read moves the data version on, whoever writes', async () => {
  const before = BigInt(await dataVersion(server.dataSource));
  await server.dataSource.query("UPDATE quantity SET note = 'touched' WHERE id = (SELECT MIN(id) FROM quantity)");
  const after = BigInt(await dataVersion(server.dataSource));
  expect(after).toBeGreaterThan(before);
});

test('a write straight into the database, past the API, shows in the next roll-up', async () => {
  const before = (await server.data(TOTALS)).impactTotals.contractCount;
  await server.dataSource.query(
    'UPDATE contract SET archived_at = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM contract WHERE archived_at IS NULL)',
  );
  expect((await server.data(TOTALS)).impactTotals.contractCount).toBe(before - 1);
});

test('a contract created through the API shows in the next roll-up', async () => {
  const before = (await server.data(TOTALS)).impactTotals.contractCount;
  await server.data('mutation { createContract(input: { title: "Cache test", status: PROPOSED }) { id } }', {}, keys.editor);
  expect((await server.data(TOTALS)).impactTotals.contractCount).toBe(before + 1);
});

test('offshored jobs and members cost a statement each, only when selected', async () => {
  // A fresh version, so that nothing is cached yet.
  await server.dataSource.query("UPDATE quantity SET note = 'again' WHERE id = (SELECT MIN(id) FROM quantity)");
  const counts = await counted('{ impact(groupBy: [STATUS]) { contractCount } }');
  const jobs = await counted('{ impact(groupBy: [YEAR]) { contractCount jobsOffshored { atRisk { low } } } }');
  const all = await counted('{ impact(groupBy: [SERVICE]) { contractCount jobsOffshored { atRisk { low } } membersRepresented { low } } }');
  // The first grouped roll-up on a new version also counts what the data can group by, to price it.
  expect([counts.statements, jobs.statements, all.statements]).toEqual([3, 3, 4]);
  expect(all.data.impact.some((g: { membersRepresented: { low: number } }) => g.membersRepresented.low > 0)).toBe(true);
});

test('ordering by a measure computed on first use sorts by it', async () => {
  const { impact } = await server.data(
    '{ impact(groupBy: [PUBLIC_BODY], orderBy: { field: JOBS_AT_RISK, direction: DESC }) { jobsOffshored { atRisk { low } } } }',
  );
  const lows = impact.map((g: { jobsOffshored: { atRisk: { low: number } } }) => g.jobsOffshored.atRisk.low);
  expect(lows).toEqual([...lows].sort((a, b) => b - a));
  expect(lows[0]).toBeGreaterThan(lows[lows.length - 1]);
});

describe('with ROLLUP_CACHE_GROUPS=0', () => {
  let uncached: TestServer;
  beforeAll(async () => {
    uncached = await startTestServer({ env: { ROLLUP_CACHE_GROUPS: '0', RESPONSE_CACHE_MB: '0' } });
  });
  afterAll(() => uncached?.stop());

  test('every roll-up runs its statements again', async () => {
    const first = await uncached.statements.during(() => uncached.data(TOTALS));
    const again = await uncached.statements.during(() => uncached.data(TOTALS));
    expect(first.statements).toBe(1);
    expect(again.statements).toBe(1);
  });
});
