import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiKey } from '../src/auth/api-keys';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open';
import { Role } from '../src/schema/enums';
import { startServer } from '../src/server';
import { loadSeed } from '../seed/load';

// `npm run bench:mutations -- [--count 200] [--postgres <url of an empty database>]`: a mutation's latency,
// one at a time over HTTP, on the seed (a temporary SQLite file unless --postgres): `updateContract`
// changing a contract's status and buyers (its groups and summaries change), then `createContract` with a
// buyer. Prints p50 and p90 of each.
//
// To compare builds, run each one's server (seeded, with an editor's key) and give them all:
// `--server http://127.0.0.1:4001/graphql=<key> --server http://127.0.0.1:4002/graphql=<key>`. The bench then
// sends each mutation to every server in turn, one request after the other, so a machine that slows down
// or speeds up during the run weighs on every build alike; it prints each server's p50 and its ratio to
// the first's. One build's p50 measured in separate runs drifted by 1.5x on a shared machine.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    postgres: { type: 'string' },
    server: { type: 'string', multiple: true },
  },
});
const count = Number(values.count);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

type Call = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the answers' shapes are the queries' own

function caller(url: string, key: string): Call {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
}

/** One server's two mutations, each a function of the iteration, over its own contract and buyers. */
async function mutationsOf(call: Call) {
  const start = await call(
    '{ contracts(first: 1) { edges { node { id version } } } publicBodies(first: 2) { edges { node { id } } } }',
    {},
  );
  const id: string = start.contracts.edges[0].node.id;
  let version: number = start.contracts.edges[0].node.version;
  const bodies: string[] = start.publicBodies.edges.map((e: { node: { id: string } }) => e.node.id);
  return {
    update: async (i: number) => {
      const input = { id, version, status: i % 2 ? 'AWARDED' : 'TRANSFERRED', buyers: [bodies[i % bodies.length]] };
      ({ version } = (
        await call('mutation ($input: UpdateContractInput!) { updateContract(input: $input) { version } }', { input })
      ).updateContract);
    },
    create: async (i: number) => {
      const input = { title: `Bench contract ${i}`, status: 'PROPOSED', buyers: [bodies[0]] };
      await call('mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', { input });
    },
  };
}

/** Each mutation `count` times on every server in turn: the sorted latencies per server. */
async function timeAlternately(servers: Array<(i: number) => Promise<void>>) {
  const times = servers.map(() => [] as number[]);
  for (let i = 0; i < count; i += 1)
    for (const [s, run] of servers.entries()) {
      const started = performance.now();
      await run(i);
      times[s].push(performance.now() - started);
    }
  return times.map((list) => list.sort((a, b) => a - b));
}

const ms = (t: number) => `${t.toFixed(1)} ms`;

async function report(names: string[], calls: Call[]) {
  const servers = await Promise.all(calls.map(mutationsOf));
  for (const [label, kind] of [
    ['updateContract (status and buyers)', 'update'],
    ['createContract (with a buyer)', 'create'],
  ] as const) {
    const sorted = await timeAlternately(servers.map((server) => server[kind]));
    const base = percentile(sorted[0], 50);
    sorted.forEach((times, s) => {
      const ratio = names.length > 1 ? ` (${(percentile(times, 50) / base).toFixed(2)}x the first)` : '';
      console.log(`${names[s]}${label}: p50 ${ms(percentile(times, 50))}, p90 ${ms(percentile(times, 90))}${ratio}`);
    });
  }
}

async function main() {
  if (values.server?.length) {
    if (values.postgres) throw new Error('--postgres and --server: the servers keep their own databases; give one or the other');
    const targets = values.server.map((spec) => {
      const at = spec.lastIndexOf('=');
      if (at < 0) throw new Error(`--server ${spec}: give <url>=<key>`);
      return { url: spec.slice(0, at), key: spec.slice(at + 1) };
    });
    await report(
      targets.map(({ url }) => `${url}: `),
      targets.map(({ url, key }) => caller(url, key)),
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-mutations-'));
  const ds = await openDatabase(values.postgres ? { url: values.postgres } : { sqlitePath: path.join(dir, 'atlas.sqlite') });
  await loadSeed(ds);
  const { key } = await createApiKey(ds, 'bench', Role.EDITOR);
  const server = await startServer(ds, { port: 0, host: '127.0.0.1', config: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }) });
  await report([''], [caller(server.url, key)]);
  await server.stop();
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
