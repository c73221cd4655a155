import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { loadConfig, serverDatabaseOptions } from '../src/config';
import { dataSourceOptions } from '../src/database/options';
import { openDatabase } from '../src/database/open';
import { idleCommit } from '../src/database/postgres/deferred-commit';
import { finishRequest, type RequestScope, withinRequest } from '../src/database/request-scope';
import { migrationsFor } from '../src/migrations';
import { loadSeed } from '../seed/load';
import { loadSeedData } from '../seed/validate';
import { dumpDatabase } from './support/dump';
import { orphanSearchEntries } from './support/search-orphans';
import { createTestDatabase, openTestDatabase } from './support/test-database';

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

const dump = () => dumpDatabase(ds);

test('the migrations create exactly the schema the entities describe', async () => {
  const pending = await ds.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
});

test('migrating removes the search entries an import once left without their record', async () => {
  await loadSeed(ds);
  const [{ id }] = await ds.query('SELECT MAX(id) AS id FROM quantity');
  const gone = Number(id) + 1000;
  await ds.query(
    `INSERT INTO search_entry (subject_type, subject_id, field, text, folded) VALUES ('QUANTITY', ${gone}, 'wording', 'Left behind', 'left behind')`,
  );
  expect(await orphanSearchEntries(ds)).toEqual([`QUANTITY:${gone}`]);
  // SearchOrphans is the last migration: undone (it restores nothing) and run again.
  await ds.undoLastMigration({ transaction: 'all' });
  await ds.runMigrations({ transaction: 'all' });
  expect(await orphanSearchEntries(ds)).toEqual([]);
});

test('loading the seed twice gives the same database, ids included', async () => {
  await loadSeed(ds);
  const first = await dump();
  expect(first.contract.length).toBe(loadSeedData().contracts.length);
  await loadSeed(ds);
  expect(await dump()).toEqual(first);
});

test('invalid seed data is refused before anything is written', async () => {
  await loadSeed(ds);
  const before = await dump();
  const data = loadSeedData();
  data.contracts[0].citations[0].quote = 'words that no source contains';
  await expect(loadSeed(ds, data)).rejects.toThrow(/words that no source contains/);
  expect(await dump()).toEqual(before);
});

