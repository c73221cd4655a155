import type { DataSource } from 'typeorm';
import { generate } from '../bench/datagen';
import { rollupsPending } from '../src/database/rollup-queue';
import { ContractStatus, ImpactDimension, OffshoringStatus, OrderDirection, Sector, Service } from '../src/schema/enums';
import { ImpactOrderField } from '../src/schema/orders';
import type { ContractFilter } from '../src/schema/filters';
import { WIDE_PAIRS } from '../src/migrations/shared/1795540000000-rollup-wide-pairs';
import { computeImpact } from '../src/services/impact/impact';
import { KEPT_PAIR_KINDS, keptPairTotals, readsKeptRows } from '../src/services/impact/kept-pairs';
import { membership } from '../src/services/impact/membership';
import { groupTotals } from '../src/services/impact/statements';
import { isPostgres } from '../src/services/sql';
import { clearAll } from '../seed/load';
import { summariesKeptAndFresh } from './support/rollup-summaries';
import { openTestDatabase } from './support/test-database';

// Roll-ups by two dimensions, and by one dimension of one group's contracts, read the kept pairs
// (rollup_pair) where a pair holds them. Whether the pairs themselves are kept right after any writes is
// the summaries' property test (tests/rollup-summaries.test.ts); here, that every roll-up read from them
// answers what summing its contracts from scratch answers, on generated data.

let ds: DataSource;
const onPostgres = process.env.TEST_DATABASE_URL ? test : test.skip;
let close: (() => Promise<void>) | undefined;

const DIMENSIONS = Object.values(ImpactDimension).filter((d) => d !== ImpactDimension.CONTRACT);
const COLUMNS = [
  'contract_count',
  'contested',
  ...['jobs', 'save_year', 'save_total', 'lost'].flatMap((x) => ['low', 'high', 'based_on'].map((p) => `${x}_${p}`)),
];

/** Rows as comparable text: keys as strings ('' for none), numbers as numbers, in key order. */
const normal = (rows: Array<Record<string, unknown>>) =>
  rows
    .map((row) =>
      JSON.stringify([
        row.k0 == null ? '' : String(row.k0),
        row.k1 == null ? '' : String(row.k1),
        ...COLUMNS.map((c) => (row[c] == null ? null : Number(row[c]))),
      ]),
    )
    .sort();

const fromScratch = async (filter: ContractFilter | null, groupBy: ImpactDimension[]) =>
  normal(await groupTotals(ds, membership(ds, filter, groupBy, undefined, true)));

beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
  await ds.transaction((tx) => clearAll(tx));
  await generate(ds, { contracts: 300, seed: 11 });
  // An archived union: its slug no longer selects contracts, and its contracts leave its groups.
  await ds.transaction((tx) => tx.query("UPDATE trade_union SET archived_at = CURRENT_TIMESTAMP WHERE slug = 'union-1'"));
}, 120_000);
afterAll(() => close?.());

test('every pair of dimensions kept, in either order, reads the same groups as summing the contracts', async () => {
  let read = 0;
  for (const a of DIMENSIONS)
    for (const b of DIMENSIONS) {
      if (a === b) continue;
      const pairs = await keptPairTotals(ds, null, [a, b]);
      const isKept = KEPT_PAIR_KINDS.some(([d1, d2]) => (d1 === a && d2 === b) || (d1 === b && d2 === a));
      expect([a, b, pairs !== null, readsKeptRows(null, [a, b])]).toEqual([a, b, isKept, isKept]);
      if (!pairs) continue;
      read += 1;
      expect([a, b, normal(pairs)]).toEqual([a, b, await fromScratch(null, [a, b])]);
    }
  // Every pair of two different dimensions (45), each asked in both orders.
  expect(read).toBe(90);
}, 120_000);

