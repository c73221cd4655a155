import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { type ConnectionLimits, type DatabaseTarget, dataSourceOptions } from './options';
import { guardFile, SqliteFileGuard } from './sqlite/file-guard';
import { prepareRepeatedStatements } from './postgres/prepared-statements';
import { readInSnapshots } from './postgres/snapshots';
import { readOffThread } from './sqlite/reads';
import { bindWholeNumbers } from './sqlite/bound-integers';
import { wrapTransactions } from './transactions';
import { makeWritersWait } from './sqlite/writer';

/** Connects and brings the schema up to date by migrations (never by synchronize). */
export async function openDatabase(
  target: DatabaseTarget,
  logging = false,
  logger?: Logger,
  options: {
    lockWaitMs?: number;
    /** SQLite reader threads (0: read on the main thread, as the CLIs do). */
    readers?: number;
    /** PostgreSQL: a server's reads, one snapshot per request (SQLite's readers always read so). */
    snapshots?: boolean;
    /** PostgreSQL: prepare statements run again and again (off behind a proxy that cannot keep them). */
    preparedStatements?: boolean;
  } & ConnectionLimits = {},
): Promise<DataSource> {
  if ('sqlitePath' in target && target.sqlitePath !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(target.sqlitePath)), { recursive: true });
  }
  const ds = await new DataSource(dataSourceOptions(target, logging, logger, options)).initialize();
  if (ds.options.type === 'better-sqlite3') {
    bindWholeNumbers(ds);
    if (ds.options.database !== ':memory:') guardFile(ds, new SqliteFileGuard(String(ds.options.database)));
    makeWritersWait(ds, options.lockWaitMs);
  }
  wrapTransactions(ds, { oneAtATime: ds.options.type === 'better-sqlite3' });
  await ds.runMigrations({ transaction: 'all' });
  if (ds.options.type === 'better-sqlite3') {
    // SQLite plans joins from table statistics, which nothing gathers by itself: without them a roll-up's
    // provenance walked every citation of a type (526 ms at 100,000 contracts, 96 ms with; BENCHMARKS.md).
    // optimize analyses only the tables that need it; the limit keeps that to milliseconds on big files.
    await ds.query('PRAGMA analysis_limit = 1000');
    await ds.query('PRAGMA optimize = 0x10002');
    if (options.readers && ds.options.database !== ':memory:') readOffThread(ds, options.readers);
  } else {
    if (options.preparedStatements !== false) prepareRepeatedStatements((ds.driver as PostgresDriver).master as Pool);
    if (options.snapshots) readInSnapshots(ds);
  }
  return ds;
}
