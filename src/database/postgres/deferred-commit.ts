import type { PoolClient } from 'pg';

/**
 * How long a connection back in the pool may keep a finished read-only transaction open, for its COMMIT to
 * travel with the next statement sent on it: long enough for the next request under load, short enough
 * that no snapshot is held while the server is idle. A property, so a test can hold COMMITs owed for its
 * length and count messages without racing the timer.
 */
export const idleCommit = { ms: 20 };

type Query = (...args: unknown[]) => Promise<unknown> | undefined;

/** Clients owed a COMMIT, with the timer that sends it alone if nothing else comes first. */
const owed = new WeakMap<PoolClient, NodeJS.Timeout>();
/** Each client's own `query`, before commitLater wrapped it. */
const originals = new WeakMap<PoolClient, Query>();

/**
 * Whether the client owes a COMMIT; if so, it is now the caller's to send, ahead of its own statement in
 * the same message (a request's snapshot puts it before its START).
 */
export function takeCommit(client: PoolClient): boolean {
  const timer = owed.get(client);
  if (timer === undefined) return false;
  clearTimeout(timer);
  owed.delete(client);
  return true;
}

/**
 * Ends a request's read-only transaction later instead of now: the COMMIT goes out ahead of the next
 * statement anyone sends on the connection (a write's START, another request's snapshot), or alone after
 * idleCommit.ms. A read-only transaction's COMMIT changes nothing the next statement could see, and
 * sending it alone cost every request a socket write and an answer to read (about a tenth of a
 * millisecond each on this machine's virtual CPUs).
 */
export function commitLater(client: PoolClient): void {
  const query = ownQuery(client);
  const timer = setTimeout(() => sendOwed(client, query), idleCommit.ms);
  timer.unref();
  owed.set(client, timer);
}

/**
 * The client's own `query`, its `query` wrapped the first time so that whoever sends next sends an owed
 * COMMIT first (node-postgres runs a connection's queries in order).
 */
function ownQuery(client: PoolClient): Query {
  const known = originals.get(client);
  if (known) return known;
  const query = client.query as unknown as Query;
  originals.set(client, query);
  (client as unknown as { query: Query }).query = function (this: PoolClient, ...args: unknown[]) {
    sendOwed(client, query);
    return query.apply(client, args);
  };
  return query;
}

/** Queues the client's owed COMMIT, if it still owes one, through its own `query`. */
function sendOwed(client: PoolClient, query: Query): void {
  if (takeCommit(client)) void (query.call(client, 'COMMIT') as Promise<unknown>).catch(() => undefined);
}