test('a failure part-way through the load rolls everything back', async () => {
  await loadSeed(ds);
  const before = await dump();
  // The 100th row written fails, well after the old rows were deleted and new ones inserted.
  const realSave = EntityManager.prototype.save;
  let saves = 0;
  const spy = jest.spyOn(EntityManager.prototype, 'save').mockImplementation(function (this: EntityManager, ...args: unknown[]) {
    saves += 1;
    if (saves === 100) return Promise.reject(new Error('disk full (simulated)'));
    return (realSave as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } as never);
  try {
    await expect(loadSeed(ds)).rejects.toThrow('disk full (simulated)');
  } finally {
    spy.mockRestore();
  }
  expect(saves).toBe(100);
  expect(await dump()).toEqual(before);
});

test('upgrading a database that holds data keeps the data (every migration after the first)', async () => {
  const old = await createTestDatabase();
  try {
    const driver = 'url' in old.target ? 'postgres' : 'better-sqlite3';
    const [first] = migrationsFor(driver);
    const initial = await new DataSource({ ...dataSourceOptions(old.target), migrations: [first] }).initialize();
    await initial.runMigrations();
    await initial.query(`INSERT INTO supplier (slug, name, aliases, home_country) VALUES ('acme', 'Acme', '["ACME"]', 'FR')`);
    await initial.destroy();

    const upgraded = await openDatabase(old.target);
    try {
      const [row] = await upgraded.query(`SELECT slug, name, aliases, home_country, version, archived_at FROM supplier`);
      expect(row).toEqual({ slug: 'acme', name: 'Acme', aliases: '["ACME"]', home_country: 'FR', version: 1, archived_at: null });
      expect((await upgraded.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await upgraded.destroy();
    }
  } finally {
    await old.drop();
  }
});

// PostgreSQL's JIT spent ~850 ms compiling each roll-up that then ran in ~60 ms (BENCHMARKS.md).
const onPostgres = process.env.TEST_DATABASE_URL ? test : test.skip;

/** Runs `work` as one request (its deadline `ms` away): a server with snapshots reads it in one, ended after. */
async function inRequest<T>(work: () => Promise<T>, ms = 10_000): Promise<T> {
  const scope: RequestScope = { deadline: Date.now() + ms };
  try {
    return await withinRequest(scope, work);
  } finally {
    await finishRequest(scope);
  }
}

/** Keeps every request's COMMIT owed to its connection's next message (no idle timer racing a count) until the returned function is called. */
function holdCommits(): () => void {
  const idle = idleCommit.ms;
  idleCommit.ms = 60_000;
  return () => {
    idleCommit.ms = idle;
  };
}
onPostgres('PostgreSQL sessions run without JIT compilation', async () => {
  const [{ jit }] = await ds.query('SHOW jit');
  expect(jit).toBe('off');
});

onPostgres('a server keeps its idle pooled connections (and what they planned) for minutes, and closes them when told', async () => {
  const target = { url: (ds.options as { url: string }).url };
  /** The pool's idle timeout, and how many connections it holds 300 ms after a query. */
  const pooled = async (idleTimeoutMs?: number) => {
    const options = serverDatabaseOptions(
      loadConfig(idleTimeoutMs === undefined ? {} : { DATABASE_IDLE_TIMEOUT_MS: String(idleTimeoutMs) }),
    );
    const other = await openDatabase(target, false, undefined, options);
    try {
      await other.query('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pool = (other.driver as PostgresDriver).master as Pool & { options: { idleTimeoutMillis?: number } };
      return [pool.options.idleTimeoutMillis, pool.totalCount];
    } finally {
      await other.destroy();
    }
  };
  // node-postgres's own default closes them after 10 s.
  expect(await pooled()).toEqual([600_000, 1]);
  expect(await pooled(50)).toEqual([50, 0]);
});

onPostgres('a statement whose Parse fails the first time it is prepared by name is parsed again at its next run', async () => {
  const server = await openDatabase({ url: (ds.options as { url: string }).url }, false, undefined, { snapshots: true });
  // Each statement the first of its request, so it travels after START (PrefixedQuery).
  const probe = () => inRequest(() => server.query('SELECT id FROM prefixed_probe WHERE id = $1', [1]));
  try {
    await ds.query('CREATE TABLE prefixed_probe (id int)');
    expect([await probe(), await probe()]).toEqual([[], []]);
    // Its third run on the connection is its first by name, and the table is gone: the Parse fails.
    await ds.query('DROP TABLE prefixed_probe');
    await expect(probe()).rejects.toThrow(/prefixed_probe/);
    await ds.query('CREATE TABLE prefixed_probe (id int)');
    expect(await probe()).toEqual([]);
    // It did run by name: the connection holds it prepared.
    const prepared = await inRequest(() =>
      server.query("SELECT name FROM pg_prepared_statements WHERE statement LIKE '%prefixed_probe%' AND $1 = 1", [1]),
    );
    expect(prepared).toHaveLength(1);
  } finally {
    await ds.query('DROP TABLE IF EXISTS prefixed_probe');
    await server.destroy();
  }
});

onPostgres(
  "a request's COMMIT travels with the connection's next statement, or alone once the connection idles; the next request reads a fresh snapshot",
  async () => {
    const target = { url: (ds.options as { url: string }).url };
    // One connection, so every request below reads on the same one.
    const server = await openDatabase(target, false, undefined, { snapshots: true, poolSize: 1 });
    const observer = await openDatabase(target, false);
    const state = async (pid: number) =>
      (await observer.query('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid]))[0]?.state as string | undefined;
    try {
      await server.query('CREATE TABLE IF NOT EXISTS commit_probe (id int)');
      await server.query('DELETE FROM commit_probe');
      const read = (ms?: number) =>
        inRequest(async () => (await server.query('SELECT pg_backend_pid() AS pid, (SELECT COUNT(*) FROM commit_probe) AS n'))[0], ms);
      const release = holdCommits();
      try {
        // Answered, the request's read-only transaction stays open, its COMMIT owed to the next message…
        expect(await state((await read()).pid)).toBe('idle in transaction');
        // …unless its time limit was short: then it would still run when PostgreSQL reads the next message.
        expect(await state((await read(500)).pid)).toBe('idle');
      } finally {
        release();
      }
      const before = await read();
      // A write committed meanwhile elsewhere is seen by the next request on the same connection: its START
      // follows that COMMIT in one message, and takes a new snapshot.
      await observer.query('INSERT INTO commit_probe (id) VALUES (1)');
      const after = await read();
      expect([after.pid, Number(after.n)]).toEqual([before.pid, Number(before.n) + 1]);
      // Left alone, the connection sends its COMMIT by itself.
      await new Promise((resolve) => setTimeout(resolve, idleCommit.ms + 200));
      expect(await state(after.pid)).toBe('idle');
      // A write on a connection owing a COMMIT runs after it, not inside the read-only transaction.
      await read();
      await server.transaction((manager) => manager.query('INSERT INTO commit_probe (id) VALUES (2)'));
      expect(Number((await observer.query('SELECT COUNT(*) AS n FROM commit_probe'))[0].n)).toBe(Number(before.n) + 2);
    } finally {
      await server.query('DROP TABLE IF EXISTS commit_probe');
      await server.destroy();
      await observer.destroy();
    }
  },
);

onPostgres(
  "a request's snapshot starts in the message of its first statement, with or without parameters, and holds if that statement fails",
  async () => {
    const target = { url: (ds.options as { url: string }).url };
    const server = await openDatabase(target, false, undefined, { snapshots: true });
    // Round trips, counted as the server's "ready for the next query" answers on the request's connection.
    let roundTrips = 0;
    const counted = new WeakSet<object>();
    ((server.driver as PostgresDriver).master as Pool).on('acquire', (client) => {
      const connection = (client as unknown as { connection: { on(event: string, listener: () => void): void } }).connection;
      if (!counted.has(connection)) connection.on('readyForQuery', () => (roundTrips += 1));
      counted.add(connection);
    });
    // A message's statements share its time of receipt: the transaction started in the statement's message
    // exactly when the two timestamps are equal.
    const settings = `SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS read_only,
    current_setting('statement_timeout') <> '0' AS timed, transaction_timestamp() = statement_timestamp() AS same_message`;
    const first = async (sql: string, parameters?: unknown[]) => (await server.query(sql, parameters))[0];
    const snapshot = { isolation: 'repeatable read', read_only: 'on', timed: true };
    // Every request's COMMIT stays owed until the next message on its connection: counted, not raced.
    const release = holdCommits();
    try {
      expect(await inRequest(() => first(settings))).toEqual({ ...snapshot, same_message: true });
      // With parameters the statement goes in the extended protocol, after START and its setting in the same
      // message (each part has its own statement time there): one round trip, the COMMIT owed by the
      // request before leading it, and this request's own COMMIT owed in turn.
      roundTrips = 0;
      expect(await inRequest(() => first(`${settings}, $1::int AS n`, [7]))).toEqual({ ...snapshot, same_message: false, n: 7 });
      expect(roundTrips).toBe(1);
      // A statement prepared by name (its third run on the connection) travels the same way.
      for (const n of [8, 9]) expect(await inRequest(() => first(`${settings}, $1::int AS n`, [n]))).toMatchObject({ ...snapshot, n });
      // The time limit set in that message holds for the statement after it.
      await expect(inRequest(() => first('SELECT pg_sleep($1::float)', [5]), 300)).rejects.toThrow(/statement timeout/);
      // A first statement PostgreSQL cannot parse fails its whole message, START with it; the request's next
      // statement still reads in the snapshot, with its time limit.
      // The COMMIT the connection owed went down too, so it goes again with START: the next statement reads
      // in a transaction of this request's, not the previous request's.
      await inRequest(() => first(settings));
      const asked = Date.now();
      const afterFailure = await inRequest(async () => {
        await expect(server.query('SELEC 1')).rejects.toThrow();
        return first(`${settings}, transaction_timestamp() AS began`);
      });
      expect(afterFailure).toMatchObject({ ...snapshot, same_message: false });
      expect((afterFailure.began as Date).getTime()).toBeGreaterThanOrEqual(asked - 1);
      // A first statement that fails when it runs leaves this request's transaction failed, as any statement
      // would: the COMMIT it carried and START had run, and the request's next statement is refused.
      await inRequest(async () => {
        await expect(server.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
        await expect(server.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);
      });
    } finally {
      release();
      await server.destroy();
    }
  },
);
