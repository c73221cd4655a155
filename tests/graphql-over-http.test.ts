import { serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from './support/test-server';

// The graphql-http package's audits of the GraphQL-over-HTTP specification, against the real server.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

test('the GraphQL-over-HTTP audit: no failures, no warnings, and only the notices CSRF prevention explains', async () => {
  const results: Array<{ name: string; status: string; reason?: string }> = [];
  for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) {
    const result = await audit.fn();
    results.push({ name: audit.name, status: result.status, reason: 'reason' in result ? String(result.reason) : undefined });
  }
  expect(results.filter((r) => r.status === 'error')).toEqual([]);
  expect(results.filter((r) => r.status === 'warn')).toEqual([]);
  // These GETs carry no CSRF preflight header, which Apollo's CSRF prevention requires of GET requests;
  // the README explains why it stays on.
  expect(
    results
      .filter((r) => r.status === 'notice')
      .map((r) => r.name)
      .sort(),
  ).toEqual([
    'MAY accept application/x-www-form-urlencoded formatted GET requests',
    'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
    'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  ]);
  expect(results.filter((r) => r.status === 'ok').length).toBe(58);
});

test('GET runs queries (with a preflight header), never mutations', async () => {
  const get = (query: string) =>
    fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': '1', accept: 'application/graphql-response+json' },
    });
  const read = await get('{ unions(first: 1) { totalCount } }');
  expect(read.status).toBe(200);
  expect(((await read.json()) as any).data.unions.totalCount).toBe(4);
  const write = await get('mutation { createSupplier(input: { name: "Via GET" }) { id } }');
  expect(write.status).toBe(405);
  const noPreflight = await fetch(`${server.url}?query=${encodeURIComponent('{ unions { totalCount } }')}`);
  expect(noPreflight.status).toBe(400);
  expect(await noPreflight.text()).toMatch(/Cross-Site Request Forgery/);
});

test('a request error is 400 for graphql-response+json clients and 200 for legacy application/json ones', async () => {
  const post = (accept: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query: '{ nope }' }),
    });
  const modern = await post('application/graphql-response+json');
  expect(modern.status).toBe(400);
  expect(modern.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
  const legacy = await post('application/json');
  expect(legacy.status).toBe(200);
  expect(((await legacy.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
});
