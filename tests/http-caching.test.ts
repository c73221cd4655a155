import { keyedFields } from '../src/http/http-caching';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// Caching of reads over HTTP: Cache-Control decided from the operation's fields, and ETag / 304 on GET.
let server: TestServer;
let keys: TestKeys;
beforeAll(async () => {
  server = await startTestServer({ env: { CACHE_MAX_AGE: '120' } });
  keys = await makeTestKeys(server.dataSource);
});
afterAll(() => server?.stop());

const UNIONS = '{ unions(first: 10) { totalCount edges { node { name } } } }';
// A conditional request says `Cache-Control: max-age=0`, as a browser revalidating does: Node's fetch
// would otherwise add `no-cache`, which asks the server for a full answer.
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1', ...headers } });

test('a public query is cacheable for CACHE_MAX_AGE, with an ETag, varying on Accept', async () => {
  const response = await get(UNIONS);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('max-age=120, public');
  expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
  expect(response.headers.get('vary')).toMatch(/\bAccept\b/);
});

test('GET with the ETag answers 304 and no body until the data changes, then 200 with a new ETag', async () => {
  const first = await get(UNIONS);
  const etag = first.headers.get('etag')!;
  const again = await get(UNIONS, revalidate(etag));
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');

  await server.data(
    'mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }',
    { input: { name: 'Cache Test Union' } },
    keys.editor,
  );
  const changed = await get(UNIONS, revalidate(etag));
  expect(changed.status).toBe(200);
  expect(changed.headers.get('etag')).not.toBe(etag);
  expect(JSON.stringify(await changed.json())).toContain('Cache Test Union');
});

test('a POST is never answered 304, even with a matching ETag', async () => {
  const etag = (await get(UNIONS)).headers.get('etag')!;
  const post = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...revalidate(etag) },
    body: JSON.stringify({ query: UNIONS }),
  });
  expect(post.status).toBe(200);
});

test('a field that needs a key makes the whole answer private and uncacheable', async () => {
  const response = await get(`{ unions(first: 1) { totalCount } apiKeys { name } }`, { authorization: `Bearer ${keys.admin}` });
  expect(response.status).toBe(200);
  expect(((await response.json()) as any).data.apiKeys.length).toBeGreaterThan(0);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('a field that needs a key is found behind an alias and a fragment', async () => {
  const query = `{ ...keys } fragment keys on Query { mine: apiKeys { name } }`;
  const response = await get(query, { authorization: `Bearer ${keys.admin}` });
  expect(((await response.json()) as any).data.mine.length).toBeGreaterThan(0);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('the queries that need a key are marked in the schema, so the cache policy knows them', async () => {
  const keyed = keyedFields(await buildAtlasSchema());
  expect(keyed.filter((f) => f.startsWith('Query.')).sort()).toEqual(['Query.apiKeys', 'Query.auditLog']);
  expect(keyed).toEqual(expect.arrayContaining(['Mutation.createApiKey', 'Mutation.importOcds', 'Mutation.updateContract']));
});

test('mutations and errors are never cacheable', async () => {
  const mutation = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.editor}` },
    body: JSON.stringify({ query: 'mutation { createSupplier(input: { name: "No Store Ltd" }) { id } }' }),
  });
  expect(((await mutation.json()) as any).errors).toBeUndefined();
  expect(mutation.headers.get('cache-control')).toBe('no-store');
  const failing = await get('{ contract(slug: "no-such-contract") { title } }');
  expect(failing.headers.get('cache-control')).toBe('no-store');
});

test('CACHE_MAX_AGE=0 turns caching off', async () => {
  const uncached = await startTestServer({ env: { CACHE_MAX_AGE: '0' } });
  try {
    const response = await fetch(`${uncached.url}?query=${encodeURIComponent(UNIONS)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  } finally {
    await uncached.stop();
  }
});
