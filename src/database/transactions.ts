import type { DataSource, EntityManager } from 'typeorm';
import { endSnapshot, withinTransaction } from './request-scope';

/**
 * Every `transaction()` of the DataSource is marked as a transaction's work (its statements stay on its
 * own connection and see its own changes, not the request's read snapshot), and ends the request's read
 * snapshot around it. With `oneAtATime` (SQLite: TypeORM's driver has one connection, so two transactions
 * at once would nest, the second a savepoint inside the first), they run one after another.
 */
export function wrapTransactions(ds: DataSource, { oneAtATime }: { oneAtATime: boolean }): void {
  let tail: Promise<unknown> = Promise.resolve();
  const transaction = ds.manager.transaction.bind(ds.manager) as (...args: unknown[]) => Promise<unknown>;
  ds.manager.transaction = ((...args: unknown[]) => {
    // The request's read snapshot ends before (on PostgreSQL it holds a pooled connection the write may
    // need: forty mutations at once held every connection and waited for one) and after (what it reads next
    // includes what it wrote).
    const run = () =>
      endSnapshot()
        .then(() => withinTransaction(() => transaction(...args)))
        .finally(() => endSnapshot());
    if (!oneAtATime) return run();
    const turn = tail.then(run);
    tail = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
}
