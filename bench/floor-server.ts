import Database from 'better-sqlite3';
import http from 'node:http';
import { parseArgs } from 'node:util';

// The floor: the benchmark's questions answered by hand-written SQL (prepared statements on
// better-sqlite3) and JSON.stringify, with no framework. Our API's throughput is reported as a ratio of it.
// It answers the same questions with the same data, but computes less for a roll-up (one measure, not
// eight), so the ratio flatters the floor there.

const { values } = parseArgs({ options: { sqlite: { type: 'string' }, port: { type: 'string', default: '0' } } });
const db = new Database(values.sqlite!, { readonly: true });

const page = db.prepare('SELECT id, title, status FROM contract WHERE archived_at IS NULL ORDER BY lower(title), id LIMIT 50');
const list = (sql: string) => {
  const statements = new Map<number, Database.Statement>();
  return (ids: number[]) => {
    let statement = statements.get(ids.length);
    if (!statement) statements.set(ids.length, (statement = db.prepare(sql.replace('(?)', `(${ids.map(() => '?').join(',')})`))));
    return statement.all(...ids) as Array<Record<string, unknown> & { contract_id: number }>;
  };
};
const buyers = list('SELECT cb.contract_id, b.name FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE cb.contract_id IN (?)');
const suppliers = list('SELECT cs.contract_id, cs.role, s.name FROM contract_supplier cs JOIN supplier s ON s.id = cs.supplier_id WHERE cs.contract_id IN (?)');
const offshoring = list('SELECT o.contract_id, o.status, l.name FROM offshoring o JOIN offshore_location l ON l.id = o.location_id WHERE o.archived_at IS NULL AND o.contract_id IN (?)');
const unions = list('SELECT cu.contract_id, cu.role, u.name FROM contract_union cu JOIN trade_union u ON u.id = cu.union_id WHERE cu.contract_id IN (?)');
const byContract = (rows: Array<Record<string, unknown> & { contract_id: number }>) => {
  const map = new Map<number, Array<Record<string, unknown>>>();
  for (const { contract_id, ...rest } of rows) (map.get(contract_id) ?? map.set(contract_id, []).get(contract_id)!).push(rest);
  return map;
};

const ENVELOPE = `WITH env AS (
  SELECT contract_id, MIN(low) AS lo, CASE WHEN COUNT(*) = COUNT(high) THEN MAX(high) END AS hi
  FROM quantity WHERE measure = 'JOBS_AFFECTED' AND archived_at IS NULL AND contract_id IS NOT NULL GROUP BY contract_id)`;
const bySupplier = db.prepare(`${ENVELOPE}
  SELECT s.name, COUNT(*) AS n, COALESCE(SUM(env.lo), 0) AS low,
    CASE WHEN COUNT(env.contract_id) = COUNT(env.hi) THEN COALESCE(SUM(env.hi), 0) END AS high, COUNT(env.contract_id) AS based_on
  FROM contract_supplier cs JOIN supplier s ON s.id = cs.supplier_id LEFT JOIN env ON env.contract_id = cs.contract_id
  GROUP BY cs.supplier_id, s.name ORDER BY s.name`);
const byYear = db.prepare(`${ENVELOPE}
  SELECT y.year, COUNT(*) AS n, COALESCE(SUM(env.lo), 0) AS low,
    CASE WHEN COUNT(env.contract_id) = COUNT(env.hi) THEN COALESCE(SUM(env.hi), 0) END AS high, COUNT(env.contract_id) AS based_on
  FROM (SELECT c.id, COALESCE(c.start_date_year, (SELECT MIN(e.date_year) FROM event e WHERE e.contract_id = c.id)) AS year FROM contract c) y
  LEFT JOIN env ON env.contract_id = y.id GROUP BY y.year ORDER BY y.year`);
// Ranked like ours (exact, prefix, word start, anywhere), so it must look at every match before the first 20.
const search = db.prepare(`SELECT field, text FROM search_entry WHERE folded LIKE '%council%'
  ORDER BY CASE WHEN folded = 'council' THEN 0 WHEN folded LIKE 'council%' THEN 1 WHEN folded LIKE '% council%' THEN 2 ELSE 3 END, id LIMIT 20`);
const oneContract = db.prepare('SELECT id, title, status FROM contract WHERE slug = ?');
const figures = db.prepare('SELECT measure, low, high FROM quantity WHERE contract_id = ? AND archived_at IS NULL');
const buyersOf = db.prepare('SELECT b.name FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE cb.contract_id = ?');
const csvRows = db.prepare(`SELECT c.slug, c.title, c.status FROM contract c JOIN contract_buyer cb ON cb.contract_id = c.id
  JOIN public_body b ON b.id = cb.public_body_id WHERE b.slug = 'body-7' ORDER BY lower(c.title), c.id`);

const csvField = (v: unknown) => {
  const text = v == null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const routes: Record<string, () => [string, string]> = {
  '/contracts-page': () => {
    const rows = page.all() as Array<{ id: number; title: string; status: string }>;
    const ids = rows.map((r) => r.id);
    const [b, s, o, u] = [byContract(buyers(ids)), byContract(suppliers(ids)), byContract(offshoring(ids)), byContract(unions(ids))];
    const edges = rows.map((r) => ({ node: {
      id: r.id, title: r.title, status: r.status,
      buyers: b.get(r.id) ?? [],
      suppliers: (s.get(r.id) ?? []).map((x) => ({ role: x.role, supplier: { name: x.name } })),
      offshoring: (o.get(r.id) ?? []).map((x) => ({ status: x.status, location: { name: x.name } })),
      unions: (u.get(r.id) ?? []).map((x) => ({ role: x.role, union: { name: x.name } })),
    } }));
    return ['application/json', JSON.stringify({ data: { contracts: { edges } } })];
  },
  '/impact-supplier': () => ['application/json', JSON.stringify({ data: { impact: (bySupplier.all() as Array<Record<string, number | string | null>>).map((g) => ({
    key: { supplier: { name: g.name } }, contractCount: g.n, jobsAffected: { low: g.low, high: g.high, basedOn: g.based_on } })) } })],
  '/impact-year': () => ['application/json', JSON.stringify({ data: { impact: (byYear.all() as Array<Record<string, number | null>>).map((g) => ({
    key: { year: g.year }, contractCount: g.n, jobsAffected: { low: g.low, high: g.high, basedOn: g.based_on } })) } })],
  '/search': () => ['application/json', JSON.stringify({ data: { search: search.all() } })],
  '/contract-by-slug': () => {
    const c = oneContract.get('contract-42') as { id: number; title: string; status: string };
    return ['application/json', JSON.stringify({ data: { contract: { title: c.title, status: c.status, figures: figures.all(c.id), buyers: buyersOf.all(c.id) } } })];
  },
  '/contracts-csv': () => {
    const rows = csvRows.all() as Array<Record<string, unknown>>;
    return ['text/csv', ['slug,title,status', ...rows.map((r) => [r.slug, r.title, r.status].map(csvField).join(','))].join('\r\n') + '\r\n'];
  },
};

const server = http.createServer((req, res) => {
  const route = routes[req.url ?? ''];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const [type, body] = route();
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
});
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
