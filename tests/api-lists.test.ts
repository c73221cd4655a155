import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const LISTS: Array<[string, number]> = [
  ['publicBodies', 11],
  ['contracts', 9],
  ['suppliers', 4],
  ['offshoreLocations', 2],
  ['unions', 4],
  ['sources', 5],
  ['people', 5],
  ['claims', 36],
  ['events', 18],
];

test.each(LISTS)('%s is a Relay connection over every seeded record', async (field, expected) => {
  const data = await server.data(
    `{ ${field}(first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { id } } } }`,
  );
  expect(data[field].totalCount).toBe(expected);
  expect(data[field].edges).toHaveLength(expected);
  expect(data[field].pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
  expect(new Set(data[field].edges.map((e: any) => e.node.id)).size).toBe(expected);
});

async function walk(field: string, size: number, args = '', backward = false): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const page: string = backward
      ? `last: ${size}${cursor ? `, before: "${cursor}"` : ''}`
      : `first: ${size}${cursor ? `, after: "${cursor}"` : ''}`;
    const data = await server.data(`{ ${field}(${page}${args}) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`);
    const { edges, pageInfo } = data[field];
    expect(edges.length).toBeLessThanOrEqual(size);
    const slugs = edges.map((e: any) => e.node.slug);
    if (backward) seen.unshift(...slugs);
    else seen.push(...slugs);
    const more = backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

test.each([1, 2, 4])('paging claims %i at a time, forward and backward, has no gaps or repeats', async (size) => {
  const all = (await server.data(`{ claims(first: 100) { edges { node { slug } } } }`)).claims.edges.map((e: any) => e.node.slug);
  const forward = await walk('claims', size);
  expect(forward).toEqual(all);
  expect(await walk('claims', size, '', true)).toEqual(all);
});

test('pages follow the requested order, and DESC is the exact reverse of ASC', async () => {
  const asc = await walk('contracts', 2, ', orderBy: { field: TITLE, direction: ASC }');
  const desc = await walk('contracts', 3, ', orderBy: { field: TITLE, direction: DESC }');
  expect(desc).toEqual([...asc].reverse());
  const titles = (await server.data(`{ contracts(first: 100) { edges { node { title } } } }`)).contracts.edges.map((e: any) =>
    e.node.title.toLowerCase(),
  );
  expect(titles).toEqual([...titles].sort());
});

test('events sort by date with unknown parts last', async () => {
  const { events } = await server.data(`{ events(first: 100, orderBy: { field: DATE }) { edges { node { slug date { year month } } } } }`);
  const years = events.edges.map((e: any) => e.node.date?.year ?? Infinity);
  expect(years).toEqual([...years].sort((a: number, b: number) => a - b));
  expect(events.edges[0].node.slug).toBe('unison-motion-carried-2006');
  expect(await walk('events', 5, ', orderBy: { field: DATE }')).toEqual(events.edges.map((e: any) => e.node.slug));
});

const contractSlugs = async (filter: string) =>
  (await server.data(`{ contracts(first: 100, filter: ${filter}) { totalCount edges { node { slug } } } }`)).contracts;

test.each([
  ['{ statuses: [TRANSFERRED] }', ['dft-shared-services-arvato', 'dwp-defra-shared-services-steria-sscl']],
  ['{ buyers: ["defra"] }', ['dwp-defra-shared-services-steria-sscl']],
  ['{ suppliers: ["steria-sscl"] }', ['dwp-defra-shared-services-steria-sscl', 'moj-shared-services-steria-sscl']],
  ['{ offshoreLocations: ["eastern-europe"] }', ['dwp-offshoring-call-centres']],
  ['{ offshoringStatuses: [DENIED] }', ['cambridgeshire-back-office-xansa']],
  ['{ offshoreLocations: ["india"], offshoringStatuses: [ALLEGED] }', ['cambridgeshire-back-office-xansa']],
  ['{ sectors: [LOCAL_GOVERNMENT] }', ['cambridgeshire-back-office-xansa', 'london-housing-benefit-processing']],
  ['{ services: [BENEFIT_PROCESSING] }', ['london-housing-benefit-processing']],
  ['{ unions: ["gmb"] }', ['cambridgeshire-back-office-xansa']],
  ['{ search: "xansa" }', ['cambridgeshire-back-office-xansa']],
  ['{ statuses: [] }', []],
])('contracts(filter: %s)', async (filter, expected) => {
  const result = await contractSlugs(filter);
  expect(result.edges.map((e: any) => e.node.slug).sort()).toEqual([...expected].sort());
  expect(result.totalCount).toBe(expected.length);
});

test('filters on the other lists', async () => {
  const data = await server.data(`{
    local: publicBodies(filter: { sectors: [LOCAL_GOVERNMENT] }) { edges { node { slug } } }
    departments: publicBodies(filter: { kinds: [CENTRAL_GOVERNMENT_DEPARTMENT], parent: "uk-government" }) { totalCount }
    french: suppliers(filter: { homeCountries: ["FR"] }) { edges { node { slug subsidiaries { slug } } } }
    regions: offshoreLocations(filter: { kinds: [REGION] }) { edges { node { slug } } }
    motions: sources(filter: { kinds: [UNION_MOTION] }) { edges { node { fileName date { iso } } } }
    strikes: events(filter: { kinds: [STRIKE], union: "pcs" }) { edges { node { slug } } }
    year: events(filter: { year: 2013 }) { totalCount }
    denials: claims(filter: { stances: [DENIES], contract: "cambridgeshire-back-office-xansa" }) { edges { node { slug } } }
    serwotka: claims(filter: { person: "mark-serwotka" }) { totalCount }
    people(filter: { search: "hendrick" }) { edges { node { slug roles { title union { slug } } } } }
  }`);
  expect(data.local.edges.map((e: any) => e.node.slug).sort()).toEqual(['cambridgeshire-county-council', 'london-local-authorities']);
  expect(data.departments.totalCount).toBe(6);
  expect(data.french.edges).toEqual([{ node: { slug: 'steria', subsidiaries: [{ slug: 'steria-sscl' }] } }]);
  expect(data.regions.edges).toEqual([{ node: { slug: 'eastern-europe' } }]);
  expect(data.motions.edges).toEqual([{ node: { fileName: '002_556f171d84c06865.txt', date: { iso: '2006-02-24' } } }]);
  expect(data.strikes.edges).toEqual([{ node: { slug: 'dft-strike-action' } }]);
  expect(data.year.totalCount).toBe(2);
  expect(data.denials.edges.map((e: any) => e.node.slug)).toContain('cambridgeshire-council-denies-offshoring-plan');
  expect(data.serwotka.totalCount).toBeGreaterThan(0);
  expect(data.people.edges).toEqual([
    { node: { slug: 'maggie-hendrick', roles: [expect.objectContaining({ union: { slug: 'unison' } })] } },
  ]);
});
