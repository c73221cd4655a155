import { Query } from 'pg';

/** The parts of node-postgres's Query this subclass reaches. */
interface QueryInternals {
  submit(connection: Connection): Error | null;
  prepare(connection: Connection): void;
  handleCommandComplete(message: unknown, connection: Connection): void;
  handleError(error: Error, connection: Connection): void;
  handleReadyForQuery(connection: Connection): void;
  _results: unknown;
}
interface Connection {
  parse(message: { text: string }): void;
  bind(message: Record<string, never>): void;
  execute(message: Record<string, never>): void;
  submittedNamedStatements: Record<string, string>;
}
const base = Query.prototype as unknown as QueryInternals;

export interface StatementConfig {
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * A statement with parameters sent after statements without (a transaction's START and its settings) in one
 * message, one sync: the extended protocol takes one statement a Parse, but any number of Parse–Bind–Execute
 * before a Sync, so the server runs them in order and answers them all at once. node-postgres sends a query's
 * messages corked, as one write; this adds the prefix's to them. A request's read transaction then costs no
 * round trip of its own, nor a write of the socket of its own (on this machine's virtual CPUs a write is
 * about a tenth of a millisecond). The callback gets the statement's own result, as `client.query` gives it;
 * an error in any part fails the whole, as one statement would.
 */
export class PrefixedQuery extends Query {
  private sending = false;
  private completed = 0;
  private readonly statementName: string | undefined;

  constructor(
    private readonly prefix: string[],
    config: StatementConfig,
    callback: (error: Error | null, result: unknown) => void,
  ) {
    super({ ...config, callback } as ConstructorParameters<typeof Query>[0]);
    this.statementName = config.name;
    // node-postgres notes the active query's name as parsed on this connection at every ParseComplete, and
    // the prefix's unnamed statements answer first: were the statement's own Parse then to fail, the name
    // would stay noted, and every later run on the connection would skip the Parse and fail. So the name
    // shows only while the messages are written and once the prefix has completed.
    Object.defineProperty(this, 'name', {
      get: () => (this.sending || this.completed >= this.prefix.length ? this.statementName : undefined),
      set: () => undefined,
      configurable: true,
    });
    // An instance property in node-postgres's types, so it is replaced here rather than overridden.
    (this as unknown as { submit: (connection: Connection) => Error | null }).submit = (connection) => {
      this.sending = true;
      try {
        return base.submit.call(this, connection);
      } finally {
        this.sending = false;
      }
    };
  }

  // Called by submit() between its cork and uncork.
  prepare(connection: Connection): void {
    for (const text of this.prefix) {
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    base.prepare.call(this, connection);
  }

  handleCommandComplete(message: unknown, connection: Connection): void {
    this.completed += 1;
    base.handleCommandComplete.call(this, message, connection);
  }

  handleError(error: Error, connection: Connection): void {
    // Failed in the prefix: the server skipped the statement's Parse, which node-postgres noted as sent.
    if (this.statementName && this.completed < this.prefix.length) delete connection.submittedNamedStatements[this.statementName];
    base.handleError.call(this, error, connection);
  }

  handleReadyForQuery(connection: Connection): void {
    const self = this as unknown as QueryInternals;
    // Each part's command completes as a result of its own: the statement's is the last.
    if (Array.isArray(self._results)) self._results = self._results[self._results.length - 1];
    base.handleReadyForQuery.call(this, connection);
  }
}

/** Runs `config` on `client` after `prefix`, in one message; resolves to the statement's own result. */
export function queryAfter(client: { query(query: PrefixedQuery): unknown }, prefix: string[], config: StatementConfig): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.query(new PrefixedQuery(prefix, config, (error, result) => (error ? reject(error) : resolve(result))));
  });
}
