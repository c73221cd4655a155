import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadSeed } from '../../seed/load';
import { loadConfig, serverDatabaseOptions } from '../../src/config';
import { openDatabase } from '../../src/database/open';
import type { HeavyWorkGate } from '../../src/limits/admission';
import { type RunningServer, startServer } from '../../src/server';
import { StatementCounter } from '../../src/database/statement-counter';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = any> {
  status: number;
  body: {
    data?: T;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
    extensions?: Record<string, any>;
  };
}

export interface TestServer {
  url: string;
  dataSource: DataSource;
  database: TestDatabase;
  statements: StatementCounter;
  /** POSTs one operation (with an API key, if given) and returns the HTTP status and the parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GraphQLResponse<T>>;
  /** Like `query`, but fails the test on any GraphQL error and returns `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<T>;
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a fresh, migrated database, seeded unless told otherwise. */
export async function startTestServer(
  options: { seed?: boolean; env?: Record<string, string>; gate?: HeavyWorkGate } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const statements = new StatementCounter();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...options.env });
  const dataSource = await openDatabase(database.target, false, statements, serverDatabaseOptions(config));
  if (options.seed !== false) await loadSeed(dataSource);
  let server: RunningServer;
  try {
    server = await startServer(dataSource, { port: 0, host: '127.0.0.1', config, gate: options.gate });
  } catch (error) {
    await dataSource.destroy();
    await database.drop();
    throw error;
  }

  const query = async <T>(q: string, variables?: Record<string, unknown>, key?: string): Promise<GraphQLResponse<T>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: q, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
  };

  return {
    url: server.url,
    dataSource,
    database,
    statements,
    query,
    async data<T>(q: string, variables?: Record<string, unknown>, key?: string) {
      const { body } = await query<T>(q, variables, key);
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      return body.data as T;
    },
    async stop() {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
