import fs from 'node:fs';
import type { DataSource } from 'typeorm';

/**
 * Watches the SQLite file a DataSource opened. A connection keeps reading and writing the file it opened
 * even after that file is deleted or replaced on disk: the writes then go nowhere anyone will see again
 * (lost on restart, when an empty database would be seeded afresh). So the file's identity is checked
 * before each write transaction and by /readyz.
 */
export class SqliteFileGuard {
  private readonly identity: { dev: number; ino: number };

  constructor(readonly file: string) {
    const { dev, ino } = fs.statSync(file);
    this.identity = { dev, ino };
  }

  /** Why this file can no longer be written, or null while it is the same writable file (no path: answers are public). */
  problem(): string | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.file);
    } catch {
      return 'the database file was deleted';
    }
    if (stat.dev !== this.identity.dev || stat.ino !== this.identity.ino) return 'the database file was replaced by another file';
    // Write bits rather than access(W_OK), which always answers yes to root.
    if ((stat.mode & 0o222) === 0) return 'the database file is read-only';
    try {
      fs.accessSync(this.file, fs.constants.W_OK);
    } catch {
      return 'the database file is read-only';
    }
    return null;
  }
}

const guards = new WeakMap<DataSource, SqliteFileGuard>();
export const guardFile = (ds: DataSource, guard: SqliteFileGuard) => guards.set(ds, guard);

/** Why the DataSource's database cannot take writes (SQLite files only), or null. */
export const databaseFileProblem = (ds: DataSource): string | null => guards.get(ds)?.problem() ?? null;

/** A write refused because the database file is gone, replaced or read-only: an operator's problem, answered 503. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}
