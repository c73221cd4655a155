import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import type { DatabaseTarget } from '../src/database/options';
import { openDatabase } from '../src/database/open';
import { generate } from './datagen';
import { recordSection } from './record';

// `npm run bench:hostile -- [--contracts 100000] [--pg <url>] [--sqlite-only | --postgres-only] [--mix-seconds 30]`:
// the public-deployment checks of "Running it in public", on loopback, with the server as shipped (default
// limits) but both caches off, so every request is a first-time one:
// 1. four all-measure SUPPLIER roll-ups and a full contracts.csv at once, /healthz polled every 50 ms;
// 2. a 24-connection mix (pages, search, roll-ups, each request different) with /healthz beside it.
// It reports /healthz latency, how and when each heavy request ended, the server's peak RSS and any exit.

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '100000' },
    pg: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'sqlite-only': { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    'mix-seconds': { type: 'string', default: '30' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const CONTRACTS = Number(values.contracts);
const MIX_MS = Number(values['mix-seconds']) * 1000;
const TIMEOUT_MS = 10_000;
const MAIN = path.resolve(__dirname, '..', 'src', 'main.js');

const ALL_MEASURES = `key { supplier { name } } contractCount contested jobsAffected { low high basedOn }
  jobsOffshored { atRisk { low high basedOn } denied { low high basedOn } } savingsClaimed { total { low high basedOn } }
  moneyLost { low high basedOn } citations { quote }`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The server's peak resident memory (VmHWM), in MB. */
const peakRssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

async function startServer(target: DatabaseTarget): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = fork(MAIN, [], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'never',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      RESPONSE_CACHE_MB: '0',
      ROLLUP_CACHE_GROUPS: '0',
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      RATE_LIMIT_POINTS: '1000000000',
      ...('url' in target ? { DATABASE_URL: target.url } : { DATABASE_PATH: target.sqlitePath }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode != null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become ready');
}

// The poller runs on a thread of its own: on the load generator's event loop, /healthz answers waited
// behind the parsing of the other requests' answers, and the client's delay was counted as the server's.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const latencies = [];
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const sent = performance.now();
    const ok = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) }).then((r) => r.text().then(() => r.ok), () => false);
    latencies.push(ok ? performance.now() - sent : 10000);
    await new Promise((r) => setTimeout(r, workerData.everyMs));
  }
  parentPort.postMessage(latencies);
})();`;

/** Polls /healthz every `everyMs` until stopped; each answer's latency (a failure counts as 10 s). */
function pollHealth(base: string, everyMs: number) {
  const worker = new Worker(POLLER, { eval: true, workerData: { url: `${base}/healthz`, everyMs } });
  const latencies = new Promise<number[]>((resolve) => worker.once('message', resolve));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const found = await latencies;
      await worker.terminate();
      return found;
    },
  };
}

const post = (base: string, query: string) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

/** How a request ended: its status and first error code, and when, in ms from the start. */
async function outcome(started: number, response: Promise<Response>) {
  try {
    const r = await response;
    const text = await r.text();
    let code = '';
    try {
      code = JSON.parse(text).errors?.[0]?.extensions?.code ?? '';
    } catch {
      code = r.headers.get('content-type')?.includes('csv') ? `${Math.round(text.length / 1024)} KB of CSV` : '';
    }
    return { status: r.status, code, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 0, code: (error as Error).message, ms: Math.round(performance.now() - started) };
  }
}

async function heavyAtOnce(base: string, child: ChildProcess) {
  const health = pollHealth(base, 50);
  const started = performance.now();
  const heavy = [
    ...Array.from({ length: 4 }, () => outcome(started, post(base, `{ impact(groupBy: [SUPPLIER]) { ${ALL_MEASURES} } }`))),
    outcome(started, fetch(`${base}/export/contracts.csv`)),
  ];
  const results = await Promise.all(heavy);
  return { results, health: await health.stop(), rss: peakRssMb(child.pid!), exited: child.exitCode != null };
}

async function mix(base: string, child: ChildProcess) {
  const health = pollHealth(base, 100);
  const statuses = new Map<string, number>();
  let n = 0;
  const until = performance.now() + MIX_MS;
  const shapes = [
    (i: number) =>
      `{ contracts(first: 50, filter: { statuses: [${['AWARDED', 'PROPOSED', 'TRANSFERRED', 'ENDED'][i % 4]}] }) { edges { node { title buyers { name } suppliers { supplier { name } } } } } }`,
    (i: number) => `{ search(text: "${['council', 'supplier', 'services', 'union', 'contact'][i % 5]} ${i % 97}", first: 20) { text } }`,
    (i: number) =>
      `{ impact(groupBy: [${['YEAR', 'SECTOR', 'STATUS', 'SERVICE'][i % 4]}], filter: { statuses: [AWARDED] }) { contractCount jobsAffected { low high } } }`,
    (i: number) =>
      `{ impact(groupBy: [SUPPLIER], first: ${10 + (i % 20)}, orderBy: { field: JOBS_AFFECTED, direction: DESC }) { key { supplier { name } } contractCount } }`,
  ];
  await Promise.all(
    Array.from({ length: 24 }, async (_, worker) => {
      while (performance.now() < until) {
        const i = n++;
        const r = await outcome(performance.now(), post(base, shapes[(i + worker) % shapes.length](i)));
        const key = r.status >= 500 || r.status === 0 ? `${r.status} ${r.code}` : String(r.status);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    }),
  );
  return { statuses, requests: n, health: await health.stop(), rss: peakRssMb(child.pid!), exited: child.exitCode != null };
}

async function run(database: string, target: DatabaseTarget): Promise<string> {
  const ds = await openDatabase(target);
  const generated = performance.now();
  await generate(ds, { contracts: CONTRACTS, seed: 1 });
  await ds.destroy();
  console.error(`${database}: generated ${CONTRACTS} contracts in ${Math.round((performance.now() - generated) / 1000)} s`);
  const first = await startServer(target);
  const a = await heavyAtOnce(first.base, first.child);
  first.child.kill('SIGTERM');
  const second = await startServer(target);
  const b = await mix(second.base, second.child);
  second.child.kill('SIGTERM');
  const heavyRows = a.results.map(
    (r, i) => `| ${i < 4 ? `SUPPLIER roll-up ${i + 1}` : 'contracts.csv'} | ${r.status} ${r.code} | ${r.ms} |`,
  );
  const fiveXX = [...b.statuses].filter(([k]) => !/^[1-4]\d\d$/.test(k)).reduce((s, [, v]) => s + v, 0);
  return [
    `### ${database}, ${CONTRACTS.toLocaleString('en-GB')} contracts`,
    '',
    `Four all-measure SUPPLIER roll-ups and a full contracts.csv at once: /healthz p50 ${percentile(a.health, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(a.health, 99).toFixed(1)} ms, max ${Math.max(...a.health).toFixed(0)} ms over ${a.health.length} polls; peak RSS ${a.rss} MB; ` +
      `${a.exited ? 'the server EXITED' : 'no exit'}.`,
    '',
    '| request | answered | ended after (ms) |',
    '|---|---|---|',
    ...heavyRows,
    '',
    `24-connection mix for ${MIX_MS / 1000} s (pages, search, roll-ups; every request different): ${b.requests} requests, ` +
      `statuses ${[...b.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')} (${fiveXX} 5xx); /healthz p50 ${percentile(b.health, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(b.health, 99).toFixed(1)} ms; peak RSS ${b.rss} MB; ${b.exited ? 'the server EXITED' : 'no exit'}.`,
  ].join('\n');
}

