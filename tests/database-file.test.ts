import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// The SQLite file under a running server: deleted, replaced or made read-only, it stops taking writes and
// /readyz says why (a deleted file used to keep taking writes, lost on restart); and a server never seeds
// over a file it had been serving.
const sqliteOnly = process.env.TEST_DATABASE_URL ? describe.skip : describe;

sqliteOnly('the SQLite file', () => {
  const cases: Array<[string, (file: string) => void, RegExp]> = [
    ['deleted', (file) => fs.rmSync(file), /was deleted/],
    [
      'replaced',
      (file) => {
        fs.copyFileSync(file, `${file}.copy`);
        fs.renameSync(`${file}.copy`, file);
      },
      /was replaced/,
    ],
    ['made read-only', (file) => fs.chmodSync(file, 0o444), /is read-only/],
  ];
  test.each(cases)('%s: /readyz is 503 naming it, and a mutation is DATABASE_UNAVAILABLE and changes nothing', async (_, spoil, reason) => {
    const server: TestServer = await startTestServer();
    try {
      const keys = await makeTestKeys(server.dataSource);
      const file = (server.database.target as { sqlitePath: string }).sqlitePath;
      const readyz = () =>
        fetch(server.url.replace('/graphql', '/readyz')).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
      expect((await readyz()).status).toBe(200);
      const before = (await server.data('{ suppliers { totalCount } }')).suppliers.totalCount;
      spoil(file);
      const ready = await readyz();
      expect([ready.status, ready.body.status]).toEqual([503, 'database unavailable']);
      expect(ready.body.reason).toMatch(reason);
      const { body } = await server.query(
        'mutation { createSupplier(input: { name: "Lost Writes Ltd" }) { slug } }',
        undefined,
        keys.editor,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toMatch(reason);
      expect(body.errors?.[0]?.message).not.toContain(file);
      expect(body.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
      // Reads still answer from the file the server has open.
      expect((await server.data('{ suppliers { totalCount } }')).suppliers.totalCount).toBe(before);
    } finally {
      const file = (server.database.target as { sqlitePath: string }).sqlitePath;
      if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
      await server.stop();
    }
  });

  test('a server never seeds a database that was served before and is now empty: it refuses to start, saying why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-reseed-'));
    try {
      const file = path.join(dir, 'atlas.sqlite');
      fs.writeFileSync(`${file}.served`, '{}\n');
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
        cwd: path.join(__dirname, '..'),
        env: { ...process.env, DATABASE_PATH: file, PORT: '4999', TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/is empty, but a server has served it before/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a database connection lost mid-run answers 503 DATABASE_UNAVAILABLE with a request id, never a bare 500', async () => {
  const { formatError } = await import('../src/http/graphql-errors');
  const { GraphQLError } = await import('graphql');
  for (const cause of [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('timeout exceeded when trying to connect'),
  ]) {
    const formatted = formatError(true)({ message: cause.message }, new GraphQLError(cause.message, { originalError: cause }));
    expect(formatted).toMatchObject({
      message: 'The database cannot be reached; try again shortly.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  }
  if (!process.env.TEST_DATABASE_URL) return;
  // On PostgreSQL, for real: every connection of the test database is ended by the server.
  const server = await startTestServer();
  try {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = new URL((server.database.target as { url: string }).url).pathname.slice(1);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.end();
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await server.query('{ contracts(first: 1) { totalCount } }'));
    const failed = answers.filter((a) => a.status !== 200);
    for (const a of failed) {
      expect([a.status, a.body.errors?.[0]?.extensions?.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
      expect(a.body.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
    }
    // The pool replaces the dead connections: the last answer is data again.
    expect(answers[answers.length - 1].status).toBe(200);
  } finally {
    await server.stop();
  }
});
