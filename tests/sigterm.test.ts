import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { generate } from '../bench/datagen';
import { openDatabase } from '../src/database/open';
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
    env: {
      ...process.env,
      ...target,
      PORT: String(port),
      HOST: '127.0.0.1',
      TS_NODE_TRANSPILE_ONLY: 'true',
      SLOW_SEARCH_MS: '1500',
      NODE_ENV: 'production',
    },
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
  const slow = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ search(text: "xansa") { text } }' }),
  });
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

/** The real server process over an existing database (no seeding), once it says it is serving. */
async function serve(database: TestDatabase, env: Record<string, string>, preload: string[] = []) {
  const port = await freePort();
  const target = 'url' in database.target ? { DATABASE_URL: database.target.url } : { DATABASE_PATH: database.target.sqlitePath };
  const server = spawn(process.execPath, ['-r', 'ts-node/register', ...preload.flatMap((p) => ['-r', p]), 'src/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: {
      ...process.env,
      ...target,
      PORT: String(port),
      HOST: '127.0.0.1',
      TS_NODE_TRANSPILE_ONLY: 'true',
      NODE_ENV: 'production',
      SEED_ON_START: 'never',
      MAX_COST: '100000000',
      RATE_LIMIT_POINTS: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = server;
  const output: string[] = [];
  server.stdout!.on('data', (chunk) => output.push(String(chunk)));
  server.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  for (let waited = 0; !output.join('').includes('serving GraphQL'); waited += 100) {
    if (waited > 45_000 || server.exitCode !== null) throw new Error(`the server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, port, exited, output };
}

const ALL_MEASURES = `key { supplier { name slug } } contractCount contested jobsAffected { low high basedOn }
  jobsOffshored { atRisk { low high basedOn } denied { low high basedOn } } savingsClaimed { total { low high basedOn } }
  moneyLost { low high basedOn } citations { quote source { title } }`;

test('SIGTERM with a multi-megabyte answer in flight to a slow reader: the client gets all of it and the process exits 0; an export past the grace is cut and the exit code says so', async () => {
  const big = await createTestDatabase();
  try {
    const ds = await openDatabase(big.target);
    await generate(ds, { contracts: 20_000, seed: 5 });
    await ds.destroy();
    const { server, port, exited } = await serve(big, { REQUEST_TIMEOUT_MS: '60000' });
    const query = `{ ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: impact(groupBy: [SUPPLIER]) { ${ALL_MEASURES} }`).join(' ')} }`;
    // A client that reads nothing until well after the signal: the answer waits in the server's buffers.
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.pause();
          resolve(res);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    const chunks: Buffer[] = [];
    const complete = await new Promise<boolean>((resolve) => {
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(true));
      response.on('error', () => resolve(false));
      response.on('aborted', () => resolve(false));
      response.resume();
    });
    const text = Buffer.concat(chunks).toString('utf8');
    expect(complete).toBe(true);
    expect(text.length > 8_000_000 ? 'big' : text).toBe('big');
    const body = JSON.parse(text);
    expect(body.errors).toBeUndefined();
    expect(body.data.d.length).toBeGreaterThan(1000);
    expect(await exited).toBe(0);

    // An export that outlives the grace period (its client reads nothing, so its 8 MB cannot all be sent):
    // cut at the grace, the download visibly broken, exit 1.
    const graced = await serve(big, { SHUTDOWN_GRACE_MS: '2000' });
    const download = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: graced.port, path: '/export/contracts.csv' }, (res) => {
          res.pause();
          resolve(res);
        })
        .on('error', reject);
    });
    expect(download.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    graced.server.kill('SIGTERM');
    expect(await graced.exited).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(2000 + 1500);
    const reading = await new Promise<string>((resolve) => {
      download.on('end', () => resolve(download.complete ? 'complete' : 'broken'));
      download.on('error', () => resolve('broken'));
      download.on('aborted', () => resolve('broken'));
      download.resume();
    });
    expect(reading).toBe('broken');
    expect(graced.output.join('')).toContain('requests still in flight after the grace period');
  } finally {
    await big.drop();
  }
}, 120_000);

test('a rejected promise nothing catches is logged, and the process goes on serving', async () => {
  const empty = await createTestDatabase();
  try {
    await (await openDatabase(empty.target)).destroy();
    const { server, port, output } = await serve(empty, {}, ['./tests/support/reject-on-signal.ts']);
    server.kill('SIGUSR2');
    for (let waited = 0; !output.join('').includes('unhandled rejection'); waited += 50) {
      if (waited > 10_000) throw new Error(`no log of the rejection:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output.join('')).toContain('nobody catches this');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(server.exitCode).toBeNull();
    server.kill('SIGTERM');
  } finally {
    await empty.drop();
  }
}, 90_000);
