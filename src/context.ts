import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { authenticate, type Credentials } from './auth/principal';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
  /** The API key sent with the request, checked on first use (reads never need it). */
  credentials: () => Promise<Credentials>;
}

/** Built once per request; the DataSource is shared, the loaders are not. */
export function createContext(dataSource: DataSource, authorization?: string, requestId: string = randomUUID()): Context {
  let credentials: Promise<Credentials> | undefined;
  return {
    requestId,
    dataSource,
    loaders: createLoaders(dataSource),
    credentials: () => (credentials ??= authenticate(dataSource, authorization)),
  };
}
