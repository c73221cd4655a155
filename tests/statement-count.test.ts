import { SubjectType } from '../src/schema/enums';
import { indexSubject } from '../src/services/search-index';
import { generateContracts } from './support/generate-contracts';
import { startTestServer, type TestServer } from './support/test-server';

// DataLoaders behind every relation: the number of SQL statements a request sends must not depend on how
// many items it returns. Counted for 1 and for 50 items, on a database of 60 fully linked contracts.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await generateContracts(server.dataSource, 60);
});
afterAll(() => server?.stop());

const CONTRACT_PAGE = `query ($n: Int!) {
  contracts(first: $n) {
    totalCount
    edges { node {
      id title services contested
      buyers { name parent { name } contracts(first: 3) { totalCount edges { node { slug } } } }
      suppliers { role supplier { name parent { name } } }
      unions { role union { name membership { low } } }
      offshoring { status location { name } claims { statement union { name } counterclaims { slug } } figures { low } contested }
      figures { low high citations { quote source { title } } }
      claims { stance person { name } citations { quote } }
      events { kind unions { name } citations { quote } }
      citations { quote subject { __typename } }
    } }
  }
}`;

const BODY_PAGE = `query ($n: Int!) {
  publicBodies(first: $n) { edges { node { name contracts(first: 2) { totalCount edges { node { title buyers { name } } } } } } }
}`;

async function statementsFor(query: string, n: number) {
  const {
    result: { body },
    statements,
  } = await server.statements.during(() => server.query(query, { n }));
  expect(body.errors).toBeUndefined();
  return { count: statements, data: body.data };
}

test.each([
  ['a page of contracts with every relation', CONTRACT_PAGE, 'contracts'],
  ['a page of public bodies with nested contract pages', BODY_PAGE, 'publicBodies'],
])('%s costs the same number of statements for 1 item and for 50', async (_, query, field) => {
  const one = await statementsFor(query, 1);
  const fifty = await statementsFor(query, 50);
  expect(one.data[field].edges).toHaveLength(1);
  expect(fifty.data[field].edges).toHaveLength(50);
  expect(fifty.count).toBe(one.count);
  // A bound, so that a constant-but-wasteful plan also fails: one statement per relation level, about.
  expect(fifty.count).toBeLessThanOrEqual(30);
});

test('the nested data is really there (the count is not low because fields came back empty)', async () => {
  const { data } = await statementsFor(CONTRACT_PAGE, 50);
  for (const { node } of data.contracts.edges) {
    expect(node.buyers).toHaveLength(2);
    expect(node.buyers[0].contracts.totalCount).toBe(1);
    expect(node.suppliers[0].supplier.name).toMatch(/^Supplier /);
    expect(node.offshoring[0].claims[0].union.name).toMatch(/^Union /);
    expect(node.figures[0].citations[0].source.title).toBe('Generated');
    expect(node.events[0].unions).toHaveLength(1);
    expect(node.citations.length).toBe(3);
  }
});

// A roll-up's key objects are loaded for all its groups at once, wherever the query selects them: through an
// inline fragment, a named fragment, an alias. Every group gets its own record.
test.each([
  ['directly', '{ impact(groupBy: [SUPPLIER, PUBLIC_BODY], first: $n) { key { supplier { name } publicBody { name } } } }', ''],
  [
    'through fragments and aliases',
    '{ impact(groupBy: [SUPPLIER, PUBLIC_BODY], first: $n) { ... on ImpactGroup { key { ...k } } } }',
    'fragment k on ImpactKey { supplier { name } buyer: publicBody { name } }',
  ],
])("a roll-up's key objects, asked %s, cost the same statements for 1 group and for 50", async (_, selection, fragment) => {
  const query = `query ($n: Int!) ${selection} ${fragment}`;
  await statementsFor(query, 2); // the first roll-up on this data also counts its groups' sizes, once
  const one = await statementsFor(query, 1);
  const fifty = await statementsFor(query, 50);
  expect(fifty.data.impact).toHaveLength(50);
  expect(fifty.count).toBe(one.count);
  for (const { key } of fifty.data.impact) {
    expect(key.supplier.name).toMatch(/^Supplier \d+$/);
    expect(key.publicBody?.name ?? key.buyer?.name).toMatch(/^Body \d+ [AB]$/);
  }
});

test('a search is one statement on PostgreSQL whatever tier finds it, and reads records only when the operation asks for them', async () => {
  const ids: Array<{ id: number }> = await server.dataSource.query('SELECT id FROM supplier ORDER BY id LIMIT 3');
  // The first by its start (the prefix tier); the others only by a word inside theirs (a later tier).
  const texts = ['Quillfeather Holdings', 'North Quillfeathery Ltd', 'The Quillfeatherish Group'];
  for (const [i, { id }] of ids.entries())
    await indexSubject(server.dataSource.manager, SubjectType.SUPPLIER, Number(id), [{ field: 'name', text: texts[i] }], true);
  const statementsOf = async (query: string) => {
    const { result } = await server.statements.during(() => server.query(query));
    expect(result.body.errors).toBeUndefined();
    return { data: result.body.data, statements: server.statements.statements };
  };
  const bare = await statementsOf('{ search(text: "quillfeather", first: 5) { field text } }');
  expect(bare.data.search.map((hit: { text: string }) => hit.text)).toEqual(texts);
  expect(bare.statements.filter((statement) => statement.includes('search_entry'))).toHaveLength(
    // SQLite: a statement a tier, walked and then by index, as three hits never fill a page of five.
    server.database.kind === 'postgres' ? 1 : 7,
  );
  expect(bare.statements.filter((statement) => /\bFROM "?supplier"?\b/.test(statement))).toHaveLength(0);
  const withNodes = await statementsOf('{ search(text: "quillfeather", first: 5) { node { ... on Supplier { id name } } } }');
  expect(withNodes.data.search).toHaveLength(3);
  expect(withNodes.statements.filter((statement) => /\bFROM "?supplier"?\b/.test(statement))).toHaveLength(1);
});

test('a search found by its first tier is one statement: the hits come with their entries', async () => {
  const [{ id }] = await server.dataSource.query('SELECT MIN(id) AS id FROM supplier');
  await indexSubject(server.dataSource.manager, SubjectType.SUPPLIER, Number(id), [{ field: 'name', text: 'Quillfeather Holdings' }], true);
  const { result } = await server.statements.during(() =>
    server.query('{ search(text: "Quillfeather Holdings", first: 1) { field text } }'),
  );
  expect(result.body.data.search).toEqual([{ field: 'name', text: 'Quillfeather Holdings' }]);
  const searches = server.statements.statements.filter((statement) => statement.includes('search_entry'));
  expect(searches).toHaveLength(1);
});
