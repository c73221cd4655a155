import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EXAMPLES } from '../src/playground/examples';
import { startTestServer, type TestServer } from './support/test-server';

// The playground page over HTTP, and its worked examples against the seed data. The browser test
// (playground.browser.test.ts) checks that the page itself works with no network.
let server: TestServer;
let base: string;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
beforeAll(async () => {
  server = await startTestServer();
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server?.stop());

test('a browser opening /graphql gets the playground, self-contained and locked to this origin by CSP', async () => {
  const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT, 'accept-encoding': 'identity' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = response.headers.get('content-security-policy')!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:/);
  const html = await response.text();
  expect(html).toContain('<title>Outsourcing Atlas</title>');
  // Nothing is loaded by address: no external script, stylesheet, font or icon.
  expect(html).not.toMatch(/<script[^>]+src=/i);
  expect(html).not.toMatch(/<link[^>]+href="(?!data:)/i);
  expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
  for (const example of EXAMPLES) expect(html).toContain(JSON.stringify(example.query).slice(1, 60));
});

test('the page is sent gzipped when accepted, and revalidates with its ETag', async () => {
  const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
  expect(response.headers.get('content-encoding')).toBe('gzip');
  const etag = response.headers.get('etag')!;
  const raw = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT, 'accept-encoding': 'identity' } });
  expect(Number(raw.headers.get('content-length'))).toBeGreaterThan(1_000_000);
  // Bodies left unread keep their responses in flight, and the server's stop waits for them to the last byte.
  await Promise.all([response.body?.cancel(), raw.body?.cancel()]);
  const again = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT, 'if-none-match': etag, 'cache-control': 'max-age=0' } });
  expect(again.status).toBe(304);
  // fetch decodes gzip itself; check the bytes really are the page compressed.
  const http = await import('node:http');
  const body = await new Promise<Buffer>((resolve, reject) => {
    http.get(server.url, { headers: { accept: BROWSER_ACCEPT, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c) => chunks.push(c))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject);
    });
  });
  expect(gunzipSync(body).toString()).toContain('<title>Outsourcing Atlas</title>');
});

test('/ sends a browser to the playground', async () => {
  const response = await fetch(`${base}/`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/graphql');
});

test('scripts still get the API at /graphql: a GET with a query, or without text/html, is not the page', async () => {
  const withQuery = await fetch(`${server.url}?query=${encodeURIComponent('{ unions { totalCount } }')}`, {
    headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': '1' },
  });
  expect(withQuery.headers.get('content-type')).toMatch(/json/);
  expect(((await withQuery.json()) as any).data.unions.totalCount).toBe(4);
  const script = await fetch(server.url, { headers: { accept: '*/*', 'apollo-require-preflight': '1' } });
  expect(script.headers.get('content-type')).not.toMatch(/html/);
  expect(script.status).toBe(400);
});

describe('the worked examples answer the seed data', () => {
  const run = async (index: number) => server.data(EXAMPLES[index].query);

  test('one per research question the README lists, each a named query', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    for (const e of EXAMPLES) expect([e.question, readme.includes(e.question)]).toEqual([e.question, true]);
    expect(EXAMPLES.length).toBe(5);
    for (const e of EXAMPLES) expect(e.query).toMatch(/^# [^?]+\?[\s\S]*\n(?!#)query \w+ \{/);
  });

  test('contracts of a body', async () => {
    const data = await run(0);
    expect(data.publicBody.name).toBe('Department for Work and Pensions');
    expect(data.publicBody.contracts.totalCount).toBeGreaterThan(0);
  });

  test("a supplier's offshoring exposure", async () => {
    const data = await run(1);
    expect(data.supplier.impact.jobsOffshored.atRisk).toEqual({ low: 200, high: 999, basedOn: 1 });
    expect(data.supplier.impact.offshoringClaims.map((c: any) => c.stance).sort()).toEqual(['ASSERTS', 'DENIES']);
  });

  test('roll-ups by union', async () => {
    const data = await run(2);
    expect(data.impact[0].key.union.name).toBe('Public and Commercial Services Union');
    expect(data.impact[0].membersRepresented).toEqual({ low: 84_000, high: 84_000, basedOn: 1 });
  });

  test('contested claims with their quotes', async () => {
    const data = await run(3);
    expect(data.claims.totalCount).toBeGreaterThan(0);
    for (const { node } of data.claims.edges) {
      expect(node.counterclaims.length).toBeGreaterThan(0);
      expect(node.citations.length).toBeGreaterThan(0);
    }
  });

  test('search', async () => {
    const data = await run(4);
    expect(data.search.some((hit: any) => hit.node.__typename === 'Supplier' && hit.node.slug === 'arvato')).toBe(true);
  });
});
