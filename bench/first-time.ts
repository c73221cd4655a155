import 'reflect-metadata';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database/open';
import { ContractStatus } from '../src/schema/enums';
import { foldText } from '../src/services/fold-text';
import type { DatabaseTarget } from '../src/database/options';
import { generate } from './datagen';
import { recordSection } from './record';
import { freshPgDatabase, peaksDuring, settle, type Started, startOurs, startPeer, statementWatcher, stopAll } from './servers';

// `npm run bench:first-time -- [--contracts 100000] [--duration 10] [--connections 8] [--pg <url>]
// [--sqlite <file> | --postgres <url>] [--sqlite-only | --postgres-only] [--dry-run]`
//
// Every request a question asked for the first time: our server runs with both caches off, and each request
// draws its own parameters (a buyer, a grouping and a filter, a search term, a slug) from a fixed seed, so
// neither a cache nor a warmed plan can answer it. Each operation is driven alone, then all of them at once
// with /healthz (the mix), for ours and, on PostgreSQL, for PostGraphile where it can ask the question.
// `--sqlite`/`--postgres` reuse a database `npm run datagen` filled instead of generating one.

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    pg: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    sqlite: { type: 'string' },
    postgres: { type: 'string' },
    'sqlite-only': { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});
const contracts = Number(values.contracts);
const duration = Number(values.duration) * 1000;
const connections = Number(values.connections);

/** A fixed-seed generator (mulberry32), so every run asks the same sequence of questions. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const upTo = (rng: Rng, n: number) => 1 + Math.floor(rng() * n);
const graphql = (query: string) => JSON.stringify({ query });

const DIMENSIONS = [
  'PUBLIC_BODY',
  'SECTOR',
  'SUPPLIER',
  'SUPPLIER_COUNTRY',
  'OFFSHORE_LOCATION',
  'OFFSHORING_STATUS',
  'UNION',
  'SERVICE',
  'STATUS',
  'YEAR',
] as const;
const STATUSES = Object.values(ContractStatus);

interface Sizes {
  bodies: number;
  unions: number;
  /** Texts to search for: words and fragments of the data's own texts. */
  terms: string[];
}

/** One kind of question: ours as a request, and PostGraphile's where it can ask one like it. */
interface Question {
  name: string;
  ours: (rng: Rng, sizes: Sizes) => string;
  peer?: (rng: Rng, sizes: Sizes) => string;
  peerNote?: string;
}

const NESTED =
  'id title status buyers { name } suppliers { role supplier { name } } offshoring { status location { name } } unions { role union { name } }';
const PEER_NESTED = `id title status
  contractBuyersByContractId { nodes { publicBodyByPublicBodyId { name } } }
  contractSuppliersByContractId { nodes { role supplierBySupplierId { name } } }
  offshoringsByContractId { nodes { status offshoreLocationByLocationId { name } } }
  contractUnionsByContractId { nodes { role tradeUnionByUnionId { name } } }`;

const filterOf = (rng: Rng, sizes: Sizes) =>
  pick(rng, [
    '',
    `filter: { statuses: [${pick(rng, STATUSES)}] }`,
    `filter: { sectors: [${pick(rng, ['LOCAL_GOVERNMENT', 'CENTRAL_GOVERNMENT'])}] }`,
    `filter: { unions: ["union-${upTo(rng, sizes.unions)}"] }`,
    `filter: { buyers: ["body-${upTo(rng, sizes.bodies)}"] }`,
  ]);

