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
  /** The transaction's statement_timeout (0: none), and whether its START was sent or is still waiting. */
  private timeLimit = 0;
  private start: FirstStatement | null = null;
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
      this.timeLimit = left;
      this.start = startWithFirstStatement(client, [
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
      // A START never sent (nothing reached the connection) leaves no transaction, only its wrapper to undo.
      if (!client || this.start?.withdraw()) return;
      // The transaction's time limit still runs when PostgreSQL reads the next message, before its COMMIT
      // ends it: one of under a second could cancel the next request's statement, so that COMMIT goes now.
      if (this.timeLimit > 0 && this.timeLimit < SHORT_TIME_LIMIT_MS) await client.query('COMMIT').catch(() => undefined);
      else commitLater(client);
    } finally {
      await this.release();
    }
  }
}

type Query = (text: unknown, values?: unknown, callback?: unknown) => Promise<unknown>;

/** A transaction whose time limit is under this ends at once, not with the connection's next message. */
const SHORT_TIME_LIMIT_MS = 1_000;

/** The START waiting for the connection's next statement. */
interface FirstStatement {
  /** Takes the waiting START back if nothing was sent yet (true), restoring the connection's `query`. */
  withdraw(): boolean;
}

/**
 * Sends the `start` statements ahead of the connection's next statement, in the same message: a statement
 * without parameters joined to them as one text, one with parameters after them in the extended protocol
 * (PrefixedQuery), so the transaction costs no round trip of its own. Either way the caller gets that
 * statement's own result.
 */
function startWithFirstStatement(client: PoolClient, start: string[]): FirstStatement {
  const query = client.query as unknown as Query;
  const own = Object.prototype.hasOwnProperty.call(client, 'query');
  let sent = false;
  const restore = () => {
    sent = true;
    if (own) (client as unknown as { query: Query }).query = query;
    else delete (client as Partial<PoolClient>).query;
  };
  (client as unknown as { query: Query }).query = async (text, values, callback) => {
    restore();
    // The previous request's COMMIT, if this connection still owes it, leads the message.
    const message = takeCommit(client) ? ['COMMIT', ...start] : start;
    const parameterless = values === undefined || (Array.isArray(values) && values.length === 0);
    if (typeof text !== 'string' || callback !== undefined) {
      await query.call(client, message.join('; '));
      return query.call(client, text, values, callback);
    }
    // In the extended protocol START runs before the statement whatever becomes of it: a failed statement
    // leaves the transaction failed, and the request's next statements are refused, as they would be after a
    // statement of their own.
    if (!parameterless) return queryAfter(client, message, { name: preparedName(client, text), text, values: values as unknown[] });
    try {
      const results = (await query.call(client, `${message.join('; ')}; ${text}`)) as unknown[];
      return results[results.length - 1];
    } catch (error) {
      // PostgreSQL parses a whole simple-protocol message before running any of it: a statement it cannot
      // parse (a syntax error) takes the owed COMMIT and START down with it, and the request's next
      // statements would run outside any transaction, or in the previous request's, with no time limit of
      // their own: the message's prefix goes again. Any other error came after the prefix ran, and START
      // again is refused in the failed transaction, as the request's next statements are.
      const unparsed = (error as { code?: string }).code === SYNTAX_ERROR;
      await query.call(client, (unparsed ? message : start).join('; ')).catch(() => undefined);
      throw error;
    }
  };
  return { withdraw: () => !sent && (restore(), true) };
}

/** PostgreSQL's SQLSTATE for a text its parser cannot read: nothing in that message ran. */
const SYNTAX_ERROR = '42601';

export function readInSnapshots(ds: DataSource): void {
  const create = ds.driver.createQueryRunner.bind(ds.driver);
  ds.driver.createQueryRunner = (mode: ReplicationMode) => {
    const scope = currentRequest();
    if (!scope || scope.finished || scope.apart || inTransaction()) return create(mode);
    if (!scope.snapshot) scope.snapshot = new PostgresSnapshot(create('slave'), scope);
    return (scope.snapshot as PostgresSnapshot).runner;
  };
}
