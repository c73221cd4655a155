import { AsyncLocalStorage } from 'node:async_hooks';

/** What the database layer knows of the request a statement runs for. */
export interface RequestScope {
  /** When the request must have answered (ms since the epoch), or null for no limit. */
  deadline: number | null;
  /** The request's read transaction, once it has read (see sqlite/reads.ts, postgres/snapshots.ts). */
  snapshot?: { end(): Promise<void> };
  /** The data version as this request's snapshot sees it, read once (services/data-version.ts). */
  dataVersion?: Promise<string>;
  /** The request is over: a statement still arriving (a loader the answer no longer waited for) reads alone. */
  finished?: boolean;
  /** Statements read one by one, with the request's deadline, opening no snapshot (see readApart). */
  apart?: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` as one request: every statement it sends, through any number of loaders and awaits, carries
 * the request's deadline down to the driver, which the database layer's callers never pass by hand.
 */
export const withinRequest = <T>(scope: RequestScope, work: () => T): T => scopes.run(scope, work);

export const currentRequest = (): RequestScope | undefined => scopes.getStore();

/**
 * Runs `work` outside the request's snapshot, each statement on its own with the request's deadline — for a
 * read that need not agree with the request's others (the caller's API key): on PostgreSQL a snapshot opened
 * for it costs START and COMMIT round trips besides the statement. If the request already holds a snapshot
 * (a reader or a pooled connection), `work` reads in it instead: a request must never wait for a second
 * connection while it holds one, or requests holding them all would wait for each other for ever.
 */
export function readApart<T>(work: () => T): T {
  const scope = currentRequest();
  if (!scope || scope.snapshot || scope.finished || scope.apart) return work();
  return scopes.run({ deadline: scope.deadline, apart: true }, work);
}

/** Marks work that runs inside a write transaction: its statements belong on the writer's connection. */
const transactions = new AsyncLocalStorage<true>();
export const withinTransaction = <T>(work: () => T): T => transactions.run(true, work);
export const inTransaction = () => transactions.getStore() === true;

/** Ends the current request's read transaction, if it opened one; its next read would open a new one. */
export async function endSnapshot(scope: RequestScope | undefined = currentRequest()): Promise<void> {
  if (!scope) return;
  // A new snapshot may see a newer version of the data.
  scope.dataVersion = undefined;
  const snapshot = scope.snapshot;
  if (!snapshot) return;
  scope.snapshot = undefined;
  await snapshot.end();
}

/** The request is over: its snapshot ends, and no statement that still arrives opens another. */
export async function finishRequest(scope: RequestScope): Promise<void> {
  scope.finished = true;
  await endSnapshot(scope);
}