const QUESTIONS: Question[] = [
  {
    name: "a buyer's contracts, page of 50, nested",
    ours: (rng, s) =>
      graphql(`{ contracts(first: 50, filter: { buyers: ["body-${upTo(rng, s.bodies)}"] }) { edges { node { ${NESTED} } } } }`),
    peer: (rng, s) =>
      graphql(
        `{ allContractBuyers(first: 50, condition: { publicBodyId: ${upTo(rng, s.bodies)} }) { nodes { contractByContractId { ${PEER_NESTED} } } } }`,
      ),
    peerNote: "the buyer's link rows in key order, not its contracts by title",
  },
  {
    name: 'one contract by slug',
    ours: (rng) =>
      graphql(`{ contract(slug: "contract-${upTo(rng, contracts)}") { title status figures { measure low high } buyers { name } } }`),
    peer: (rng) =>
      graphql(
        `{ allContracts(condition: { slug: "contract-${upTo(rng, contracts)}" }) { nodes { title status quantitiesByContractId { nodes { measure low high } } contractBuyersByContractId { nodes { publicBodyByPublicBodyId { name } } } } } }`,
      ),
  },
  {
    name: 'roll-up by one dimension, with or without a filter',
    ours: (rng, s) =>
      graphql(`{ impact(groupBy: [${pick(rng, DIMENSIONS)}] ${filterOf(rng, s)}) { contractCount jobsAffected { low high basedOn } } }`),
  },
  {
    // The roll-up PostGraphile can answer (its groupings are a table's own columns, with counts), asked of
    // both: the same question, so the ratio compares like with like.
    name: 'contracts of one status by year, counted',
    ours: (rng) => graphql(`{ impact(groupBy: [YEAR], filter: { statuses: [${pick(rng, STATUSES)}] }) { key { year } contractCount } }`),
    peer: (rng) =>
      graphql(
        `{ allContracts(condition: { status: "${pick(rng, STATUSES)}" }) { groupedAggregates(groupBy: START_DATE_YEAR) { keys distinctCount { rowId } } } }`,
      ),
    peerNote: "by start year (ours: the start year, else the year of the contract's first event), counting rows",
  },
  {
    name: 'roll-up by two dimensions, top 100 groups',
    ours: (rng) => {
      const [a, b] = [pick(rng, DIMENSIONS), pick(rng, DIMENSIONS)];
      return graphql(
        `{ impact(groupBy: [${a === b ? a : `${a}, ${b}`}], first: 100, orderBy: { field: CONTRACT_COUNT, direction: DESC }) { contractCount jobsAffected { low high basedOn } } }`,
      );
    },
  },
  {
    name: 'search, 20 hits',
    ours: (rng, s) => graphql(`{ search(text: ${JSON.stringify(pick(rng, s.terms))}, first: 20) { field text } }`),
  },
];

interface Tally {
  latencies: number[];
  errors: number;
  seconds: number;
}

/**
 * `width` loops (`--connections`), each sending one question after another until the time is up, its
 * parameters drawn from its own seeded generator; every answer is read whole and a GraphQL error counts as
 * an error.
 */
