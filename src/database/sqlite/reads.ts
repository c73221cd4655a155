import { type DataSource, QueryFailedError, QueryResult } from 'typeorm';
import type { RawQuery } from '../raw-query';
import { currentRequest, inTransaction } from '../request-scope';
import { NOT_A_READ, ReadPool, type ReadSession, StatementTimeoutError } from './read-pool';

const READ = /^\s*(SELECT|WITH)\b/i;

/**
 * Sends every read that is not part of a write transaction to a pool of reader threads, with the deadline
 * of the request it serves. Writes, and reads inside a transaction (which must see its own changes), stay
 * on TypeORM's one connection. The statement is logged as TypeORM logs it, so statement counts still hold.
 */
export function readOffThread(ds: DataSource, readers: number): ReadPool {
  const pool = new ReadPool(String(ds.options.database), readers);
  const runner = ds.driver.createQueryRunner('master');
  const next = runner.query.bind(runner) as RawQuery;
  runner.query = (async (sql: string, parameters: unknown[] = [], structured?: boolean) => {
    if (inTransaction() || !READ.test(sql)) return next(sql, parameters, structured);
    // As TypeORM's driver does: better-sqlite3 binds no booleans.
    const params = parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    ds.logger.logQuery(sql, params);
    let rows;
    const scope = currentRequest();
    try {
      if (scope && !scope.finished && !scope.apart) {
        // Every read of one request from one snapshot: its first statement opens a read transaction.
        const session = (scope.snapshot ??= pool.session()) as ReadSession;
        rows = await session.read(sql, params, scope.deadline);
      } else {
        rows = await pool.read(sql, params, scope?.apart ? scope.deadline : null);
      }
    } catch (error) {
      if (error instanceof StatementTimeoutError) throw error;
      throw new QueryFailedError(sql, params, error as Error);
    }
    if (rows === NOT_A_READ) return next(sql, parameters, structured);
    if (!structured) return rows;
    const result = new QueryResult();
    result.raw = rows;
    result.records = rows;
    return result;
  }) as typeof runner.query;
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    await pool.close();
    return destroy();
  };
  return pool;
}
