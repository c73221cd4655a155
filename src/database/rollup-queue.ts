import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { BULK_FLUSH, DIRTY_SUBQUERY, flush as summariesFlush } from '../migrations/shared/1795520000000-rollup-summaries';
import { flush as pairsFlush } from '../migrations/shared/1795530000000-rollup-pairs';

// The queue of contracts whose kept roll-up rows are out of date (rollup_dirty, filled by triggers; see
// migrations RollupSummaries and RollupPairs). PostgreSQL flushes it at every COMMIT by itself; SQLite's
// writer flushes it here, before each COMMIT, in the transaction of the writes it follows.

/** Whether a committed write is still waiting in the queue (only a write outside a transaction, on SQLite). */
export async function rollupsPending(ds: DataSource): Promise<boolean> {
  const rows: unknown[] = await ds.query('SELECT 1 AS pending FROM rollup_dirty LIMIT 1');
  return rows.length > 0;
}

/** The tables a flush keeps, as far as the database has been migrated: none, the summaries, or the pairs too. */
type Kept = 'none' | 'summaries' | 'pairs';

/**
 * Returns the writer's flush, to run before it commits: the queued contracts' groups, summaries and pairs
 * brought up to date. Its statements are prepared once on the connection and kept: TypeORM's statement
 * cache holds the last 100 texts, and an import's inlined values pushed the flush's out of it a third of
 * the time (preparing its statements cost more than running them for one contract).
 */
export function rollupFlusher(db: Database): () => void {
  const prepared = new Map<string, Statement[]>();
  const statements = (name: string, sql: () => string[]) => {
    let list = prepared.get(name);
    if (!list) prepared.set(name, (list = sql().map((statement) => db.prepare(statement))));
    return list;
  };
  const tableExists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
  let countQueued: Statement | undefined;
  return () => {
    // Before the migrations that make them have run (a new database migrating), or after one is undone,
    // there is less to keep: asked at every flush (a lookup in the schema, microseconds).
    const kept: Kept = tableExists.get('rollup_pair') ? 'pairs' : tableExists.get('rollup_dirty') ? 'summaries' : 'none';
    if (kept === 'none') return;
    countQueued ??= db.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM rollup_dirty LIMIT ${BULK_FLUSH})`).pluck();
    const queued = countQueued.get() as number;
    if (queued === 0) return;
    const many = queued >= BULK_FLUSH;
    const flush =
      kept === 'summaries'
        ? statements('summaries', () => summariesFlush(DIRTY_SUBQUERY))
        : statements(many ? 'pairs, many' : 'pairs, few', () => pairsFlush(DIRTY_SUBQUERY, many));
    for (const statement of flush) statement.run();
  };
}

/** Applies what is queued (SQLite: a write outside a transaction leaves it there; PostgreSQL never does). */
export async function flushRollups(ds: DataSource): Promise<void> {
  // An empty transaction: its COMMIT runs the writer's flush.
  if (ds.options.type === 'better-sqlite3') await ds.transaction(async () => undefined);
}
