import Database from 'better-sqlite3';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';

// The floor: the benchmark's questions answered by hand-written SQL (prepared statements on better-sqlite3,
// or named prepared statements on pg) and JSON.stringify, with no framework. Our API's throughput is reported
// as a ratio of it. It answers the same questions with the same data, but computes less for a roll-up (one
// measure, not eight) and writes only the contract's own columns to its CSV, so the ratio flatters it there.

const { values } = parseArgs({ options: { sqlite: { type: 'string' }, pg: { type: 'string' }, port: { type: 'string', default: '0' } } });
type Row = Record<string, unknown>;

/** Runs one statement with `?` placeholders, prepared once per distinct text. */
const all: (sql: string, params?: unknown[]) => Promise<Row[]> = values.pg
  ? (() => {
      const pool = new Pool({ connectionString: values.pg, max: 8 });
      const names = new Map<string, string>();
      return async (sql, params = []) => {
        let name = names.get(sql);
        if (!name) names.set(sql, (name = `floor_${names.size}`));
        let n = 0;
        const text = sql.replace(/\?/g, () => `$${(n += 1)}`);
        return (await pool.query({ name, text, values: params })).rows as Row[];
      };
    })()
  : (() => {
      const db = new Database(values.sqlite!, { readonly: true });
      const statements = new Map<string, Database.Statement>();
      return async (sql, params = []) => {
        let statement = statements.get(sql);
        if (!statement) statements.set(sql, (statement = db.prepare(sql)));
        return statement.all(...params) as Row[];
      };
    })();

// Our order, which the title index serves: on PostgreSQL in byte order, as both databases sort alike.
const byTitle = (column: string) => (values.pg ? `lower(${column}) COLLATE "C"` : `lower(${column})`);
const page = () => all(`SELECT id, title, status FROM contract WHERE archived_at IS NULL ORDER BY ${byTitle('title')}, id LIMIT 50`);
const list = (sql: string) => (ids: number[]) =>
  all(sql.replace('(?)', `(${ids.map(() => '?').join(',')})`), ids) as Promise<Array<Row & { contract_id: number }>>;
const buyers = list(
  'SELECT cb.contract_id, b.name FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE cb.contract_id IN (?)',
);
const suppliers = list(
  'SELECT cs.contract_id, cs.role, s.name FROM contract_supplier cs JOIN supplier s ON s.id = cs.supplier_id WHERE cs.contract_id IN (?)',
);
const offshoring = list(
  'SELECT o.contract_id, o.status, l.name FROM offshoring o JOIN offshore_location l ON l.id = o.location_id WHERE o.archived_at IS NULL AND o.contract_id IN (?)',
);
const unions = list(
  'SELECT cu.contract_id, cu.role, u.name FROM contract_union cu JOIN trade_union u ON u.id = cu.union_id WHERE cu.contract_id IN (?)',
);
const byContract = (rows: Array<Record<string, unknown> & { contract_id: number }>) => {
  const map = new Map<number, Array<Record<string, unknown>>>();
  for (const { contract_id, ...rest } of rows) (map.get(contract_id) ?? map.set(contract_id, []).get(contract_id)!).push(rest);
  return map;
};

const ENVELOPE = `WITH env AS (
  SELECT contract_id, MIN(low) AS lo, CASE WHEN COUNT(*) = COUNT(high) THEN MAX(high) END AS hi
  FROM quantity WHERE measure = 'JOBS_AFFECTED' AND archived_at IS NULL AND contract_id IS NOT NULL GROUP BY contract_id)`;
const bySupplier = () =>
  all(`${ENVELOPE}
  SELECT s.name, COUNT(*) AS n, COALESCE(SUM(env.lo), 0) AS low,
    CASE WHEN COUNT(env.contract_id) = COUNT(env.hi) THEN COALESCE(SUM(env.hi), 0) END AS high, COUNT(env.contract_id) AS based_on
  FROM contract_supplier cs JOIN supplier s ON s.id = cs.supplier_id LEFT JOIN env ON env.contract_id = cs.contract_id
  GROUP BY cs.supplier_id, s.name ORDER BY s.name`);
