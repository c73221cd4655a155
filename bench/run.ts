import 'reflect-metadata';
import autocannon from 'autocannon';
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open';
import { StatementCounter } from '../src/database/statement-counter';
import { startServer } from '../src/server';
import { generate } from './datagen';
import { OPERATIONS, type Operation } from './operations';
import { recordSection } from './record';

// `npm run bench -- [--contracts 10000,100000] [--duration 10] [--connections 8] [--only <name>] [--dry-run]`: for each
// scale, generates the data (SQLite), starts our server and the raw-SQL floor as child processes on
// loopback, drives each operation with autocannon for a bounded time, and reports requests/s, p50/p99
// latency, SQL statements per request and peak RSS, with our throughput as a ratio of the floor's.

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '10000,100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    only: { type: 'string' },
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

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode != null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
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

async function drive(url: string, op: Pick<Operation, 'method' | 'body'>) {
  const result = await autocannon({
    url, method: op.method, body: op.body, connections, duration, timeout: 60,
    headers: op.body ? { 'content-type': 'application/json' } : {},
  });
  if (result.non2xx) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  // Requests still unanswered when the time is up are errors (timeouts): reported, not hidden.
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

/** SQL statements one request of each operation sends, counted in-process on the same database. */
async function statementsPer(sqlitePath: string): Promise<number[]> {
  const counter = new StatementCounter();
  const ds = await openDatabase({ sqlitePath }, false, counter);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_POINTS: '1000000000000', MAX_COST: '1000000000' });
  const server = await startServer(ds, { port: 0, host: '127.0.0.1', config });
  const base = server.url.replace(/\/graphql$/, '');
  const counts: number[] = [];
  for (const op of operations) {
    const response = await fetch(base + op.path, { method: op.method, body: op.body, headers: { 'content-type': 'application/json' } });
    await response.text();
    counter.reset();
    const again = await fetch(base + op.path, { method: op.method, body: op.body, headers: { 'content-type': 'application/json' } });
    await again.text();
    counts.push(counter.count);
  }
  await server.stop();
  await ds.destroy();
  return counts;
}

async function benchScale(contracts: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const sqlitePath = path.join(dir, 'atlas.sqlite');
  const gen = await openDatabase({ sqlitePath });
  await generate(gen, { contracts, seed: 1 });
  await gen.destroy();

  const ourPort = await freePort();
  const ours = fork(path.join(DIST, 'src', 'main.js'), [], {
    env: {
      ...process.env, PORT: String(ourPort), HOST: '127.0.0.1', DATABASE_PATH: sqlitePath, SEED_ON_START: 'never', LOG_LEVEL: 'silent',
      NODE_ENV: 'production', RATE_LIMIT_POINTS: '1000000000000', MAX_COST: '1000000000', REQUEST_TIMEOUT_MS: '60000',
    },
    stdio: 'ignore',
  });
  const floorPort = await freePort();
  const floor = fork(path.join(DIST, 'bench', 'floor-server.js'), ['--sqlite', sqlitePath, '--port', String(floorPort)], { stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${ourPort}/readyz`, ours);
    await waitFor(`http://127.0.0.1:${floorPort}/search`, floor);
    const statements = await statementsPer(sqlitePath);
    const rows: string[] = [];
    for (const [i, op] of operations.entries()) {
      const ourResult = await drive(`http://127.0.0.1:${ourPort}${op.path}`, op);
      const floorResult = await drive(`http://127.0.0.1:${floorPort}${op.floorPath}`, { method: 'GET' });
      const unanswered = ourResult.errors ? ` (${ourResult.errors} unanswered)` : '';
      rows.push(`| ${op.name} | ${ourResult.rps.toFixed(1)}${unanswered} | ${ourResult.p50} / ${ourResult.p99} ms | ${statements[i]} | ${floorResult.rps.toFixed(0)} | ${floorResult.p50} / ${floorResult.p99} ms | ${(ourResult.rps / floorResult.rps).toFixed(2)} |`);
      console.log(rows[rows.length - 1]);
    }
    return { rows, ourRss: peakRss(ours.pid!), floorRss: peakRss(floor.pid!) };
  } finally {
    ours.kill('SIGTERM');
    floor.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  for (const contracts of scales) {
    console.log(`\n${contracts.toLocaleString('en-GB')} contracts, SQLite: ${connections} connections, ${duration} s per operation`);
    const header = '| operation | ours: req/s | ours: p50 / p99 | SQL statements | floor: req/s | floor: p50 / p99 | ours ÷ floor |\n|---|---:|---:|---:|---:|---:|---:|';
    console.log(header);
    const { rows, ourRss, floorRss } = await benchScale(contracts);
    const body = [
      `autocannon, ${connections} connections, ${duration} s per operation, on loopback; the data from \`npm run datagen -- --contracts ${contracts} --seed 1\`.`,
      '',
      header,
      ...rows,
      '',
      `Peak RSS: ours ${ourRss.toFixed(0)} MB, floor ${floorRss.toFixed(0)} MB.`,
    ].join('\n');
    console.log(`Peak RSS: ours ${ourRss.toFixed(0)} MB, floor ${floorRss.toFixed(0)} MB.`);
    if (!values['dry-run'] && !values.only) recordSection(`API throughput (SQLite, ${contracts.toLocaleString('en-GB')} contracts)`, body);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
