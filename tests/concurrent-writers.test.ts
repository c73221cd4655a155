import type { DataSource } from 'typeorm';
import { generatedRelease } from '../bench/ocds-generator';
import { openDatabase } from '../src/database/open';
import { Contract } from '../src/entities';
import { importOcds } from '../src/import/importer';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// Writers that wait: two importers (each with its own connection, as two `npm run import` processes would
// have) and editors' mutations through the server, all at once on one database. On SQLite the importers'
// deferred transactions used to fail with "database is locked" (87% of their releases) and mutations beside
// an import answered INTERNAL_SERVER_ERROR.
let server: TestServer;
let keys: TestKeys;
const importers: DataSource[] = [];
beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
  for (let i = 0; i < 2; i += 1) importers.push(await openDatabase(server.database.target));
});
afterAll(async () => {
  for (const ds of importers) await ds.destroy();
  await server?.stop();
});

const packageOf = (from: number, count: number) => ({
  uri: `https://example.org/concurrent-${from}.json`,
  version: '1.1',
  publishedDate: '2024-12-31T00:00:00Z',
  publisher: { name: 'Concurrency test' },
  releases: Array.from({ length: count }, (_, i) => generatedRelease(from + i, 20, 40)),
});

test('two imports and forty mutations at once: every release and every mutation gets through', async () => {
  const PER_IMPORT = 120;
  const imports = importers.map((ds, i) =>
    importOcds(ds, [{ file: `concurrent-${i}.json`, chunks: [Buffer.from(JSON.stringify(packageOf(i * 10_000, PER_IMPORT)))] }], {
      keyName: `importer-${i}`,
    }),
  );
  const mutations = Array.from({ length: 40 }, (_, i) =>
    server.query(
      'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { slug } }',
      { input: { name: `Concurrent Supplier ${i}` } },
      keys.editor,
    ),
  );
  const [reports, answers] = await Promise.all([Promise.all(imports), Promise.all(mutations)]);
  for (const report of reports) {
    expect(report.counts).toMatchObject({ created: PER_IMPORT, rejected: 0, failedFiles: 0 });
  }
  expect(answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? null)).toEqual(Array(40).fill(null));
  expect(answers.map((a) => a.body.data.createSupplier.slug).sort()).toEqual(
    Array.from({ length: 40 }, (_, i) => `concurrent-supplier-${i}`).sort(),
  );
  expect(await server.dataSource.getRepository(Contract).countBy({ imported: true })).toBe(2 * PER_IMPORT);
});

test('a write that cannot get the lock in time is refused as DATABASE_BUSY, retryable, and writes nothing', async () => {
  if (server.database.kind !== 'sqlite') return; // PostgreSQL locks rows, not the file: there is no such wait
  const { default: Database } = await import('better-sqlite3');
  const { formatError } = await import('../src/http/graphql-errors');
  const { GraphQLError } = await import('graphql');
  const target = server.database.target as { sqlitePath: string };
  const impatient = await openDatabase(target, false, undefined, { lockWaitMs: 150 });
  const holder = new Database(target.sqlitePath);
  try {
    holder.exec('BEGIN IMMEDIATE');
    const before = await impatient.getRepository(Contract).count();
    const started = Date.now();
    const refused = await impatient.transaction((tx) => tx.getRepository(Contract).count()).catch((error: unknown) => error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const formatted = formatError(true)({ message: 'x' }, new GraphQLError('x', { originalError: refused as Error }));
    expect(formatted.extensions).toEqual({ code: 'DATABASE_BUSY', retryable: true, retryAfter: 1 });
    expect(formatted.message).toMatch(/busy with another write/);
    holder.exec('ROLLBACK');
    expect(await impatient.getRepository(Contract).count()).toBe(before);
  } finally {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
    await impatient.destroy();
  }
});
