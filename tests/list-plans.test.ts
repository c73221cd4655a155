import { type DataSource, SelectQueryBuilder } from 'typeorm';
import { Contract } from '../src/entities';
import type { ContractFilter } from '../src/schema/filters';
import { applyContractFilter, contractList } from '../src/services/lists/contract-list';
import { listConnection, listParts } from '../src/services/lists/list';
import { textSortKey } from '../src/services/sql';
import { OrderDirection } from '../src/schema/enums';
import { ContractOrderField } from '../src/schema/orders';
import { generateContracts } from './support/generate-contracts';
import { openTestDatabase } from './support/test-database';

// A page of a buyer's or a supplier's contracts must not walk the whole contract table: at a million
// contracts that walk took 3.4 s per CSV export of one buyer (BENCHMARKS.md). SQLite's plan is checked;
// PostgreSQL plans the same filter as a semi-join either way. A part between two cursors is checked on both.
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

test('a part of a list between two cursors is read as a range of the sort index, not a walk of it', async () => {
  const order = { field: ContractOrderField.TITLE, direction: OrderDirection.ASC };
  const { cursors } = await listParts(ds, contractList, null, order, 50);
  const read = SelectQueryBuilder.prototype.getRawAndEntities;
  const seen: Array<[string, unknown[]]> = [];
  const spy = jest.spyOn(SelectQueryBuilder.prototype, 'getRawAndEntities').mockImplementation(function (
    this: SelectQueryBuilder<Contract>,
  ) {
    seen.push(this.getQueryAndParameters());
    return read.call(this);
  });
  try {
    await listConnection(ds, contractList, null, order, { first: 50, after: cursors[0] }, cursors[1]);
  } finally {
    spy.mockRestore();
  }
  const [sql, params] = seen[0];
  if (process.env.TEST_DATABASE_URL) {
    await ds.query('SET enable_seqscan = off');
    const plan: Array<Record<string, string>> = await ds.query(`EXPLAIN ${sql}`, params);
    await ds.query('RESET enable_seqscan');
    // Both bounds on the sort key are index conditions: the scan starts at one cursor and stops at the other.
    const conditions = plan.map((row) => row['QUERY PLAN']).filter((line) => line.includes('Index Cond'));
    expect(conditions.join('\n')).toMatch(/>=.*<=|<=.*>=/);
  } else {
    const plan: Array<{ detail: string }> = await ds.query(`EXPLAIN QUERY PLAN ${sql}`, params);
    expect(plan.map((row) => row.detail)).toContainEqual(
      expect.stringMatching(/^SEARCH c USING INDEX IDX_contract_title_sort \(<expr>>\? AND <expr><\?\)/),
    );
  }
});