async function freshPg(url: string) {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const name = `atlas_hostile_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), await admin.end()),
  };
}

async function main() {
  const sections: string[] = [];
  if (!values['postgres-only']) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-hostile-'));
    try {
      sections.push(await run('SQLite', { sqlitePath: path.join(dir, 'atlas.sqlite') }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!values['sqlite-only']) {
    const pg = await freshPg(values.pg).catch((error: Error) => error);
    if (pg instanceof Error) sections.push(`### PostgreSQL\n\nnot measured: ${pg.message}`);
    else {
      try {
        sections.push(await run('PostgreSQL', { url: pg.url }));
      } finally {
        await pg.drop();
      }
    }
  }
  const body = [
    'The checks of README "Running it in public", made by `npm run bench:hostile`: the server as shipped (default limits, ' +
      `REQUEST_TIMEOUT_MS ${TIMEOUT_MS}), both caches off, on loopback. Targets: /healthz p99 under 50 ms, every heavy request ` +
      `ended (data or a coded error) within REQUEST_TIMEOUT_MS + 1 s, peak RSS under 1 GB, no exit, no 5xx in the mix.`,
    '',
    ...sections,
  ].join('\n\n');
  console.log(body);
  if (!values['dry-run']) recordSection('Holding up in public (first-time, hostile load)', body);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
