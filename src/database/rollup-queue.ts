import type { DataSource } from 'typeorm';
import { DIRTY_SUBQUERY, flush } from '../migrations/shared/1795520000000-rollup-summaries';
import type { RawQuery } from './raw-query';

// The queue of contracts whose kept roll-up rows are out of date (rollup_dirty, filled by triggers; see
// migration RollupSummaries). PostgreSQL flushes it at every COMMIT by itself; SQLite's writer flushes it
// here, before each COMMIT, in the transaction of the writes it follows.

const FLUSH = flush(DIRTY_SUBQUERY);

/** Whether a committed write is still waiting in the queue (only a write outside a transaction, on SQLite). */
export async function rollupsPending(ds: DataSource): Promise<boolean> {
  const rows: unknown[] = await ds.query('SELECT 1 AS pending FROM rollup_dirty LIMIT 1');
  return rows.length > 0;
}

/**
 * Returns the writer's flush, to run before it commits: the queued contracts' groups and summaries brought up
 * to date. Before the migration that makes the queue has run (a new database migrating), there is none.
 */
export function rollupFlusher(query: RawQuery): () => Promise<void> {
  let queueExists = false;
  return async () => {
    if (!queueExists) {
      const found = (await query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rollup_dirty'")) as unknown[];
      if (!found.length) return;
      queueExists = true;
    }
    const pending = (await query('SELECT 1 FROM rollup_dirty LIMIT 1')) as unknown[];
    if (!pending.length) return;
    for (const statement of FLUSH) await query(statement);
  };
}

/** Applies what is queued (SQLite: a write outside a transaction leaves it there; PostgreSQL never does). */
export async function flushRollups(ds: DataSource): Promise<void> {
  // An empty transaction: its COMMIT runs the writer's flush.
  if (ds.options.type === 'better-sqlite3') await ds.transaction(async () => undefined);
}
