import { Query } from 'pg';

/** The parts of node-postgres's Query this subclass reaches: its message writer and its results. */
interface QueryInternals {
  prepare(connection: Connection): void;
  handleReadyForQuery(connection: unknown): void;
  _results: unknown;
}
interface Connection {
  parse(message: { text: string }): void;
  bind(message: Record<string, never>): void;
  execute(message: Record<string, never>): void;
}

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
  constructor(
    private readonly prefix: string[],
    config: StatementConfig,
    callback: (error: Error | null, result: unknown) => void,
  ) {
    super({ ...config, callback } as ConstructorParameters<typeof Query>[0]);
  }

  // Called by submit() between its cork and uncork.
  prepare(connection: Connection): void {
    for (const text of this.prefix) {
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    (Query.prototype as unknown as QueryInternals).prepare.call(this, connection);
  }

  handleReadyForQuery(connection: unknown): void {
    const self = this as unknown as QueryInternals;
    // Each part's command completes as a result of its own: the statement's is the last.
    if (Array.isArray(self._results)) self._results = self._results[self._results.length - 1];
    (Query.prototype as unknown as QueryInternals).handleReadyForQuery.call(this, connection);
  }
}

/** Runs `config` on `client` after `prefix`, in one message; resolves to the statement's own result. */
export function queryAfter(client: { query(query: PrefixedQuery): unknown }, prefix: string[], config: StatementConfig): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.query(new PrefixedQuery(prefix, config, (error, result) => (error ? reject(error) : resolve(result))));
  });
}
