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
// buyer. Prints p50 and p90 of each. Run it on two builds (e.g. two commits) to compare what writes cost.

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' }, postgres: { type: 'string' } } });
const count = Number(values.count);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-mutations-'));
  const ds = await openDatabase(values.postgres ? { url: values.postgres } : { sqlitePath: path.join(dir, 'atlas.sqlite') });
  await loadSeed(ds);
  const { key } = await createApiKey(ds, 'bench', Role.EDITOR);
  const server = await startServer(ds, { port: 0, host: '127.0.0.1', config: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }) });
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' shapes are the queries' own
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const start = await call(
    '{ contracts(first: 1) { edges { node { id version } } } publicBodies(first: 2) { edges { node { id } } } }',
    {},
  );
  const id: string = start.contracts.edges[0].node.id;
  let version: number = start.contracts.edges[0].node.version;
  const bodies: string[] = start.publicBodies.edges.map((e: { node: { id: string } }) => e.node.id);

  const timed = async (run: (i: number) => Promise<void>) => {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  const updates = await timed(async (i) => {
    const input = { id, version, status: i % 2 ? 'AWARDED' : 'TRANSFERRED', buyers: [bodies[i % bodies.length]] };
    ({ version } = (
      await call('mutation ($input: UpdateContractInput!) { updateContract(input: $input) { version } }', { input })
    ).updateContract);
  });
  const creates = await timed(async (i) => {
    const input = { title: `Bench contract ${i}`, status: 'PROPOSED', buyers: [bodies[0]] };
    await call('mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', { input });
  });
  const ms = (t: number) => `${t.toFixed(1)} ms`;
  console.log(`updateContract (status and buyers): p50 ${ms(percentile(updates, 50))}, p90 ${ms(percentile(updates, 90))}`);
  console.log(`createContract (with a buyer): p50 ${ms(percentile(creates, 50))}, p90 ${ms(percentile(creates, 90))}`);
  await server.stop();
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
