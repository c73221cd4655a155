import 'reflect-metadata';
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  freshPgDatabase,
  peakRss,
  peaksDuring,
  revive,
  settle,
  type Started,
  startFloor,
  startOurs,
  startPeer,
  statementWatcher,
  stopAll,
} from './servers';
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
/** `--only csv`: just the operations whose name contains it (for a before/after of one change). */
const operations = OPERATIONS.filter((op) => !values.only || op.name.toLowerCase().includes(values.only.toLowerCase()));

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
  let watcher: Awaited<ReturnType<typeof statementWatcher>> | undefined;
  try {
    const { ours, uncached, floor, statements } = await prepare(target, contracts, servers);
    console.log(`\n${contracts.toLocaleString('en-GB')} contracts, PostgreSQL\n${header}`);
    const peer = await startPeer(database.url);
    servers.push(peer);
    watcher = await statementWatcher(database.url);
    const activeStatements = watcher.running;
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
    await watcher?.end();
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