const byYear = () =>
  all(`${ENVELOPE}
  SELECT y.year, COUNT(*) AS n, COALESCE(SUM(env.lo), 0) AS low,
    CASE WHEN COUNT(env.contract_id) = COUNT(env.hi) THEN COALESCE(SUM(env.hi), 0) END AS high, COUNT(env.contract_id) AS based_on
  FROM (SELECT c.id, COALESCE(c.start_date_year, (SELECT MIN(e.date_year) FROM event e WHERE e.contract_id = c.id)) AS year FROM contract c) y
  LEFT JOIN env ON env.contract_id = y.id GROUP BY y.year ORDER BY y.year`);
// Ranked like ours (exact, prefix, word start, anywhere), so it must look at every match before the first 20.
const search = () =>
  all(`SELECT field, text FROM search_entry WHERE folded LIKE '%council%'
  ORDER BY CASE WHEN folded = 'council' THEN 0 WHEN folded LIKE 'council%' THEN 1 WHEN folded LIKE '% council%' THEN 2 ELSE 3 END, id LIMIT 20`);
const oneContract = (slug: string) => all('SELECT id, title, status FROM contract WHERE slug = ?', [slug]);
const figures = (id: number) => all('SELECT measure, low, high FROM quantity WHERE contract_id = ? AND archived_at IS NULL', [id]);
const buyersOf = (id: number) =>
  all('SELECT b.name FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE cb.contract_id = ?', [id]);
const csvRows = () =>
  all(`SELECT c.slug, c.title, c.status FROM contract c JOIN contract_buyer cb ON cb.contract_id = c.id
  JOIN public_body b ON b.id = cb.public_body_id WHERE b.slug = 'body-7' ORDER BY ${byTitle('c.title')}, c.id`);

const csvField = (v: unknown) => {
  const text = v == null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const routes: Record<string, () => Promise<[string, string]>> = {
  '/contracts-page': async () => {
    const rows = (await page()) as Array<{ id: number; title: string; status: string }>;
    const ids = rows.map((r) => r.id);
    const [b, s, o, u] = (await Promise.all([buyers(ids), suppliers(ids), offshoring(ids), unions(ids)])).map(byContract);
    const edges = rows.map((r) => ({
      node: {
        id: r.id,
        title: r.title,
        status: r.status,
        buyers: b.get(r.id) ?? [],
        suppliers: (s.get(r.id) ?? []).map((x) => ({ role: x.role, supplier: { name: x.name } })),
        offshoring: (o.get(r.id) ?? []).map((x) => ({ status: x.status, location: { name: x.name } })),
        unions: (u.get(r.id) ?? []).map((x) => ({ role: x.role, union: { name: x.name } })),
      },
    }));
    return ['application/json', JSON.stringify({ data: { contracts: { edges } } })];
  },
  '/impact-supplier': async () => [
    'application/json',
    JSON.stringify({
      data: {
        impact: (await bySupplier()).map((g) => ({
          key: { supplier: { name: g.name } },
          contractCount: g.n,
          jobsAffected: { low: g.low, high: g.high, basedOn: g.based_on },
        })),
      },
    }),
  ],
  '/impact-year': async () => [
    'application/json',
    JSON.stringify({
      data: {
        impact: (await byYear()).map((g) => ({
          key: { year: g.year },
          contractCount: g.n,
          jobsAffected: { low: g.low, high: g.high, basedOn: g.based_on },
        })),
      },
    }),
  ],
  '/search': async () => ['application/json', JSON.stringify({ data: { search: await search() } })],
  '/contract-by-slug': async () => {
    const [c] = (await oneContract('contract-42')) as Array<{ id: number; title: string; status: string }>;
    const [f, b] = await Promise.all([figures(c.id), buyersOf(c.id)]);
    return ['application/json', JSON.stringify({ data: { contract: { title: c.title, status: c.status, figures: f, buyers: b } } })];
  },
  '/contracts-csv': async () => {
    const rows = await csvRows();
    return [
      'text/csv',
      ['slug,title,status', ...rows.map((r) => [r.slug, r.title, r.status].map(csvField).join(','))].join('\r\n') + '\r\n',
    ];
  },
};

const server = http.createServer((req, res) => {
  const route = routes[req.url ?? ''];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  route().then(
    ([type, body]) => res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body),
    (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
  );
});
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
