import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { startTestServer, type TestServer } from './support/test-server';

// Redis is a helper for shared rate limits, not a single point of failure: a private redis-server on a
// free port, stopped mid-run. Before, every query and export answered 500 after up to 4.6 s while /readyz
// still said ready.
const hasRedis = (() => {
  try {
    execFileSync('redis-server', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const startRedis = async (port: number) => {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i += 1) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(() => resolve(true))).on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
};

(hasRedis ? describe : describe.skip)('with REDIS_URL set', () => {
  let redis: ChildProcess;
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    server = await startTestServer({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'atlas-outage-test' } });
  });
  afterAll(async () => {
    await server?.stop();
    redis?.kill('SIGKILL');
  });

  const readyz = async () => {
    const r = await fetch(server.url.replace('/graphql', '/readyz'));
    return { status: r.status, body: (await r.json()) as { status: string; degraded?: string[] } };
  };

  test('Redis stopped mid-run: queries and exports go on, budgets fall back to memory, /readyz says degraded; back again when Redis is', async () => {
    const q = '{ unions(first: 1) { totalCount } }';
    expect((await server.query(q)).status).toBe(200);
    // Until its first connection is up, the budgets are in memory too, and /readyz says so.
    for (let i = 0; i < 100 && (await readyz()).body.degraded; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const { status, body } = await server.query(q);
      expect([status, body.data?.unions.totalCount > 0, body.errors]).toEqual([200, true, undefined]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const csv = await fetch(server.url.replace('/graphql', '/export/contracts.csv'));
    expect(csv.status).toBe(200);
    await csv.text();
    const degraded = await readyz();
    expect(degraded.status).toBe(200);
    expect(degraded.body.degraded?.[0]).toMatch(/rate limits in memory: Redis is unreachable/);

    redis = await startRedis(port);
    for (let i = 0; i < 100 && (await readyz()).body.degraded; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
