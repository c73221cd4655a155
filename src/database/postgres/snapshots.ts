import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { RawQuery } from '../raw-query';
import { commitLater, takeCommit } from './deferred-commit';
import { queryAfter } from './prefixed-query';
import { preparedName } from './prepared-statements';
import { currentRequest, inTransaction, type RequestScope } from '../request-scope';

/**
 * One request's reads on one pooled connection, in one REPEATABLE READ, READ ONLY transaction: every
 * statement of the request sees the snapshot its first statement took, so a roll-up and a list in one
 * query agree while an import commits beside them. The transaction's statement_timeout is what is left of
 * the request's deadline, so no statement outlives the request. The connection goes back to the pool when
 * the answer is built (endSnapshot), or before the request writes.
 */
class PostgresSnapshot {
  private begun: Promise<PoolClient> | null = null;
  // One connection runs one statement at a time: the request's parallel loaders take turns.
  private turn: Promise<unknown> = Promise.resolve();
  private readonly release: () => Promise<void>;

  constructor(
    readonly runner: QueryRunner,
    private readonly scope: RequestScope,
  ) {
    this.release = runner.release.bind(runner);
    const query = runner.query.bind(runner) as RawQuery;
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      const run = this.turn.then(async () => {
        await this.begin();
        return query(sql, parameters, structured);
      });
      this.turn = run.catch(() => undefined);
      return run;
    }) as QueryRunner['query'];
    // TypeORM releases a runner after each statement it made one for: this one lives for the request.
    runner.release = async () => {};
  }

  /**
   * Opens the transaction on the raw connection (not logged: it is not one of the request's statements),
   * in the same message as the request's first statement (startWithFirstStatement).
   */
  private begin(): Promise<PoolClient> {
    this.begun ??= (async () => {
      const client = (await this.runner.connect()) as PoolClient;
      const left = this.scope.deadline == null ? 0 : Math.max(1, Math.round(this.scope.deadline - Date.now()));
      startWithFirstStatement(client, [
        'START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY',
        `SET LOCAL statement_timeout = ${left}`,
      ]);
      return client;
    })();
    return this.begun;
  }

  async end(): Promise<void> {
    try {
      await this.turn;
      const client = await this.begun?.catch(() => null);
      if (client) commitLater(client);
    } finally {
      await this.release();
    }
  }
}

type Query = (text: unknown, values?: unknown, callback?: unknown) => Promise<unknown>;

/**
 * Sends the `start` statements ahead of the connection's next statement, in the same message: a statement
 * without parameters joined to them as one text, one with parameters after them in the extended protocol
 * (PrefixedQuery), so the transaction costs no round trip of its own. Either way the caller gets that
 * statement's own result.
 */
function startWithFirstStatement(client: PoolClient, start: string[]): void {
  const query = client.query as unknown as Query;
  const own = Object.prototype.hasOwnProperty.call(client, 'query');
  (client as unknown as { query: Query }).query = async (text, values, callback) => {
    if (own) (client as unknown as { query: Query }).query = query;
    else delete (client as Partial<PoolClient>).query;
    // The previous request's COMMIT, if this connection still owes it, leads the message.
    if (takeCommit(client)) start = ['COMMIT', ...start];
    const parameterless = values === undefined || (Array.isArray(values) && values.length === 0);
    if (typeof text !== 'string' || callback !== undefined) {
      await query.call(client, start.join('; '));
      return query.call(client, text, values, callback);
    }
    // In the extended protocol START runs before the statement whatever becomes of it: a failed statement
    // leaves the transaction failed, and the request's next statements are refused, as they would be after a
    // statement of their own.
    if (!parameterless) return queryAfter(client, start, { name: preparedName(client, text), text, values: values as unknown[] });
    try {
      const results = (await query.call(client, `${start.join('; ')}; ${text}`)) as unknown[];
      return results[results.length - 1];
    } catch (error) {
      // PostgreSQL parses a whole simple-protocol message before running any of it: a statement it cannot
      // parse takes START down with it, and the request's next statements would run outside any transaction,
      // with no time limit. START again (in a transaction it is only a warning; in a failed one, refused).
      await query.call(client, start.join('; ')).catch(() => undefined);
      throw error;
    }
  };
}

export function readInSnapshots(ds: DataSource): void {
  const create = ds.driver.createQueryRunner.bind(ds.driver);
  ds.driver.createQueryRunner = (mode: ReplicationMode) => {
    const scope = currentRequest();
    if (!scope || scope.finished || scope.apart || inTransaction()) return create(mode);
    if (!scope.snapshot) scope.snapshot = new PostgresSnapshot(create('slave'), scope);
    return (scope.snapshot as PostgresSnapshot).runner;
  };
}
