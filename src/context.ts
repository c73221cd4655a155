import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseKey } from './auth/api-keys';
import { authenticate, type Credentials } from './auth/principal';
import type { RequestLog } from './http/request-log';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
  /** The API key sent with the request, checked on first use (reads never need it). */
  credentials: () => Promise<Credentials>;
  /** Who the rate limit counts against: the key's public part when one is sent, else the client address. */
  client: string;
  /** When execution must stop (ms since the epoch), or null for no limit. */
  deadline: number | null;
  /** The request's log line, which the GraphQL layer fills in with the operation's name and cost. */
  requestLog: RequestLog;
  /** False when the caller has already charged the client's budget (a CSV export charges per row). */
  spendsBudget: boolean;
}

export interface RequestFacts {
  authorization?: string;
  address?: string;
  timeoutMs?: number;
  requestLog?: RequestLog;
  spendsBudget?: boolean;
}

/** Built once per request; the DataSource is shared, the loaders are not. */
export function createContext(dataSource: DataSource, facts: RequestFacts = {}): Context {
  let credentials: Promise<Credentials> | undefined;
  const token = /^Bearer\s+(\S+)/i.exec(facts.authorization ?? '')?.[1];
  const lookup = token ? parseKey(token)?.lookup : undefined;
  const requestLog = facts.requestLog ?? { requestId: randomUUID(), method: 'POST', path: '/graphql' };
  const client = lookup ? `key:${lookup}` : `ip:${facts.address ?? 'unknown'}`;
  requestLog.client = client;
  return {
    requestId: requestLog.requestId,
    dataSource,
    loaders: createLoaders(dataSource),
    credentials: () => (credentials ??= authenticate(dataSource, facts.authorization)),
    client,
    deadline: facts.timeoutMs ? Date.now() + facts.timeoutMs : null,
    requestLog,
    spendsBudget: facts.spendsBudget ?? true,
  };
}