test('one group’s contracts in total, and by any dimension kept with it, read the same groups as summing the contracts', async () => {
  const slugs = async (table: string) =>
    ((await ds.query(`SELECT slug FROM ${table} ORDER BY id LIMIT 3`)) as Array<{ slug: string }>).map((r) => r.slug);
  const filters: ContractFilter[] = [
    ...Object.values(ContractStatus).map((s) => ({ statuses: [s] })),
    ...Object.values(Sector).map((s) => ({ sectors: [s] })),
    ...Object.values(Service).map((s) => ({ services: [s] })),
    ...Object.values(OffshoringStatus).map((s) => ({ offshoringStatuses: [s] })),
    ...[...(await slugs('trade_union')), 'no-such-union'].map((slug) => ({ unions: [slug] })),
    ...[...(await slugs('offshore_location')), 'no-such-place'].map((slug) => ({ offshoreLocations: [slug] })),
  ];
  let read = 0;
  for (const filter of filters)
    for (const d of [...DIMENSIONS, null]) {
      // d null: the totals of the group's contracts, from its own summary.
      const groupBy = d ? [d] : [];
      const pairs = await keptPairTotals(ds, filter, groupBy);
      // What admission control is told (light work) is what the roll-up then does; an unknown slug
      // answers no groups at once, whatever the shape.
      expect([filter, d, readsKeptRows(filter, groupBy) || pairs?.length === 0]).toEqual([filter, d, pairs !== null]);
      if (!pairs) continue;
      read += 1;
      expect([filter, d, normal(pairs)]).toEqual([filter, d, await fromScratch(filter, groupBy)]);
    }
  // Every dimension is kept with every one-group filter's: each shape read kept rows.
  expect(read).toBe(filters.length * (DIMENSIONS.length + 1));
  // Not answered from pairs: several values, several fields, a buyer.
  for (const filter of [
    { statuses: [ContractStatus.AWARDED, ContractStatus.FAILED] },
    { statuses: [ContractStatus.AWARDED], sectors: [Sector.LOCAL_GOVERNMENT] },
    { buyers: ['body-1'] },
  ])
    expect([await keptPairTotals(ds, filter, [ImpactDimension.YEAR]), readsKeptRows(filter, [ImpactDimension.YEAR])]).toEqual([
      null,
      false,
    ]);
}, 120_000);

test('the roll-up reads the pairs in its own order and limit', async () => {
  const top = await computeImpact(ds, {
    groupBy: [ImpactDimension.SUPPLIER],
    filter: { sectors: [Sector.CENTRAL_GOVERNMENT] },
    top: { field: ImpactOrderField.CONTRACT_COUNT, direction: OrderDirection.DESC, first: 5 },
  });
  const all = await computeImpact(ds, { groupBy: [ImpactDimension.SUPPLIER], filter: { sectors: [Sector.CENTRAL_GOVERNMENT] } });
  expect(top).toHaveLength(5);
  const most = Math.max(...all.map((g) => g.contractCount));
  expect(top.map((g) => g.contractCount)).toContain(most);
  expect(Math.min(...top.map((g) => g.contractCount))).toBeGreaterThanOrEqual(
    [...all.map((g) => g.contractCount)].sort((x, y) => y - x)[4],
  );
});

test('a transaction of a few contracts and one of hundreds keep the same rows as summing from scratch', async () => {
  // On PostgreSQL up to 20 queued contracts flush in one statement writing only what changed, more in
  // the summaries' and pairs' statements one by one (SQLite: one way below 10,000).
  for (const [count, status] of [
    [16, ContractStatus.FAILED],
    [150, ContractStatus.AWARDED],
  ] as const) {
    await ds.transaction(async (tx) => {
      await tx.query(`UPDATE contract SET status = '${status}' WHERE id IN (SELECT id FROM contract ORDER BY id DESC LIMIT ${count})`);
      await tx.query(`DELETE FROM contract_union WHERE contract_id IN (SELECT id FROM contract ORDER BY id DESC LIMIT ${count / 2})`);
    });
    expect(await rollupsPending(ds)).toBe(false);
    const { kept, fresh } = await summariesKeptAndFresh(ds);
    expect(kept).toEqual(fresh);
  }
}, 120_000);

