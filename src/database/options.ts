import 'reflect-metadata';
import path from 'node:path';
import type { DataSourceOptions, Logger } from 'typeorm';
import { loadConfig } from '../config';
import { SnakeNamingStrategy } from './naming-strategy';
import { entities } from '../entities';
import { migrationsFor } from '../migrations';

export type DatabaseTarget = { url: string } | { sqlitePath: string };

/** Limits a server sets on its own connections (a CLI's long import sets none). */
export interface ConnectionLimits {
  /** PostgreSQL: the longest a request waits for a free pooled connection. */
  acquireTimeoutMs?: number;
  /** PostgreSQL: pooled connections (each request's reads hold one while it executes). */
  poolSize?: number;
  /** PostgreSQL: how long a pooled connection may sit idle before it is closed (0: never). */
  idleTimeoutMs?: number;
}

/** The one way to describe a database: the server, the seed CLI, the migration CLI and the tests all use it. */
export function dataSourceOptions(
  target: DatabaseTarget,
  logging = false,
  logger?: Logger,
  limits: ConnectionLimits = {},
): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: logger ? true : logging,
    logger,
  } as const;
  if ('url' in target) {
    return {
      ...common,
      type: 'postgres',
      url: target.url,
      migrations: migrationsFor('postgres'),
      // PostgreSQL's JIT compiles a roll-up's many CASE expressions for ~850 ms before running it for ~60 ms
      // (EXPLAIN ANALYZE at 10,000 contracts; BENCHMARKS.md): off for our sessions.
      extra: {
        options: '-c jit=off',
        ...(limits.acquireTimeoutMs ? { connectionTimeoutMillis: limits.acquireTimeoutMs } : {}),
        ...(limits.poolSize ? { max: limits.poolSize } : {}),
        // A new connection plans every statement afresh, the writers' flush first (~15–45 ms): closed after
        // node-postgres's 10 s idle default, a mutation after a pause took 20–56 ms against 10–15 ms.
        ...(limits.idleTimeoutMs !== undefined ? { idleTimeoutMillis: limits.idleTimeoutMs } : {}),
      },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.sqlitePath === ':memory:' ? ':memory:' : path.resolve(target.sqlitePath),
    migrations: migrationsFor('better-sqlite3'),
    // TypeORM's driver already turns foreign keys on; WAL lets readers run beside the one writer.
    enableWAL: target.sqlitePath !== ':memory:',
    // No busy handler: it would sleep on the event loop. Writers wait for the lock on timers instead
    // (src/database/sqlite/writer.ts).
    timeout: 0,
  };
}

export function targetFromConfig(config = loadConfig()): DatabaseTarget {
  return config.DATABASE_URL ? { url: config.DATABASE_URL } : { sqlitePath: config.DATABASE_PATH };
}
