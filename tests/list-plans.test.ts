import type { DataSource } from 'typeorm';
import { Contract } from '../src/entities';
import type { ContractFilter } from '../src/schema/filters';
import { applyContractFilter } from '../src/services/lists/contract-list';
import { textSortKey } from '../src/services/sql';
import { generateContracts } from './support/generate-contracts';
import { openTestDatabase } from './support/test-database';

// A page of a buyer's or a supplier's contracts must not walk the whole contract table: at a million
// contracts that walk took 3.4 s per CSV export of one buyer (BENCHMARKS.md). SQLite's plan is checked;
// PostgreSQL plans the same filter as a semi-join either way.
const onSqlite = process.env.TEST_DATABASE_URL ? test.skip : test;

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
  await generateContracts(ds, 200);
  await ds.query('ANALYZE');
});
afterAll(() => close?.());

async function planOf(filter: ContractFilter): Promise<string[]> {
  const qb = ds.createQueryBuilder().select('c.id', 'id').from(Contract, 'c');
  applyContractFilter(qb, 'c', filter);
  qb.orderBy(textSortKey(ds, 'c.title')).addOrderBy('c.id').limit(51);
  const [sql, params] = qb.getQueryAndParameters();
  const rows: Array<{ detail: string }> = await ds.query(`EXPLAIN QUERY PLAN ${sql}`, params);
  return rows.map((row) => row.detail);
}

onSqlite.each([
  ['buyers', { buyers: ['body-1'] }],
  ['suppliers', { suppliers: ['supplier-1'] }],
])('a page filtered by %s starts from them, not from a scan of every contract', async (_, filter) => {
  const plan = await planOf(filter as ContractFilter);
  expect(plan.filter((line) => /^SCAN c\b/.test(line))).toEqual([]);
  expect(plan.some((line) => /^SEARCH c USING INTEGER PRIMARY KEY/.test(line))).toBe(true);
});
