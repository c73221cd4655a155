import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { flushRollups, rollupsPending } from '../src/database/rollup-queue';
import { generate } from '../bench/datagen';
import { clearAll } from '../seed/load';
import type { ContractFilter } from '../src/schema/filters';
import { ContractStatus, ImpactDimension, Sector } from '../src/schema/enums';
import { computeImpact } from '../src/services/impact/impact';
import { membership } from '../src/services/impact/membership';
import { groupTotals } from '../src/services/impact/statements';
import { runSql } from '../src/services/sql';
import { insertAtlas, randomAtlas } from './support/random-atlas';
import { summariesKeptAndFresh } from './support/rollup-summaries';
import { openTestDatabase } from './support/test-database';

// The groups and per-group summaries unfiltered roll-ups read are kept by the database: triggers queue the
// contracts each write touches, and the queue is flushed in the writing transaction. After any
// sequence of writes to whatever decides a contract's groups or measures (links made, moved and removed;
// parties archived, restored, re-sectored; statuses, years and events; figures and offshoring entries;
// contracts added and deleted), the kept rows equal the roll-up's own statements run from scratch.
// Fixed seed, so a failure reproduces.
const RUNS = { seed: 20261206, numRuns: 40 };

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

const pick = fc.nat({ max: 1000 });
const NOW = "'2026-12-06 00:00:00'";

const KINDS = [
  'buyer added',
  'buyer removed',
  'buyer moved',
  'supplier added',
  'supplier removed',
  'supplier repointed',
  'union added',
  'union removed',
  'service added',
  'service removed',
  'body archived',
  'body restored',
  'body sector',
  'supplier archived',
  'supplier restored',
  'supplier country',
  'union archived',
  'location archived',
  'location restored',
  'contract status',
  'contract year',
  'contract added',
  'contract archived',
  'contract restored',
  'contract deleted',
  'event added',
  'event year',
  'event archived',
  'entry status',
  'entry location',
  'entry archived',
  'entry restored',
  'figure value',
  'figure measure',
  'figure archived',
  'figure moved',
] as const;
const write = fc.record({ kind: fc.constantFrom(...KINDS), n: pick, to: pick, value: fc.nat({ max: 3 }) });
type Write = { kind: (typeof KINDS)[number]; n: number; to: number; value: number };

async function nth(table: string, n: number): Promise<Record<string, unknown> | undefined> {
  // Link tables have no id: ordered by both key columns, so a failing sequence picks the same rows again.
  const rows = await ds.query(`SELECT * FROM ${table} ORDER BY ${table.startsWith('contract_') ? '1, 2' : 'id'}`);
  return rows.length ? rows[n % rows.length] : undefined;
}

/** Each link table and the column naming what it links a contract to. */
const LINKS = {
  buyer: ['contract_buyer', 'public_body_id'],
  supplier: ['contract_supplier', 'supplier_id'],
  union: ['contract_union', 'union_id'],
  service: ['contract_service', 'service'],
} as const;

