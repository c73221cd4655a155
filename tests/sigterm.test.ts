import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The real process (src/main.ts through ts-node), a slow request in flight, then SIGTERM: the request
// completes, and then the process exits 0.
let database: TestDatabase;
let child: ChildProcess | undefined;
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await database?.drop();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test('SIGTERM while a slow request runs: the request completes, then the process exits 0', async () => {
  database = await createTestDatabase();
  const port = await freePort();
  const target = 'url' in database.target ? { DATABASE_URL: database.target.url } : { DATABASE_PATH: database.target.sqlitePath };
  const root = path.join(__dirname, '..');
  child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', './tests/support/slow-search.ts', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...target, PORT: String(port), HOST: '127.0.0.1', TS_NODE_TRANSPILE_ONLY: 'true', SLOW_SEARCH_MS: '1500', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

  for (let waited = 0; !output.join('').includes('serving GraphQL'); waited += 100) {
    if (waited > 45_000 || child.exitCode !== null) throw new Error(`the server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const url = `http://127.0.0.1:${port}/graphql`;
  const started = Date.now();
  const slow = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ search(text: "xansa") { text } }' }) });
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');

  const response = await slow;
  expect(response.status).toBe(200);
  expect(((await response.json()) as any).data.search.length).toBeGreaterThan(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(await exited).toBe(0);
  const log = output.join('');
  expect(log).toContain('shutting down: draining requests in flight');
  expect(log).toContain('stopped cleanly');
}, 90_000);
