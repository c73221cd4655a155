import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/database/open';
import type { DatabaseTarget } from '../../src/database/options';

export interface TestDatabase {
  target: DatabaseTarget;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a temporary SQLite file, or, when TEST_DATABASE_URL is set,
 * a fresh PostgreSQL database created beside the one named there. Dropped afterwards either way.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-'));
    return {
      kind: 'sqlite',
      target: { sqlitePath: path.join(dir, 'atlas.sqlite') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `atlas_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    target: { url: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A migrated, empty database of its own for one test file: call in beforeAll, `close` in afterAll. */
export async function openTestDatabase(): Promise<{ ds: DataSource; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const ds = await openDatabase(database.target);
  return {
    ds,
    async close() {
      await ds.destroy();
      await database.drop();
    },
  };
}
