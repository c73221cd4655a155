import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

test.each([
  ['publicBody', 'cambridgeshire-county-council', 'name', 'Cambridgeshire County Council'],
  ['contract', 'moj-it-platform-steria', 'status', 'FAILED'],
  ['supplier', 'arvato', 'name', 'Arvato'],
  ['offshoreLocation', 'india', 'countryCode', 'IN'],
  ['union', 'gmb', 'acronym', 'GMB'],
  ['source', 'unison-2006-motion-shared-service-centres', 'fileName', '002_556f171d84c06865.txt'],
])('%s(slug: "%s")', async (field, slug, key, value) => {
  const data = await server.data(`{ ${field}(slug: "${slug}") { id slug ${key} } }`);
  expect(data[field]).toMatchObject({ slug, [key]: value });
  const again = await server.data(`query ($id: ID!) { node(id: $id) { id ... on ${field[0].toUpperCase()}${field.slice(1)} { slug } } }`, {
    id: data[field].id,
  });
  expect(again.node).toEqual({ id: data[field].id, slug });
});

test('node() finds every kind of record by the id it was given', async () => {
  const data = await server.data(`{
    claims(first: 1) { edges { node { id } } }
    events(first: 1) { edges { node { id } } }
    people(first: 1) { edges { node { id roles { id } citations { id } } } }
    contract(slug: "dwp-offshoring-call-centres") { offshoring { id } figures { id } }
  }`);
  const ids = [
    data.claims.edges[0].node.id,
    data.events.edges[0].node.id,
    data.people.edges[0].node.id,
    data.people.edges[0].node.roles[0].id,
    data.people.edges[0].node.citations[0].id,
    data.contract.offshoring[0].id,
    data.contract.figures[0].id,
  ];
  for (const id of ids) {
    const { node } = await server.data(`query ($id: ID!) { node(id: $id) { id __typename } }`, { id });
    expect(node.id).toBe(id);
  }
});

test('relations are navigable both ways', async () => {
  const data = await server.data(`{
    publicBody(slug: "defra") { contracts { totalCount edges { node { slug buyers { slug } } } } parent { slug } }
    supplier(slug: "steria-sscl") { parent { slug homeCountry } contracts { totalCount edges { node { slug } } } }
    union(slug: "pcs") { contracts(first: 2) { totalCount pageInfo { hasNextPage } } events { slug } people { title person { slug } } }
    offshoreLocation(slug: "india") { contracts { totalCount } offshoring { status contract { slug } } }
    gov: publicBody(slug: "uk-government") { children { slug } }
  }`);
  expect(data.publicBody.contracts.totalCount).toBe(1);
  expect(data.publicBody.contracts.edges[0].node.buyers.map((b: any) => b.slug).sort()).toEqual(['defra', 'dwp']);
  expect(data.publicBody.parent).toEqual({ slug: 'uk-government' });
  expect(data.supplier.parent).toEqual({ slug: 'steria', homeCountry: 'FR' });
  expect(data.supplier.contracts.totalCount).toBe(2);
  expect(data.union.contracts.totalCount).toBeGreaterThan(2);
  expect(data.union.contracts.pageInfo.hasNextPage).toBe(true);
  expect(data.union.people).toEqual([expect.objectContaining({ person: { slug: 'mark-serwotka' } })]);
  expect(data.offshoreLocation.contracts.totalCount).toBe(3);
  expect(data.offshoreLocation.offshoring.map((o: any) => o.status).sort()).toEqual(['ALLEGED', 'DENIED', 'PLANNED', 'PLANNED']);
  expect(data.gov.children).toHaveLength(6);
});

test('a nested contracts page continues from its cursor without gaps or repeats', async () => {
  const query = `query ($after: String) { union(slug: "pcs") { contracts(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } } }`;
  const seen: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let guard = 0; guard < 20; guard += 1) {
    const { union }: { union: any } = await server.data(query, { after });
    total = union.contracts.totalCount;
    seen.push(...union.contracts.edges.map((e: any) => e.node.slug));
    if (!union.contracts.pageInfo.hasNextPage) break;
    after = union.contracts.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
});

test('search finds misspelt aliases, ignores case and accents, and ranks exact names first', async () => {
  const hits = async (text: string) =>
    (
      await server.data(
        `query ($text: String!) { search(text: $text) { field text node { __typename ... on Supplier { slug } ... on Union { slug } ... on PublicBody { slug } ... on Citation { quote source { fileName } } } } }`,
        { text },
      )
    ).search;

  expect((await hits('Avarto'))[0]).toEqual({ field: 'alias', text: 'Avarto', node: { __typename: 'Supplier', slug: 'arvato' } });
  expect((await hits('general municipal BOILERMAKERS'))[0].node).toEqual({ __typename: 'Union', slug: 'gmb' });
  expect((await hits('Ünïsón'))[0].node).toEqual({ __typename: 'Union', slug: 'unison' });
  expect((await hits('DWP'))[0].node).toEqual({ __typename: 'PublicBody', slug: 'dwp' });

  const quote = (await hits('flying a kite')).find((h: any) => h.node.__typename === 'Citation');
  expect(quote.node.source.fileName).toBe('003_a1ab661db5b25801.txt');
  expect(await hits('no such thing anywhere')).toEqual([]);
});

test.each([
  'SOURCE',
  'PUBLIC_BODY',
  'SUPPLIER',
  'UNION',
  'OFFSHORE_LOCATION',
  'PERSON',
  'CONTRACT',
  'QUANTITY',
  'CLAIM',
  'EVENT',
  'CITATION',
])('search answers a %s it finds as its record', async (type) => {
  const [entry]: Array<{ text: string; subject_id: number }> = await server.dataSource.query(
    `SELECT text, subject_id FROM search_entry WHERE subject_type = '${type}' ORDER BY id LIMIT 1`,
  );
  const { search } = await server.data('query ($text: String!) { search(text: $text, first: 100) { text node { __typename } } }', {
    text: entry.text,
  });
  const typeName = type === 'UNION' ? 'Union' : type.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  expect(search).toContainEqual({ text: entry.text, node: { __typename: typeName } });
});

test('search returns each record once, and no more than `first`', async () => {
  const { search } = await server.data(`{ search(text: "steria", first: 3) { node { ... on Node { id } } } }`);
  expect(search).toHaveLength(3);
  const { search: all } = await server.data(`{ search(text: "steria", first: 100) { node { ... on Node { id } } } }`);
  const ids = all.map((h: any) => h.node.id);
  expect(new Set(ids).size).toBe(ids.length);
});