async function drive(
  url: string,
  kinds: Array<{ name: string; body: (rng: Rng) => string | null }>,
  { width = connections, time = duration, seed = 1000 } = {},
): Promise<Map<string, Tally>> {
  const tallies = new Map(kinds.map((k) => [k.name, { latencies: [] as number[], errors: 0, seconds: time / 1000 }]));
  const end = Date.now() + time;
  await Promise.all(
    Array.from({ length: width }, async (_, c) => {
      const rng = random(seed + c);
      while (Date.now() < end) {
        const kind = pick(rng, kinds);
        const body = kind.body(rng);
        const tally = tallies.get(kind.name)!;
        const start = performance.now();
        try {
          const response =
            body == null
              ? await fetch(url.replace(/\/graphql$/, '/healthz'))
              : await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
          const text = await response.text();
          if (!response.ok || (body != null && (JSON.parse(text) as { errors?: unknown }).errors)) tally.errors += 1;
          else tally.latencies.push(performance.now() - start);
        } catch {
          tally.errors += 1;
        }
      }
    }),
  );
  return tallies;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
function cells(t: Tally | undefined) {
  if (!t) return '– | –';
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const rate = (t.latencies.length / t.seconds).toFixed(1);
  return `${rate}${t.errors ? ` (${t.errors} errors)` : ''} | ${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.99))} ms`;
}
const rateOf = (t: Tally | undefined) => (t ? t.latencies.length / t.seconds : 0);
/** p50 / p99 alone. */
function latencies(t: Tally | undefined) {
  if (!t?.latencies.length) return '–';
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return `${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.99))} ms${t.errors ? ` (${t.errors} errors)` : ''}`;
}

async function sizesOf(target: DatabaseTarget): Promise<Sizes> {
  const ds = await openDatabase(target);
  try {
    const count = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const texts: Array<{ text: string }> = await ds.query('SELECT text FROM search_entry WHERE id % 97 = 0 ORDER BY id LIMIT 500');
    const rng = random(7);
    // Words and their starts, never punctuation alone (search refuses a text with no letter or digit).
    const terms = texts
      .flatMap(({ text }) => {
        const words = text.split(/\s+/).filter((word) => foldText(word));
        return words.length ? [pick(rng, words).slice(0, 3 + Math.floor(rng() * 6))] : [];
      })
      .filter((term) => foldText(term));
    return { bodies: await count('public_body'), unions: await count('trade_union'), terms };
  } finally {
    await ds.destroy();
  }
}

async function run(label: string, target: DatabaseTarget, peerUrl?: string): Promise<string> {
  const sizes = await sizesOf(target);
  const servers: Started[] = [];
  // On PostgreSQL, settled also means no statement still running from the last drive.
  const watcher = 'url' in target ? await statementWatcher(target.url) : undefined;
  const settled = () => settle(servers, watcher?.running);
  try {
    const ours = await startOurs(target, true);
    servers.push(ours);
    const peer = peerUrl ? await startPeer(peerUrl) : undefined;
    if (peer) servers.push(peer);
    const header = `| question | ours: req/s | ours: p50 / p99 | ours, one at a time: p50 / p99 |${peer ? ' PostGraphile: req/s | PostGraphile: p50 / p99 | ours ÷ PostGraphile |' : ''} peak RSS, MB: ours${peer ? ' / PostGraphile' : ''} |\n|---|---:|---:|---:|${peer ? '---:|---:|---:|' : ''}---:|`;
    console.log(`\n${label}\n${header}`);
    const rows: string[] = [];
    const notes: string[] = [];
    for (const q of QUESTIONS) {
      const { result, peaks } = await peaksDuring(servers, async () => {
        const mine = (await drive(`${ours.base}/graphql`, [{ name: q.name, body: (rng) => q.ours(rng, sizes) }])).get(q.name);
        await settled();
        // Latency without queueing: one connection, half the time, its own draws (another seed).
        const once = { width: 1, time: duration / 2, seed: 5000 };
        const alone = (await drive(`${ours.base}/graphql`, [{ name: q.name, body: (rng) => q.ours(rng, sizes) }], once)).get(q.name);
        await settled();
        let theirs: Tally | undefined;
        if (peer && q.peer) {
          theirs = (await drive(`${peer.base}/graphql`, [{ name: q.name, body: (rng) => q.peer!(rng, sizes) }])).get(q.name);
          await settled();
        }
        return { mine, alone, theirs };
      });
      const ratio = result.theirs && rateOf(result.theirs) > 0 ? (rateOf(result.mine) / rateOf(result.theirs)).toFixed(2) : '–';
      rows.push(
        `| ${q.name} | ${cells(result.mine)} | ${latencies(result.alone)} |${peer ? ` ${cells(result.theirs)} | ${ratio} |` : ''} ${peaks} |`,
      );
      if (peer && q.peerNote) notes.push(`- PostGraphile, ${q.name}: ${q.peerNote}.`);
      console.log(rows.at(-1));
    }
    // The mix: every question and /healthz at once, each connection choosing anew for every request.
    const kinds = [
      ...QUESTIONS.map((q) => ({ name: q.name, body: (rng: Rng) => q.ours(rng, sizes) })),
      { name: '/healthz', body: () => null },
    ];
    const { result: mix, peaks } = await peaksDuring([ours], () => drive(`${ours.base}/graphql`, kinds));
    await settled();
    const mixHeader = `| in the mix (ours, all at once) | req/s | p50 / p99 |\n|---|---:|---:|`;
    const mixRows = kinds.map((k) => `| ${k.name} | ${cells(mix.get(k.name))} |`);
    const memory = `Peak RSS during the mix: ours ${peaks} MB.`;
    console.log([mixHeader, ...mixRows, memory].join('\n'));
    return [header, ...rows, '', ...notes, ...(notes.length ? [''] : []), mixHeader, ...mixRows, '', memory].join('\n');
  } finally {
    stopAll(servers);
    await watcher?.end();
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const scale = contracts.toLocaleString('en-GB');
  const setup = `${connections} connections, ${duration / 1000} s per question and server, caches off, every request drawn anew from a fixed seed`;
  const record = (title: string, table: string) => {
    if (!values['dry-run'])
      recordSection(title, `${setup}; the data from \`npm run datagen -- --contracts ${contracts} --seed 1\`.\n\n${table}`);
  };
  if (!values['postgres-only']) {
    let file = values.sqlite;
    const dir = file ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-first-'));
    try {
      if (!file) {
        file = path.join(dir!, 'atlas.sqlite');
        const ds = await openDatabase({ sqlitePath: file });
        await generate(ds, { contracts, seed: 1 });
        await ds.destroy();
      }
      record(`First-time questions (SQLite, ${scale} contracts)`, await run(`${scale} contracts, SQLite`, { sqlitePath: file }));
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values['sqlite-only']) return;
  if (values.postgres) {
    record(
      `First-time questions (PostgreSQL, ${scale} contracts)`,
      await run(`${scale} contracts, PostgreSQL`, { url: values.postgres }, values.postgres),
    );
    return;
  }
  const database = await freshPgDatabase(values.pg);
  if (typeof database === 'string') {
    console.log(`\n${database}: the PostgreSQL part is skipped.`);
    return;
  }
  try {
    const ds = await openDatabase({ url: database.url });
    await generate(ds, { contracts, seed: 1 });
    await ds.destroy();
    record(
      `First-time questions (PostgreSQL, ${scale} contracts)`,
      await run(`${scale} contracts, PostgreSQL`, { url: database.url }, database.url),
    );
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
