import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseTarget } from '../src/database/options';

// The servers a benchmark drives (ours, the raw-SQL floor, PostGraphile), how they are started, watched and
// stopped, and the fresh PostgreSQL database they share: for `npm run bench` and its first-time mode alike.

const DIST = path.resolve(__dirname, '..');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export async function waitFor(url: string, child: ChildProcess, init?: RequestInit) {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode != null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    const ok = await fetch(url, init).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Peak resident memory of a process so far (Linux), in MB. */
export const peakRss = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};

/** CPU time a process has used, in clock ticks (user + system, from /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0; // exited: idle
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the servers have finished what they were still doing when autocannon stopped: a server keeps
 * working on the requests it had taken (at a million contracts, eight uncached roll-ups take minutes), and the
 * next measurement must not share the CPU with them. Settled: no server process uses CPU for half a second
 * and, on PostgreSQL, no statement is running in the benchmark's database.
 */
export async function settle(servers: Started[], activeStatements?: () => Promise<number>) {
  const deadline = Date.now() + 15 * 60_000;
  let last = servers.map((s) => cpuTicks(s.child.pid!));
  for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = servers.map((s) => cpuTicks(s.child.pid!));
    const busy = now.some((ticks, i) => ticks - last[i] > 2) || (activeStatements ? (await activeStatements()) > 0 : false);
    quiet = busy ? 0 : quiet + 1;
    last = now;
  }
}

/**
 * Each server's peak RSS while `run` runs, in MB, as "a / b / …": the kernel's high-water mark is reset first
 * (`clear_refs`), so an operation is not charged with the peak of the one before. What a server kept from
 * earlier operations (its heap, its caches) is still in its RSS.
 */
export async function peaksDuring<T>(servers: Started[], run: () => Promise<T>): Promise<{ result: T; peaks: string }> {
  for (const s of servers) fs.writeFileSync(`/proc/${s.child.pid}/clear_refs`, '5');
  const result = await run();
  return { result, peaks: servers.map((s) => (exited(s) ? 'exited' : peakRss(s.child.pid!).toFixed(0))).join(' / ') };
}

export interface Started {
  name: string;
  base: string;
  child: ChildProcess;
  /** The last lines it wrote to stderr. */
  stderr: string[];
  relaunch(): Promise<Started>;
}

/** How to start one of the servers: its script, its arguments on a given port, and how to tell it is up. */
export interface Launch {
  name: string;
  module: string;
  args?: (port: number) => string[];
  env?: NodeJS.ProcessEnv;
  /** Answers once the server is ready. */
  ready: (base: string) => [string, RequestInit?];
}

/** Forks a server on a free port and waits until it answers; its stderr's last lines are kept. */
export async function launch(spec: Launch): Promise<Started> {
  const port = await freePort();
  const child = fork(spec.module, spec.args?.(port) ?? [], {
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(...chunk.toString().split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const base = `http://127.0.0.1:${port}`;
  const [url, init] = spec.ready(base);
  await waitFor(url, child, init);
  return { name: spec.name, base, child, stderr, relaunch: () => launch(spec) };
}

export const exited = (s: Started) => s.child.exitCode != null || s.child.signalCode != null;

/**
 * Starts again any server that exited during the last operation (at a million contracts, eight uncached
 * roll-ups at once can exhaust a server's heap), and says which and how, for the notes under the table.
 */
export async function revive(servers: Started[]): Promise<string[]> {
  const notes: string[] = [];
  for (const s of servers) {
    if (!exited(s)) continue;
    const why = s.stderr.find((line) => /heap out of memory|Error/.test(line)) ?? s.stderr.at(-1) ?? 'no message';
    notes.push(`${s.name} exited (${s.child.exitCode ?? s.child.signalCode}: "${why.trim().slice(0, 160)}") and was started again`);
    // In place: the callers hold this object.
    Object.assign(s, await s.relaunch());
  }
  return notes;
}

/** Our server; `uncached` turns off the answer and roll-up caches, so every request executes. */
export function startOurs(target: DatabaseTarget, uncached = false): Promise<Started> {
  return launch({
    name: uncached ? 'ours uncached' : 'ours',
    module: path.join(DIST, 'src', 'main.js'),
    env: {
      HOST: '127.0.0.1',
      SEED_ON_START: 'never',
      LOG_LEVEL: 'silent',
      ...(uncached ? { RESPONSE_CACHE_MB: '0', ROLLUP_CACHE_GROUPS: '0' } : {}),
      ...('url' in target ? { DATABASE_URL: target.url } : { DATABASE_PATH: target.sqlitePath }),
      NODE_ENV: 'production',
      RATE_LIMIT_POINTS: '1000000000000',
      MAX_COST: '1000000000',
      REQUEST_TIMEOUT_MS: '60000',
    },
    ready: (base) => [`${base}/readyz`],
  });
}

export function startFloor(target: DatabaseTarget): Promise<Started> {
  return launch({
    name: 'the floor',
    module: path.join(DIST, 'bench', 'floor-server.js'),
    args: (port) => [...('url' in target ? ['--pg', target.url] : ['--sqlite', target.sqlitePath]), '--port', String(port)],
    ready: (base) => [`${base}/search`],
  });
}

export function startPeer(url: string): Promise<Started> {
  return launch({
    name: 'PostGraphile',
    module: path.join(DIST, 'bench', 'peer-server.js'),
    args: (port) => ['--pg', url, '--port', String(port)],
    env: { GRAPHILE_ENV: 'production' },
    ready: (base) => [
      `${base}/graphql`,
      { method: 'POST', body: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json' } },
    ],
  });
}

export const stopAll = (servers: Started[]) => servers.forEach((s) => s.child.kill('SIGTERM'));
/** A fresh database on the PostgreSQL server of `url`, or null (and why) when it cannot be reached. */
export async function freshPgDatabase(url: string): Promise<{ url: string; drop(): Promise<void> } | string> {
  const admin = new Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL is not reachable at ${url} (${(error as Error).message})`;
  }
  const name = `atlas_bench_${process.pid}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** How many statements run now in a PostgreSQL database, other than the watcher's own: for `settle`. */
export async function statementWatcher(url: string): Promise<{ running(): Promise<number>; end(): Promise<void> }> {
  const watcher = new Client({ connectionString: url });
  await watcher.connect();
  return {
    async running() {
      const { rows } = await watcher.query(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
      );
      return Number(rows[0].n);
    },
    end: () => watcher.end().catch(() => {}),
  };
}
