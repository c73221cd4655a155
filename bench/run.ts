import 'reflect-metadata';
import autocannon from 'autocannon';
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DatabaseTarget } from '../src/database/options';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open';
import { StatementCounter } from '../src/database/statement-counter';
import { startServer } from '../src/server';
import { generate } from './datagen';
import { OPERATIONS, type Operation } from './operations';
import { recordSection } from './record';

// `npm run bench -- [--contracts 10000,100000] [--duration 10] [--connections 8] [--only <name>] [--pg <url>]
// [--sqlite-only | --postgres-only] [--dry-run]`: for each scale, generates the data, then, one operation at a
// time, drives each server with autocannon for a bounded time, on loopback: on SQLite, ours and the raw-SQL floor; on
// PostgreSQL (when reachable), ours, the floor and PostGraphile. Ours runs twice: as configured by default
// (answer and roll-up caches on) and with both caches off. It reports each server's first request, requests/s,
// p50/p99 latency, SQL statements per request and each server's peak RSS during the operation (and over the
// whole run), with our throughput (cached) as a ratio of the floor's and the peer's.

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '10000,100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    only: { type: 'string' },
    pg: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'sqlite-only': { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});
const scales = values.contracts.split(',').map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);
const DIST = path.resolve(__dirname, '..');
/** `--only csv`: just the operations whose name contains it (for a before/after of one change). */
const operations = OPERATIONS.filter((op) => !values.only || op.name.toLowerCase().includes(values.only.toLowerCase()));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess, init?: RequestInit) {
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
const peakRss = (pid: number) => {
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
async function settle(servers: Started[], activeStatements?: () => Promise<number>) {
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
async function peaksDuring<T>(servers: Started[], run: () => Promise<T>): Promise<{ result: T; peaks: string }> {
  for (const s of servers) fs.writeFileSync(`/proc/${s.child.pid}/clear_refs`, '5');
  const result = await run();
  return { result, peaks: servers.map((s) => (exited(s) ? 'exited' : peakRss(s.child.pid!).toFixed(0))).join(' / ') };
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function drive(url: string, op: { method: 'GET' | 'POST'; body?: string }): Promise<Result> {
  const result = await autocannon({
    url,
    method: op.method,
    body: op.body,
    connections,
    duration,
    timeout: 60,
    headers: op.body ? { 'content-type': 'application/json' } : {},
  });
  if (result.non2xx) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  // Requests still unanswered when the time is up are errors (timeouts): reported, not hidden.
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

/**
 * The first request of an operation, timed on its own (for ours, a roll-up's cold time: nothing cached
 * yet). A GraphQL answer with errors is a failed benchmark, not a fast one.
 */
async function firstRequest(url: string, op: { method: 'GET' | 'POST'; body?: string }): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { method: op.method, body: op.body, headers: op.body ? { 'content-type': 'application/json' } : {} });
  const text = await response.text();
  const elapsed = performance.now() - start;
  const answer = op.body ? (JSON.parse(text) as { errors?: unknown[] }) : {};
  if (!response.ok || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer.errors ?? response.status).slice(0, 500)}`);
  return elapsed;
}

/**
 * SQL statements each operation sends, counted in-process on the same database: `first / repeat` when a
 * repeat costs less (a cached roll-up), else one number.
 */
async function statementsPer(target: DatabaseTarget): Promise<string[]> {
  const counter = new StatementCounter();
  const ds = await openDatabase(target, false, counter);
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_POINTS: '1000000000000',
    MAX_COST: '1000000000',
    REQUEST_TIMEOUT_MS: '600000',
  });
  const server = await startServer(ds, { port: 0, host: '127.0.0.1', config });
  const base = server.url.replace(/\/graphql$/, '');
  const counts: string[] = [];
  const send = async (op: Operation) => {
    counter.reset();
    const response = await fetch(base + op.path, { method: op.method, body: op.body, headers: { 'content-type': 'application/json' } });
    const text = await response.text();
    // A count from a failed request (a timeout at a million contracts) would be a wrong number, not a small one.
    if (!response.ok || (op.body && JSON.parse(text).errors)) throw new Error(`${op.name}: ${text.slice(0, 300)}`);
    return counter.count;
  };
  for (const op of operations) {
    // Warm first (the title index's statistics, prepared plans), then count a first time on a fresh data
    // version, then a repeat.
    await send(op);
    await ds.query('UPDATE "data_version" SET "version" = "version" + 1');
    const [first, repeat] = [await send(op), await send(op)];
    counts.push(first === repeat ? String(first) : `${first} / ${repeat}`);
  }
  await server.stop();
  await ds.destroy();
  return counts;
}

interface Started {
  name: string;
  base: string;
  child: ChildProcess;
  /** The last lines it wrote to stderr. */
  stderr: string[];
  relaunch(): Promise<Started>;
}

/** How to start one of the servers: its script, its arguments on a given port, and how to tell it is up. */
interface Launch {
  name: string;
  module: string;
  args?: (port: number) => string[];
  env?: NodeJS.ProcessEnv;
  /** Answers once the server is ready. */
  ready: (base: string) => [string, RequestInit?];
}

/** Forks a server on a free port and waits until it answers; its stderr's last lines are kept. */
async function launch(spec: Launch): Promise<Started> {
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

const exited = (s: Started) => s.child.exitCode != null || s.child.signalCode != null;

/**
 * Starts again any server that exited during the last operation (at a million contracts, eight uncached
 * roll-ups at once can exhaust a server's heap), and says which and how, for the notes under the table.
 */
async function revive(servers: Started[]): Promise<string[]> {
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
function startOurs(target: DatabaseTarget, uncached = false): Promise<Started> {
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

function startFloor(target: DatabaseTarget): Promise<Started> {
  return launch({
    name: 'the floor',
    module: path.join(DIST, 'bench', 'floor-server.js'),
    args: (port) => [...('url' in target ? ['--pg', target.url] : ['--sqlite', target.sqlitePath]), '--port', String(port)],
    ready: (base) => [`${base}/search`],
  });
}

function startPeer(url: string): Promise<Started> {
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

const stopAll = (servers: Started[]) => servers.forEach((s) => s.child.kill('SIGTERM'));
const cell = (r: Result) => `${r.rps.toFixed(1)}${r.errors ? ` (${r.errors} unanswered)` : ''} | ${r.p50} / ${r.p99} ms`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
// A server that answered nothing in the time has no ratio (not Infinity or NaN).
const ratio = (a: Result, b: Result) => (b.rps > 0 ? (a.rps / b.rps).toFixed(2) : 'n/a');

/** Fills the database with generated data, starts our server and the floor on it, and counts statements. */
async function prepare(target: DatabaseTarget, contracts: number, servers: Started[]) {
  const gen = await openDatabase(target);
  await generate(gen, { contracts, seed: 1 });
  await gen.destroy();
  const ours = await startOurs(target);
  servers.push(ours);
  const uncached = await startOurs(target, true);
  servers.push(uncached);
  const floor = await startFloor(target);
  servers.push(floor);
  return { ours, uncached, floor, statements: await statementsPer(target) };
}

/**
 * Ours (with its caches, then without), then the floor, on one operation: each one's first request timed
 * apart, then driven.
 */
async function oursAndFloor(op: Operation, ours: Started, uncached: Started, floor: Started, settled: () => Promise<void>) {
  const [oursFirst, floorFirst] = [
    await firstRequest(ours.base + op.path, op),
    await firstRequest(floor.base + op.floorPath, { method: 'GET' }),
  ];
  await firstRequest(uncached.base + op.path, op);
  const a = await drive(ours.base + op.path, op);
  await settled();
  const u = await drive(uncached.base + op.path, op);
  await settled();
  const f = await drive(floor.base + op.floorPath, { method: 'GET' });
  await settled();
  return { a, u, f, cells: `${ms(oursFirst)} | ${ms(floorFirst)} | ${cell(a)} | ${cell(u)}` };
}

async function benchSqlite(contracts: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const target = { sqlitePath: path.join(dir, 'atlas.sqlite') };

  const header =
    '| operation | ours: first | floor: first | ours: req/s | ours: p50 / p99 | ours uncached: req/s | ours uncached: p50 / p99 | SQL statements | floor: req/s | floor: p50 / p99 | ours ÷ floor | uncached ÷ floor | peak RSS, MB: ours / uncached / floor |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  console.log(`\n${contracts.toLocaleString('en-GB')} contracts, SQLite\n${header}`);
  const servers: Started[] = [];
  try {
    const { ours, uncached, floor, statements } = await prepare(target, contracts, servers);
    const rows: string[] = [];
    const notes: string[] = [];
    for (const [i, op] of operations.entries()) {
      notes.push(...(await revive(servers)).map((note) => `- Before ${op.name}: ${note}.`));
      const settled = () => settle([ours, uncached, floor]);
      const { result, peaks } = await peaksDuring([ours, uncached, floor], () => oursAndFloor(op, ours, uncached, floor, settled));
      const { a, u, f, cells } = result;
      rows.push(`| ${op.name} | ${cells} | ${statements[i]} | ${cell(f)} | ${ratio(a, f)} | ${ratio(u, f)} | ${peaks} |`);
      console.log(rows[rows.length - 1]);
    }
    const memory = `Peak RSS over the whole run: ours ${peakRss(ours.child.pid!).toFixed(0)} MB (uncached ${peakRss(uncached.child.pid!).toFixed(0)} MB), floor ${peakRss(floor.child.pid!).toFixed(0)} MB.`;
    console.log([...notes, memory].join('\n'));
    return [header, ...rows, '', ...notes, ...(notes.length ? [''] : []), memory].join('\n');
  } finally {
    stopAll(servers);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh database on the PostgreSQL server of `url`, or null (and why) when it cannot be reached. */
async function freshPgDatabase(url: string): Promise<{ url: string; drop(): Promise<void> } | string> {
  const admin = new Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL is not reachable at ${url} (${(error as Error).message})`;
  }
  const name = `atlas_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
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

async function benchPostgres(contracts: number): Promise<string | null> {
  const database = await freshPgDatabase(values.pg);
  if (typeof database === 'string') {
    console.log(`\n${database}: the PostgreSQL part is skipped (--pg <url> to point elsewhere).`);
    return null;
  }
  const target = { url: database.url };
  const header =
    '| operation | ours: first | floor: first | ours: req/s | ours: p50 / p99 | ours uncached: req/s | ours uncached: p50 / p99 | SQL statements | floor: req/s | floor: p50 / p99 | ours ÷ floor | uncached ÷ floor | PostGraphile: first | PostGraphile: req/s | PostGraphile: p50 / p99 | ours ÷ PostGraphile | uncached ÷ PostGraphile | peak RSS, MB: ours / uncached / floor / PostGraphile |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const servers: Started[] = [];
  const watcher = new Client({ connectionString: database.url });
  try {
    const { ours, uncached, floor, statements } = await prepare(target, contracts, servers);
    console.log(`\n${contracts.toLocaleString('en-GB')} contracts, PostgreSQL\n${header}`);
    const peer = await startPeer(database.url);
    servers.push(peer);
    await watcher.connect();
    const activeStatements = async () => {
      const { rows } = await watcher.query(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
      );
      return Number(rows[0].n);
    };
    const rows: string[] = [];
    const notes: string[] = [];
    for (const [i, op] of operations.entries()) {
      notes.push(...(await revive(servers)).map((note) => `- Before ${op.name}: ${note}.`));
      const settled = () => settle([ours, uncached, floor, peer], activeStatements);
      const { result, peaks } = await peaksDuring([ours, uncached, floor, peer], async () => {
        const { a, u, f, cells } = await oursAndFloor(op, ours, uncached, floor, settled);
        let peerCells = '– | – | – | – | –';
        if (op.peerBody) {
          const peerOp = { method: 'POST', body: op.peerBody } as const;
          const peerFirst = await firstRequest(`${peer.base}/graphql`, peerOp);
          const p = await drive(`${peer.base}/graphql`, peerOp);
          await settled();
          peerCells = `${ms(peerFirst)} | ${cell(p)} | ${ratio(a, p)} | ${ratio(u, p)}`;
        }
        return { a, u, f, cells, peerCells };
      });
      const { a, u, f, cells, peerCells } = result;
      if (op.peerNote) notes.push(`- PostGraphile, ${op.name}: ${op.peerNote}.`);
      rows.push(`| ${op.name} | ${cells} | ${statements[i]} | ${cell(f)} | ${ratio(a, f)} | ${ratio(u, f)} | ${peerCells} | ${peaks} |`);
      console.log(rows[rows.length - 1]);
    }
    const memory = `Peak RSS over the whole run: ours ${peakRss(ours.child.pid!).toFixed(0)} MB (uncached ${peakRss(uncached.child.pid!).toFixed(0)} MB), floor ${peakRss(floor.child.pid!).toFixed(0)} MB, PostGraphile ${peakRss(peer.child.pid!).toFixed(0)} MB.`;
    console.log([...notes, memory].join('\n'));
    return [header, ...rows, '', ...notes, '', memory].join('\n');
  } finally {
    stopAll(servers);
    await watcher.end().catch(() => {});
    // The servers' connections must be gone before the database can be dropped.
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}

async function main() {
  const setup = `autocannon, ${connections} connections, ${duration} s per operation and server, on loopback`;
  for (const contracts of scales) {
    const data = `the data from \`npm run datagen -- --contracts ${contracts} --seed 1\``;
    const scale = contracts.toLocaleString('en-GB');
    const record = !values['dry-run'] && !values.only;
    if (!values['postgres-only']) {
      const sqlite = await benchSqlite(contracts);
      if (record) recordSection(`API throughput (SQLite, ${scale} contracts)`, `${setup}; ${data}.\n\n${sqlite}`);
    }
    if (values['sqlite-only']) continue;
    const postgres = await benchPostgres(contracts);
    if (postgres && record) recordSection(`API throughput (PostgreSQL, ${scale} contracts)`, `${setup}; ${data}.\n\n${postgres}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
