import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
}

/** Built once per request; the DataSource is shared, the loaders are not. */
export function createContext(dataSource: DataSource, requestId: string = randomUUID()): Context {
  return { requestId, dataSource, loaders: createLoaders(dataSource) };
}
