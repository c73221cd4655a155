import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const firstError = async (query: string) => {
  const { body } = await server.query(query);
  expect(body.errors).toBeDefined();
  return body.errors![0];
};

test.each([
  ['{ contracts(first: -1) { totalCount } }', 'first'],
  ['{ contracts(first: 101) { totalCount } }', 'first'],
  ['{ claims(last: -5) { totalCount } }', 'last'],
  ['{ contracts(first: 2, last: 2) { totalCount } }', 'last'],
  ['{ contracts(after: "not-a-cursor") { totalCount } }', 'after'],
  ['{ events(before: "WyJ4Il0") { totalCount } }', 'before'],
  ['{ union(slug: "pcs") { contracts(first: -1) { totalCount } } }', 'first'],
  ['{ union(slug: "pcs") { contracts(after: "bogus") { totalCount } } }', 'after'],
  ['{ node(id: "bm9wZTox") { id } }', 'id'],
  ['{ search(text: "!!!") { text } }', 'text'],
  ['{ search(text: "x", first: 0) { text } }', 'first'],
  ['{ contracts(filter: { search: "" }) { totalCount } }', 'search'],
  ['{ offshoreLocation(slug: "in\\u0000dia") { name } }', 'slug'],
  ['{ contracts(filter: { buyers: ["dwp", "x\\u0000"] }) { totalCount } }', 'filter.buyers[1]'],
])('%s is BAD_USER_INPUT naming `%s`', async (query, field) => {
  const error = await firstError(query);
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toContain(field);
  expect(error.extensions?.field).toEqual(expect.stringContaining(field));
});

test('an unknown enum value is rejected before execution, naming the value and the type', async () => {
  const { status, body } = await server.query('{ contracts(filter: { statuses: [SIGNED] }) { totalCount } }');
  expect(status).toBe(400);
  expect(body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors![0].message).toMatch(/SIGNED.*ContractStatus/);
});

test.each([
  ['contract', 'no-such-contract'],
  ['publicBody', 'atlantis-council'],
  ['supplier', 'acme'],
  ['union', 'nope'],
  ['offshoreLocation', 'mars'],
  ['source', 'missing'],
])('%s(slug: "%s") is NOT_FOUND naming the slug, with data null', async (field, slug) => {
  const { status, body } = await server.query(`{ ${field}(slug: "${slug}") { id } }`);
  expect(status).toBe(200);
  expect(body.data).toEqual({ [field]: null });
  expect(body.errors![0].extensions?.code).toBe('NOT_FOUND');
  expect(body.errors![0].message).toContain(slug);
});

test('a well-formed id of a missing record is null, not an error', async () => {
  const id = Buffer.from('Contract:99999').toString('base64');
  const { body } = await server.query(`{ node(id: "${id}") { id } }`);
  expect(body.data).toEqual({ node: null });
  expect(body.errors).toBeUndefined();
});

test('a page over the limit is BAD_USER_INPUT naming the argument however much it would cost, literal or variable, root or nested', async () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['{ contracts(first: 100000) { edges { node { title buyers { name } } } } }', {}, 'first'],
    ['query ($n: Int) { events(last: $n) { totalCount } }', { n: 5_000_000 }, 'last'],
    ['{ union(slug: "pcs") { contracts(first: 100000) { totalCount } } }', {}, 'first'],
  ];
  for (const [query, variables, field] of cases) {
    const { status, body } = await server.query(query, variables);
    expect([query, status, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.field]).toEqual([
      query,
      400,
      'BAD_USER_INPUT',
      field,
    ]);
    expect(body.errors![0].message).toMatch(new RegExp(`^${field}: must be between 0 and 100`));
  }
});

test('filter lists: one list variable in four filters is bound once per value; past MAX_FILTER_VALUES it is BAD_USER_INPUT naming the field', async () => {
  const q = 'query ($s: [String!]) { contracts(filter: { buyers: $s, suppliers: $s, unions: $s, offshoreLocations: $s }) { totalCount } }';
  // Many repeats of few values: deduplicated, so no database's parameter limit is reached.
  const repeated = await server.query(q, { s: Array.from({ length: 1000 }, (_, i) => ['dwp', 'xansa', 'pcs', 'india'][i % 4]) });
  expect([repeated.status, repeated.body.errors]).toEqual([200, undefined]);
  const tooMany = await server.query(q, { s: Array.from({ length: 1001 }, (_, i) => `s${i}`) });
  expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'buyers' });
  expect(tooMany.body.errors![0].message).toMatch(/buyers: .*1000/);
});

test("filter.search follows search(text:)'s rule: text with no letter or digit is refused, not a match-everything", async () => {
  for (const text of ['%', '!!!', '_ _']) {
    const { body } = await server.query('query ($t: String) { contracts(filter: { search: $t }) { totalCount } }', { t: text });
    expect([text, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.field]).toEqual([text, 'BAD_USER_INPUT', 'search']);
  }
});

test('client mistakes answer 4xx with a code, never 500: nested variables, prototype-named CSV parameters, an unknown persisted query', async () => {
  const deep = '['.repeat(3000) + '"x"' + ']'.repeat(3000);
  const deepGet = '['.repeat(200) + ']'.repeat(200); // a URL has room for less
  const post = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"query":"query($f: ContractFilter) { contracts(filter: $f) { totalCount } }","variables":{"f":{"search":${deep}}}}`,
  });
  expect([post.status, ((await post.json()) as any).errors[0].extensions]).toEqual([
    400,
    { code: 'BAD_USER_INPUT', field: 'variables', limit: 32 },
  ]);
  const get = await fetch(
    `${server.url}?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"a":${deepGet}}`)}`,
    { headers: { 'apollo-require-preflight': '1' } },
  );
  expect(get.status).toBe(400);
  // Nesting an input type really has is fine.
  const fine = await server.query('query($f: ContractFilter) { contracts(filter: $f) { totalCount } }', {
    f: { statuses: ['TRANSFERRED'] },
  });
  expect(fine.status).toBe(200);

  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const r = await fetch(server.url.replace('/graphql', `/export/contracts.csv?${name}=1`));
    const body = (await r.json()) as any;
    expect([name, r.status, body.errors[0].extensions.code, body.errors[0].message]).toEqual([
      name,
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('unknown parameter'),
    ]);
  }

  const pq = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
  });
  expect(((await pq.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});

test('a cursor is refused by any list or order but its own, even one of the same shape', async () => {
  const suppliers = await server.data('{ suppliers(first: 1) { pageInfo { endCursor } } }');
  const cursor = suppliers.suppliers.pageInfo.endCursor;
  expect((await server.query(`{ suppliers(first: 1, after: "${cursor}") { totalCount } }`)).body.errors).toBeUndefined();
  for (const q of [
    `{ publicBodies(first: 1, after: "${cursor}") { totalCount } }`,
    `{ unions(first: 1, after: "${cursor}") { totalCount } }`,
    `{ suppliers(first: 1, after: "${cursor}", orderBy: { field: NAME, direction: DESC }) { totalCount } }`,
    `{ union(slug: "pcs") { contracts(first: 1, after: "${cursor}") { totalCount } } }`,
  ]) {
    const error = (await server.query(q)).body.errors?.[0];
    expect([q, error?.extensions?.code, error?.message]).toEqual([
      q,
      'BAD_USER_INPUT',
      expect.stringMatching(/^after: is a cursor from another list or order/),
    ]);
  }
});
