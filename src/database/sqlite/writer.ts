import { setTimeout as sleep } from 'node:timers/promises';
import { type DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import type { RawQuery } from '../raw-query';
import { rollupFlusher } from '../rollup-queue';
import { DatabaseUnavailableError, databaseFileProblem } from './file-guard';

/** How long a write waits for another connection's write lock before it is refused as DATABASE_BUSY. */
const DEFAULT_LOCK_WAIT_MS = 10_000;

const isBusy = (error: unknown) => {
  const cause = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : (error as { code?: string });
  return cause?.code === 'SQLITE_BUSY' || cause?.code === 'SQLITE_BUSY_SNAPSHOT';
};

/** A write that could not get SQLite's lock in time: the client may try again (formatted as DATABASE_BUSY, 503). */
export class DatabaseBusyError extends Error {
  readonly code = 'DATABASE_BUSY';
  constructor(waitedMs: number) {
    super(`The database is busy with another write (waited ${waitedMs} ms); try again shortly.`);
  }
}

/**
 * Makes SQLite writers wait their turn instead of failing:
 * - every transaction begins IMMEDIATE, taking the write lock up front. A deferred transaction that reads,
 *   then writes, gets SQLITE_BUSY at once when another connection writes meanwhile (SQLite cannot wait
 *   there without risking a deadlock): two imports at once lost 87% of their releases that way.
 * - the wait for the lock is a loop of timers, not SQLite's busy handler, which sleeps on the event loop
 *   (the connection's busy timeout is 0): /healthz and readers keep answering while a writer waits.
 * - before each COMMIT, the kept roll-up summaries take in the transaction's writes (`rollupFlusher`):
 *   SQLite has no trigger that runs at commit.
 */
export function makeWritersWait(ds: DataSource, lockWaitMs = DEFAULT_LOCK_WAIT_MS): void {
  const runner = ds.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as RawQuery;
  const withLockWait = async (sql: string, parameters?: unknown[], structured?: boolean) => {
    const started = Date.now();
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        return await query(sql, parameters, structured);
      } catch (error) {
        if (!isBusy(error)) throw error;
        const waited = Date.now() - started;
        if (waited >= lockWaitMs) throw new DatabaseBusyError(waited);
        await sleep(Math.min(pause, lockWaitMs - waited));
      }
    }
  };
  const flushRollups = rollupFlusher((ds.driver as BetterSqlite3Driver).databaseConnection);
  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (sql === 'COMMIT' && runner.isTransactionActive) flushRollups();
    if (sql === 'BEGIN TRANSACTION') {
      const problem = databaseFileProblem(ds);
      if (problem) throw new DatabaseUnavailableError(`Writes are refused: ${problem}. Nothing was written.`);
      return withLockWait('BEGIN IMMEDIATE TRANSACTION', parameters, structured);
    }
    // Outside a transaction a statement is its own; inside one, the lock is already held.
    if (!runner.isTransactionActive) return withLockWait(sql, parameters, structured);
    return query(sql, parameters, structured);
  }) as QueryRunner['query'];
}