const sql = (text: string, params: Record<string, unknown> = {}) => runSql(ds, text, params);
const unique = () => `w-${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function apply(w: Write) {
  const contract = await nth('contract', w.n);
  const other = await nth('contract', w.to);
  const body = await nth('public_body', w.to);
  const supplier = await nth('supplier', w.to);
  const union = await nth('trade_union', w.to);
  const location = await nth('offshore_location', w.to);
  if (!contract || !other || !body || !supplier || !union || !location) return;
  const link = async (table: string) => nth(table, w.n);
  const setOn = (table: string, id: unknown, set: string, params: Record<string, unknown> = {}) =>
    sql(`UPDATE ${table} SET ${set} WHERE id = :id`, { ...params, id });
  const insertIgnoring = (text: string, params: Record<string, unknown>) => sql(`${text} ON CONFLICT DO NOTHING`, params);
  switch (w.kind) {
    case 'buyer added':
      return insertIgnoring('INSERT INTO contract_buyer (contract_id, public_body_id) VALUES (:c, :b)', { c: contract.id, b: body.id });
    case 'buyer removed':
    case 'supplier removed':
    case 'union removed':
    case 'service removed': {
      const [table, column] = LINKS[w.kind.split(' ')[0] as keyof typeof LINKS];
      const l = await link(table);
      return l && sql(`DELETE FROM ${table} WHERE contract_id = :c AND ${column} = :v`, { c: l.contract_id, v: l[column] });
    }
    case 'buyer moved': {
      const l = await link('contract_buyer');
      return (
        l &&
        sql(
          'UPDATE contract_buyer SET contract_id = :to WHERE contract_id = :c AND public_body_id = :b AND NOT EXISTS (SELECT 1 FROM contract_buyer x WHERE x.contract_id = :to AND x.public_body_id = :b)',
          {
            to: other.id,
            c: l.contract_id,
            b: l.public_body_id,
          },
        )
      );
    }
    case 'supplier added':
      return insertIgnoring("INSERT INTO contract_supplier (contract_id, supplier_id, role) VALUES (:c, :s, 'PROVIDER')", {
        c: contract.id,
        s: supplier.id,
      });
    case 'supplier repointed': {
      // What undoing a party match does: the contract's link moves to another record.
      const l = await link('contract_supplier');
      return (
        l &&
        sql(
          'UPDATE contract_supplier SET supplier_id = :to WHERE contract_id = :c AND supplier_id = :s AND NOT EXISTS (SELECT 1 FROM contract_supplier x WHERE x.contract_id = :c AND x.supplier_id = :to)',
          {
            to: supplier.id,
            c: l.contract_id,
            s: l.supplier_id,
          },
        )
      );
    }
    case 'union added':
      return insertIgnoring("INSERT INTO contract_union (contract_id, union_id, role) VALUES (:c, :u, 'REPRESENTS_STAFF')", {
        c: contract.id,
        u: union.id,
      });
    case 'service added':
      return insertIgnoring('INSERT INTO contract_service (contract_id, service) VALUES (:c, :s)', {
        c: contract.id,
        s: ['IT', 'HR', 'FINANCE', 'BILLING'][w.value],
      });
    case 'body archived':
      return setOn('public_body', body.id, `archived_at = ${NOW}`);
    case 'body restored':
      return setOn('public_body', body.id, 'archived_at = NULL');
    case 'body sector':
      return setOn('public_body', body.id, 'sector = :s', {
        s: ['LOCAL_GOVERNMENT', 'CENTRAL_GOVERNMENT', 'UNKNOWN', 'LOCAL_GOVERNMENT'][w.value],
      });
    case 'supplier archived':
      return setOn('supplier', supplier.id, `archived_at = ${NOW}`);
    case 'supplier restored':
      return setOn('supplier', supplier.id, 'archived_at = NULL');
    case 'supplier country':
      return setOn('supplier', supplier.id, 'home_country = :c', { c: ['FR', 'IN', 'GB', null][w.value] });
    case 'union archived':
      return setOn('trade_union', union.id, `archived_at = ${w.value % 2 ? 'NULL' : NOW}`);
    case 'location archived':
      return setOn('offshore_location', location.id, `archived_at = ${NOW}`);
    case 'location restored':
      return setOn('offshore_location', location.id, 'archived_at = NULL');
    case 'contract status':
      return setOn('contract', contract.id, 'status = :s', { s: ['PROPOSED', 'AWARDED', 'FAILED', 'TRANSFERRED'][w.value] });
    case 'contract year':
      return setOn('contract', contract.id, 'start_date_year = :y', { y: [2001, 2002, null, 2005][w.value] });
    case 'contract added':
      return sql("INSERT INTO contract (slug, title, status, start_date_year) VALUES (:slug, 'Added', 'AWARDED', :y)", {
        slug: unique(),
        y: w.value % 2 ? 2010 : null,
      });
    case 'contract archived':
      return setOn('contract', contract.id, `archived_at = ${NOW}`);
    case 'contract restored':
      return setOn('contract', contract.id, 'archived_at = NULL');
    case 'contract deleted':
      return sql('DELETE FROM contract WHERE id = :id', { id: contract.id });
    case 'event added':
      return sql("INSERT INTO event (slug, kind, title, contract_id, date_year) VALUES (:slug, 'MEETING', 'Added', :c, :y)", {
        slug: unique(),
        c: contract.id,
        y: [1999, 2003, null, 2011][w.value],
      });
    case 'event year': {
      const e = await nth('event', w.n);
      return e && setOn('event', e.id, 'date_year = :y', { y: [1998, 2004, null, 2012][w.value] });
    }
    case 'event archived': {
      const e = await nth('event', w.n);
      return e && setOn('event', e.id, `archived_at = ${w.value % 2 ? 'NULL' : NOW}`);
    }
    case 'entry status':
    case 'entry location':
    case 'entry archived':
    case 'entry restored': {
      const o = await nth('offshoring', w.n);
      if (!o) return;
      if (w.kind === 'entry status')
        return setOn('offshoring', o.id, 'status = :s', { s: ['DENIED', 'CONFIRMED', 'PLANNED', 'ALLEGED'][w.value] });
      if (w.kind === 'entry location') return setOn('offshoring', o.id, 'location_id = :l', { l: location.id });
      return setOn('offshoring', o.id, `archived_at = ${w.kind === 'entry archived' ? NOW : 'NULL'}`);
    }
    case 'figure value':
    case 'figure measure':
    case 'figure archived':
    case 'figure moved': {
      const q = await nth('quantity', w.n);
      if (!q) return;
      if (w.kind === 'figure value')
        return setOn('quantity', q.id, 'low = :low, high = :high', { low: w.value * 10, high: w.value === 3 ? null : 100 });
      if (w.kind === 'figure measure')
        return setOn('quantity', q.id, 'measure = :m', {
          m: ['JOBS_AFFECTED', 'MONEY_LOST', 'SAVINGS_CLAIMED', 'JOBS_OFFSHORED'][w.value],
        });
      if (w.kind === 'figure archived') return setOn('quantity', q.id, `archived_at = ${w.value % 2 ? 'NULL' : NOW}`);
      return q.contract_id == null ? undefined : setOn('quantity', q.id, 'contract_id = :c', { c: other.id });
    }
  }
}

test('the kept groups and summaries equal the roll-up computed from scratch after any sequence of writes', async () => {
  await fc.assert(
    fc.asyncProperty(randomAtlas, fc.array(write, { minLength: 1, maxLength: 15 }), async (atlas, writes) => {
      await insertAtlas(ds, atlas);
      for (const w of writes) await apply(w);
      // Each write above is its own statement, outside a transaction: PostgreSQL has flushed the queue at
      // each commit, SQLite's writer flushes at the next COMMIT of a transaction (here an empty one).
      await flushRollups(ds);
      expect(await rollupsPending(ds)).toBe(false);
      const { kept, fresh } = await summariesKeptAndFresh(ds);
      expect(kept).toEqual(fresh);
      // A filtered roll-up by two dimensions joins the kept groups: the same rows as from the relations.
      const pairTotals = async (fromScratch: boolean) => {
        const m = membership(
          ds,
          { statuses: [ContractStatus.AWARDED, ContractStatus.FAILED] },
          [ImpactDimension.SUPPLIER, ImpactDimension.YEAR],
          undefined,
          fromScratch,
        );
        return (await groupTotals(ds, m)).map((row) => JSON.stringify(row)).sort();
      };
      expect(await pairTotals(false)).toEqual(await pairTotals(true));
    }),
    RUNS,
  );
});

test("the property can fail: a write behind the triggers' back is seen", async () => {
  await insertAtlas(
    ds,
    fc.sample(
      randomAtlas.filter((a) => a.contracts.length > 0),
      { seed: 1, numRuns: 1 },
    )[0],
  );
  expect((await summariesKeptAndFresh(ds)).kept).toEqual((await summariesKeptAndFresh(ds)).fresh);
  await ds.query("UPDATE rollup_summary SET jobs_n = jobs_n + 1 WHERE dimension = 'STATUS'");
  const { kept, fresh } = await summariesKeptAndFresh(ds);
  expect(kept).not.toEqual(fresh);
});

test('a write outside a transaction on SQLite is queued, and roll-ups sum the contracts until it is flushed', async () => {
  await insertAtlas(
    ds,
    fc.sample(
      randomAtlas.filter((a) => a.contracts.length > 1),
      { seed: 2, numRuns: 1 },
    )[0],
  );
  const byStatus = async () => (await computeImpact(ds, { groupBy: [ImpactDimension.STATUS] })).map((g) => [g.key.status, g.contractCount]);
  const before = await byStatus();
  await sql(
    "UPDATE contract SET status = CASE status WHEN 'FAILED' THEN 'ABANDONED' ELSE 'FAILED' END WHERE id = (SELECT MIN(id) FROM contract)",
  );
  // PostgreSQL flushed at the statement's own commit; SQLite's queue waits for the next transaction.
  expect(await rollupsPending(ds)).toBe(ds.options.type === 'better-sqlite3');
  const after = await byStatus();
  expect(after).not.toEqual(before);
  const m = membership(ds, null, [ImpactDimension.STATUS], undefined, true);
  const fresh = (await groupTotals(ds, m)).map((r) => [r.k0, Number(r.contract_count)]).sort();
  expect([...after].sort()).toEqual(fresh);
  await flushRollups(ds);
  expect(await rollupsPending(ds)).toBe(false);
  expect(await byStatus()).toEqual(after);
});

test('on generated data, every dimension and every pair of dimensions, filtered or not, joins the kept groups to the same rows as the relations', async () => {
  await ds.transaction((tx) => clearAll(tx));
  await generate(ds, { contracts: 200, seed: 5 });
  expect(await rollupsPending(ds)).toBe(false);
  const dimensions = Object.values(ImpactDimension).filter((d) => d !== ImpactDimension.CONTRACT);
  const shapes = dimensions.flatMap((a, i) => [[a], ...dimensions.slice(i + 1).map((b) => [a, b])]);
  const totals = async (groupBy: ImpactDimension[], filter: ContractFilter | null, fromScratch: boolean) =>
    (await groupTotals(ds, membership(ds, filter, groupBy, undefined, fromScratch))).map((row) => JSON.stringify(row)).sort();
  for (const filter of [null, { sectors: [Sector.LOCAL_GOVERNMENT] }]) {
    for (const groupBy of shapes)
      expect([groupBy, await totals(groupBy, filter, false)]).toEqual([groupBy, await totals(groupBy, filter, true)]);
  }
  expect(shapes).toHaveLength(55);
}, 120_000);
