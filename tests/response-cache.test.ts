import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// A query answered before on the same data is answered from memory. What must hold: a repeat costs one
// small statement and answers the same; any write, through the API or straight into the database, is seen
// at once; answers for a key, mutations and errors are never kept; the cost is charged on every answer.
let server: TestServer;
let keys: TestKeys;
beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
});
afterAll(() => server?.stop());

const PAGE = '{ contracts(first: 5) { totalCount edges { node { title buyers { name } figures { low high } } } } }';

async function counted(query: string, variables?: Record<string, unknown>, key?: string) {
  const { result, statements } = await server.statements.during(() => server.query(query, variables, key));
  return { ...result, statements };
}

test('a repeated query answers the same from one statement, with its cost', async () => {
  const first = await counted(PAGE);
  const again = await counted(PAGE);
  expect(first.body.errors).toBeUndefined();
  expect(again.body.data).toEqual(first.body.data);
  expect(first.statements).toBeGreaterThan(3);
  expect(again.statements).toBe(1);
  // Charged again: the budget falls by the same cost.
  const [a, b] = [first.body.extensions?.cost, again.body.extensions?.cost];
  expect(b.requestedQueryCost).toBe(a.requestedQueryCost);
  expect(a.throttleStatus.currentlyAvailable - b.throttleStatus.currentlyAvailable).toBe(a.requestedQueryCost);
});

test('an answer from memory has the bytes, and over GET the ETag, of the first', async () => {
  const query = PAGE.replace('first: 5', 'first: 4');
  const read = async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1' } });
    return { etag: response.headers.get('etag'), body: await response.text() };
  };
  const first = await server.statements.during(read);
  const again = await server.statements.during(read);
  expect(first.statements).toBeGreaterThan(1);
  expect(again.statements).toBe(1);
  expect(again.result.body).toBe(first.result.body);
  expect(again.result.etag).toBe(first.result.etag);
  expect(JSON.parse(first.result.body).data.contracts.edges.length).toBeGreaterThan(0);
});

test('a batch answers a kept query from memory beside one that executes', async () => {
  await server.data(PAGE);
  const post = (body: unknown) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const alone = (await (await post({ query: PAGE })).json()) as { data: any };
  const response = await post([{ query: PAGE }, { query: '{ sources(first: 1) { totalCount } }' }]);
  const [kept, other] = (await response.json()) as Array<{ data: any; errors?: unknown }>;
  expect(kept.data).toEqual(alone.data);
  expect(kept.data.contracts.edges.length).toBeGreaterThan(0);
  expect(other.errors).toBeUndefined();
  expect(other.data.sources.totalCount).toBeGreaterThan(0);
});

test('the CSV export reads a kept answer as data', async () => {
  const csv = async () => (await fetch(`${server.url.replace(/\/graphql$/, '')}/export/contracts.csv`)).text();
  const first = await server.statements.during(csv);
  const again = await server.statements.during(csv);
  expect(again.result).toBe(first.result);
  expect(first.result.split('\n').length).toBeGreaterThan(2);
  expect(again.statements).toBeLessThan(first.statements);
});

test('variables and operation names are part of the key', async () => {
  const query = 'query Page($n: Int!) { contracts(first: $n) { edges { node { slug } } } }';
  const two = await counted(query, { n: 2 });
  const three = await counted(query, { n: 3 });
  expect(two.body.data.contracts.edges).toHaveLength(2);
  expect(three.body.data.contracts.edges).toHaveLength(3);
});

test('a write straight into the database, past the API, is seen by the next answer', async () => {
  const query = '{ contracts(first: 1) { edges { node { id title } } } }';
  const before = (await server.data(query)).contracts.edges[0].node;
  await server.dataSource.query("UPDATE contract SET title = title || ' (renamed)' WHERE id = (SELECT MIN(id) FROM contract)");
  const after = await counted(query);
  expect(after.statements).toBeGreaterThan(1);
  const renamed = await server.data(`{ node(id: "${before.id}") { ... on Contract { title } } }`);
  expect(renamed.node.title).toBe(`${before.title} (renamed)`);
});

test('a change through the API is seen by the next answer', async () => {
  const query = '{ publicBodies(first: 100) { totalCount } }';
  const before = (await server.data(query)).publicBodies.totalCount;
  await server.data(
    'mutation { createPublicBody(input: { name: "Cache Test Council", kind: LOCAL_AUTHORITY, sector: LOCAL_GOVERNMENT }) { id } }',
    {},
    keys.editor,
  );
  expect((await server.data(query)).publicBodies.totalCount).toBe(before + 1);
});

test('an answer for a key is never kept', async () => {
  const query = '{ apiKeys { name } }';
  const first = await counted(query, undefined, keys.admin);
  const again = await counted(query, undefined, keys.admin);
  expect(again.body.data).toEqual(first.body.data);
  expect(again.statements).toBe(first.statements);
  expect(again.statements).toBeGreaterThan(1);
});

test('an answer with errors is never kept', async () => {
  // The error is in a nullable field, so the answer waits for the other field's statement every time.
  const query = '{ contract(slug: "no-such-contract") { title } n: node(id: "bm9wZTox") { id } }';
  const first = await counted(query);
  const again = await counted(query);
  expect(first.body.errors?.length).toBeGreaterThan(0);
  expect(again.statements).toBe(first.statements);
});

test('with RESPONSE_CACHE_MB=0 every query executes', async () => {
  const uncached = await startTestServer({ env: { RESPONSE_CACHE_MB: '0' } });
  try {
    const first = await uncached.statements.during(() => uncached.data(PAGE));
    const again = await uncached.statements.during(() => uncached.data(PAGE));
    expect(first.statements).toBeGreaterThan(1);
    expect(again.statements).toBe(first.statements);
  } finally {
    await uncached.stop();
  }
});

test('every table the API answers from moves the data version on when written', async () => {
  const ds = server.dataSource;
  const postgres = ds.options.type === 'postgres';
  const tables: Array<{ name: string }> = await ds.query(
    postgres
      ? // Tables, not their partitions (rollup_pair's kinds are parts of it).
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const triggered: Array<{ name: string }> = await ds.query(
    postgres
      ? "SELECT DISTINCT event_object_table AS name FROM information_schema.triggers WHERE action_statement LIKE '%bump_data_version%'"
      : "SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%data_version%'",
  );
  // Keys and the audit log are shown only to a key, and such answers are never kept.
  // contract_measure, the roll-up summaries' and pairs' tables, and SQLite's search_trigram FTS5 table with
  // its shadow tables, are written only by triggers and flushes after writes to tables that move the version
  // themselves (rollup_pair_kind only by its migration).
  const exempt = [
    'api_key',
    'audit_entry',
    'migrations',
    'data_version',
    'contract_measure',
    'contract_group',
    'rollup_contract',
    'rollup_summary',
    'rollup_dirty',
    'rollup_flag',
    'rollup_pair',
    'rollup_pair_kind',
  ];
  const keptByTriggers = (name: string) => exempt.includes(name) || name.startsWith('search_trigram');
  const missing = tables.map((t) => t.name).filter((name) => !keptByTriggers(name) && !triggered.some((t) => t.name === name));
  expect(missing).toEqual([]);
  expect(triggered.length).toBeGreaterThan(20);
});
