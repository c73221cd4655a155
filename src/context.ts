import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { authenticate, type Credentials, type Principal } from './auth/principal';
import { KeyVerifier } from './auth/verified-keys';
import type { RequestLog } from './http/request-log';
import { createLoaders, type Loaders } from './loaders';
import { RollupCache } from './services/impact/rollup-cache';

export interface Context {
  requestId: string;
  dataSource: DataSource;
  /** The server's kept roll-ups (or none kept). */
  rollups: RollupCache;
  loaders: Loaders;
  /** The API key sent with the request, checked once on first use (no header: none, and no database read). */
  credentials: () => Promise<Credentials>;
  /**
   * Who the rate limit counts against: a live key's lookup, else the client address. A token that is not a
   * live key is never a budget of its own (made-up tokens would each get a fresh one).
   */
  client: () => Promise<string>;
  /** When execution must stop (ms since the epoch), or null for no limit. */
  deadline: number | null;
  /** The request's log line, which the GraphQL layer fills in with the operation's name and cost. */
  requestLog: RequestLog;
  /** False when the caller has already charged the client's budget (a CSV export charges per row). */
  spendsBudget: boolean;
  /** True when the caller already holds a heavy-work slot (an export, for its every page). */
  admitted: boolean;
  /** The key `@RequireRole` admitted, once it has (the field's role checked there, and only there). */
  principal?: Principal;
}

export interface RequestFacts {
  authorization?: string;
  address?: string;
  timeoutMs?: number;
  /** The request's deadline when the caller has set one already (it then wins over timeoutMs). */
  deadline?: number | null;
  requestLog?: RequestLog;
  spendsBudget?: boolean;
  admitted?: boolean;
  /** The server's token checker (it remembers scrypt outcomes); a fresh one when absent. */
  keys?: KeyVerifier;
  /** The server's roll-up cache; none kept when absent. */
  rollups?: RollupCache;
}

/** Built once per request; the DataSource is shared, the loaders are not. */
export function createContext(dataSource: DataSource, facts: RequestFacts = {}): Context {
  let credentials: Promise<Credentials> | undefined;
  const keys = facts.keys ?? new KeyVerifier(dataSource);
  const requestLog = facts.requestLog ?? { requestId: randomUUID(), method: 'POST', path: '/graphql' };
  const check = () => (credentials ??= authenticate(keys, facts.authorization));
  const rollups = facts.rollups ?? new RollupCache(dataSource, 0);
  return {
    requestId: requestLog.requestId,
    dataSource,
    rollups,
    loaders: createLoaders(dataSource, rollups),
    credentials: check,
    async client() {
      const found = await check();
      requestLog.client = found.kind === 'key' ? `key:${found.lookup}` : `ip:${facts.address ?? 'unknown'}`;
      return requestLog.client;
    },
    deadline: facts.deadline ?? (facts.timeoutMs ? Date.now() + facts.timeoutMs : null),
    requestLog,
    spendsBudget: facts.spendsBudget ?? true,
    admitted: facts.admitted ?? false,
  };
}
