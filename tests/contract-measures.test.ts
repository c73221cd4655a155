import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { runSql } from '../src/services/sql';
import { measuresKeptAndFresh } from './support/contract-measures';
import { insertAtlas, randomAtlas } from './support/random-atlas';
import { openTestDatabase } from './support/test-database';

// The per-contract measures roll-ups read are kept by the database's triggers. After any sequence of
// writes (new, changed, moved, archived, restored and deleted figures, claims and entries, deleted
// contracts), the kept rows equal a computation from scratch. Fixed seed, so a failure reproduces.
const RUNS = { seed: 20261206, numRuns: 40 };

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

const pick = fc.nat({ max: 1000 });
const NOW = "'2026-12-06 00:00:00'";

/** One write, on the n-th row of a table (modulo its size); each names the columns a trigger must watch. */
const write = fc.oneof(
  fc.record({
    kind: fc.constant('figure value'),
    n: pick,
    low: fc.integer({ min: 0, max: 500 }),
    high: fc.option(fc.integer({ min: 500, max: 900 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constantFrom('figure measure', 'figure period', 'figure archived', 'figure restored', 'figure deleted', 'figure moved'),
    n: pick,
    to: pick,
  }),
  fc.record({
    kind: fc.constantFrom(
      'claim stance',
      'claim archived',
      'claim restored',
      'claim deleted',
      'claim proposition',
      'claim added',
      'claim moved',
    ),
    n: pick,
    to: pick,
  }),
  fc.record({
    kind: fc.constantFrom('entry status', 'entry archived', 'entry restored', 'entry deleted', 'entry location', 'entry added'),
    n: pick,
    to: pick,
  }),
  fc.record({ kind: fc.constantFrom('contract deleted'), n: pick }),
);
type Write = { kind: string; n: number; to?: number; low?: number; high?: number | null };

async function nth(table: string, n: number): Promise<Record<string, unknown> | undefined> {
  const rows = await ds.query(`SELECT * FROM ${table} ORDER BY id`);
  return rows.length ? rows[n % rows.length] : undefined;
}

async function apply(w: Write) {
  const [table] = { figure: ['quantity'], claim: ['claim'], entry: ['offshoring'], contract: ['contract'] }[w.kind.split(' ')[0]]!;
  const row = await nth(table, w.n);
  const other = await nth('contract', w.to ?? 0);
  if (!row || !other) return;
  const set = (sql: string, params: Record<string, unknown> = {}) =>
    runSql(ds, `UPDATE ${table} SET ${sql} WHERE id = :id`, { ...params, id: row.id });
  switch (w.kind) {
    case 'figure value':
      return set('low = :low, high = :high', { low: w.low, high: w.high });
    case 'figure measure':
      return set(
        "measure = CASE measure WHEN 'JOBS_AFFECTED' THEN 'MONEY_LOST' WHEN 'MONEY_LOST' THEN 'JOBS_OFFSHORED' ELSE 'JOBS_AFFECTED' END",
      );
    case 'figure period':
      return set("period = CASE period WHEN 'PER_YEAR' THEN 'TOTAL' ELSE 'PER_YEAR' END");
    case 'figure moved':
      return set('contract_id = :to', { to: other.id });
    case 'claim stance':
      return set("stance = CASE stance WHEN 'ASSERTS' THEN 'DENIES' ELSE 'ASSERTS' END");
    case 'claim proposition': {
      const target = await nth('claim', w.to ?? 0);
      return set('proposition = :p', { p: target?.proposition });
    }
    case 'claim moved':
      return set('contract_id = :to', { to: other.id });
    case 'claim added':
      return runSql(ds, `INSERT INTO claim (slug, statement, stance, proposition, contract_id) VALUES (:slug, 'Added.', :stance, :p, :c)`, {
        slug: `added-${w.n}-${w.to}-${Date.now()}-${Math.random()}`,
        stance: row.stance === 'ASSERTS' ? 'DENIES' : 'ASSERTS',
        p: row.proposition,
        c: other.id,
      });
    case 'entry status':
      return set("status = CASE status WHEN 'DENIED' THEN 'CONFIRMED' ELSE 'DENIED' END");
    case 'entry location': {
      const location = await nth('offshore_location', w.to ?? 0);
      return set('location_id = :l', { l: location?.id });
    }
    case 'entry added':
      return runSql(ds, `INSERT INTO offshoring (slug, status, contract_id, location_id) VALUES (:slug, :status, :c, :l)`, {
        slug: `added-${w.n}-${w.to}-${Date.now()}-${Math.random()}`,
        status: row.status === 'DENIED' ? 'ALLEGED' : 'DENIED',
        c: row.contract_id,
        l: row.location_id,
      });
    case 'contract deleted':
      return runSql(ds, `DELETE FROM contract WHERE id = :id`, { id: row.id });
  }
  if (w.kind.endsWith('archived')) return set(`archived_at = ${NOW}`);
  if (w.kind.endsWith('restored')) return set('archived_at = NULL');
  if (w.kind.endsWith('deleted')) return runSql(ds, `DELETE FROM ${table} WHERE id = :id`, { id: row.id });
  throw new Error(`no write ${w.kind}`);
}

test('the kept per-contract measures equal a computation from scratch after any sequence of writes', async () => {
  await fc.assert(
    fc.asyncProperty(randomAtlas, fc.array(write, { minLength: 1, maxLength: 12 }), async (atlas, writes) => {
      await insertAtlas(ds, atlas);
      for (const w of writes) await apply(w);
      const { kept, fresh } = await measuresKeptAndFresh(ds);
      expect(kept).toEqual(fresh);
    }),
    RUNS,
  );
});

test("the property can fail: a write behind the triggers' back is seen", async () => {
  await insertAtlas(
    ds,
    fc.sample(
      randomAtlas.filter((a) => a.contracts.some((c) => c.figures.length > 0)),
      { seed: 1, numRuns: 1 },
    )[0],
  );
  await ds.query('UPDATE contract_measure SET jobs_n = jobs_n + 7');
  const { kept, fresh } = await measuresKeptAndFresh(ds);
  expect(kept).not.toEqual(fresh);
});