onPostgres(
  'on PostgreSQL each kind of pair with a buyer or a supplier is a table of its own, and a roll-up of it reads only that',
  async () => {
    const tables = async (sql: string) => {
      const [{ 'QUERY PLAN': plan }] = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`);
      const names = new Set<string>();
      const walk = (node: { 'Relation Name'?: string; Plans?: unknown[] }) => {
        if (node['Relation Name']) names.add(node['Relation Name']);
        (node.Plans ?? []).forEach((child) => walk(child as typeof node));
      };
      walk(plan[0].Plan);
      return [...names];
    };
    expect(await tables(`SELECT * FROM rollup_pair WHERE d1 = 'PUBLIC_BODY' AND d2 = 'SUPPLIER'`)).toEqual([
      'rollup_pair_public_body_supplier',
    ]);
    expect(await tables(`SELECT * FROM rollup_pair WHERE d1 = 'UNION' AND d2 = 'PUBLIC_BODY' AND k1 = '1'`)).toEqual([
      'rollup_pair_union_public_body',
    ]);
    // Every wide kind's rows are in its own table, and the few-group kinds share one.
    const homes: Array<{ d1: string; d2: string; home: string }> = await ds.query(
      'SELECT DISTINCT d1, d2, tableoid::regclass::text AS home FROM rollup_pair ORDER BY d1, d2',
    );
    for (const { d1, d2, home } of homes)
      expect([d1, d2, home]).toEqual([
        d1,
        d2,
        ['PUBLIC_BODY', 'SUPPLIER'].includes(d2) ? `rollup_pair_${d1}_${d2}`.toLowerCase() : 'rollup_pair_few',
      ]);
    expect(homes.filter(({ d2 }) => d2 === 'SUPPLIER')).toHaveLength(9);
  },
);

test('undoing the pairs’ migrations leaves writes flushing the summaries alone; migrating again refills the pairs', async () => {
  const fail = (tx: { query(sql: string): Promise<unknown> }, status: string) =>
    tx.query(`UPDATE contract SET status = '${status}' WHERE id IN (SELECT id FROM contract ORDER BY id LIMIT 5)`);
  const wideRows = async () =>
    Number(
      (
        await ds.query(
          `SELECT COUNT(*) AS n FROM rollup_pair WHERE ${WIDE_PAIRS.map(([d1, d2]) => `(d1 = '${d1}' AND d2 = '${d2}')`).join(' OR ')}`,
        )
      )[0].n,
    );
  const before = await wideRows();
  // The search migrations first (the last two), which the roll-ups do not use.
  await ds.undoLastMigration({ transaction: 'all' });
  await ds.undoLastMigration({ transaction: 'all' });
  if (isPostgres(ds)) {
    // The flush's hashed grouping first, then the partitions' migration (PostgreSQL only): the same rows,
    // in one table again.
    const flushSettings = async (): Promise<string[]> =>
      (await ds.query("SELECT proconfig FROM pg_proc WHERE proname = 'rollup_flush_delta'"))[0].proconfig;
    expect(await flushSettings()).toContain('enable_sort=off');
    await ds.undoLastMigration({ transaction: 'all' });
    expect(await flushSettings()).not.toContain('enable_sort=off');
    await ds.undoLastMigration({ transaction: 'all' });
    expect(await wideRows()).toBe(before);
  }
  // The wide pairs' migration next (its kinds' rows go, the first pairs' stay), then the pairs'.
  await ds.undoLastMigration({ transaction: 'all' });
  expect([before > 0, await wideRows()]).toEqual([true, 0]);
  await ds.undoLastMigration({ transaction: 'all' });
  await ds.transaction((tx) => fail(tx, ContractStatus.FAILED));
  expect(await rollupsPending(ds)).toBe(false);
  await ds.runMigrations({ transaction: 'all' });
  await ds.transaction((tx) => fail(tx, ContractStatus.ABANDONED));
  expect(await rollupsPending(ds)).toBe(false);
  const { kept, fresh } = await summariesKeptAndFresh(ds);
  expect(kept).toEqual(fresh);
}, 120_000);
