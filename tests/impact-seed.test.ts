import { startTestServer, type TestServer } from './support/test-server';

// Roll-ups of the seed data against values worked out by hand from the five documents.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const RANGE = '{ low high basedOn }';
const GROUP = `
  contractCount contested
  jobsAffected ${RANGE}
  jobsOffshored { atRisk ${RANGE} confirmed ${RANGE} planned ${RANGE} alleged ${RANGE} denied ${RANGE} }
  savingsClaimed { perYear ${RANGE} total ${RANGE} priceYears }
  moneyLost ${RANGE}
  membersRepresented ${RANGE}`;
const r = (low: number, high: number | null, basedOn: number) => ({ low, high, basedOn });
const NONE = r(0, 0, 0);

async function groups(groupBy: string, keyFields: string, filter = '') {
  const { impact } = await server.data(`{ impact(groupBy: [${groupBy}]${filter}) { key { ${keyFields} } ${GROUP}
    citations { source { fileName } } offshoringClaims { stance union { slug } publicBody { slug } } } }`);
  return impact;
}

test('India: alleged and denied for Cambridgeshire, planned for DWP; contested', async () => {
  const byLocation = await groups('OFFSHORE_LOCATION', 'offshoreLocation { slug }');
  expect(byLocation.map((g: any) => g.key.offshoreLocation?.slug ?? null)).toEqual(['india', 'eastern-europe', null]);
  const [india, easternEurope, none] = byLocation;

  expect(india.contractCount).toBe(3); // Cambridgeshire, DWP call centres, DWP+Defra shared services
  expect(india.jobsOffshored).toEqual({
    alleged: r(200, 999, 1), // "hundreds of jobs" (000), the work Unison says could go to India
    denied: r(200, 999, 1), // the same jobs, which the council says will not
    planned: r(20_000, 99_999, 1), // DWP "tens of thousands"; DWP+Defra has no figure (not counted, not zero)
    confirmed: NONE,
    atRisk: r(20_200, 100_998, 2),
  });
  expect(india.contested).toBe(true);
  expect(india.offshoringClaims).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ stance: 'ASSERTS', union: { slug: 'unison' } }),
      expect.objectContaining({ stance: 'DENIES', publicBody: { slug: 'cambridgeshire-county-council' } }),
      expect.objectContaining({ stance: 'ASSERTS', union: { slug: 'pcs' } }),
    ]),
  );
  const files = new Set(india.citations.map((c: any) => c.source.fileName));
  for (const f of ['000_43ccdcdf681d1750.txt', '001_faf3ae414163dc53.txt', '003_a1ab661db5b25801.txt', '004_bed38a42a0ec0e99.txt']) {
    expect(files).toContain(f);
  }

  expect(easternEurope.contractCount).toBe(1);
  expect(easternEurope.jobsOffshored.planned).toEqual(r(20_000, 99_999, 1));
  expect(easternEurope.jobsOffshored.alleged).toEqual(NONE);
  expect(easternEurope.contested).toBe(false);

  expect(none.contractCount).toBe(6);
  expect(none.jobsOffshored.atRisk).toEqual(NONE);
});

test("which suppliers' contracts put the most jobs at risk of offshoring, and according to whom", async () => {
  const bySupplier = await groups('SUPPLIER', 'supplier { slug }', ', filter: { offshoringStatuses: [PLANNED, ALLEGED, CONFIRMED] }');
  const bySlug = Object.fromEntries(bySupplier.map((g: any) => [g.key.supplier?.slug ?? 'none', g]));
  expect(Object.keys(bySlug).sort()).toEqual(['none', 'steria-sscl', 'xansa']);
  expect(bySlug.xansa.jobsOffshored.atRisk).toEqual(r(200, 999, 1));
  expect(bySlug.xansa.contested).toBe(true);
  expect(bySlug.xansa.offshoringClaims.map((c: any) => c.stance).sort()).toEqual(['ASSERTS', 'DENIES']);
  expect(bySlug['steria-sscl'].jobsOffshored.atRisk).toEqual(NONE); // PCS names no number
  expect(bySlug['steria-sscl'].offshoringClaims).toEqual([expect.objectContaining({ union: { slug: 'pcs' } })]);
  expect(bySlug.none.jobsOffshored.atRisk).toEqual(r(20_000, 99_999, 1)); // DWP: "private companies", unnamed
});

test('savings, losses and open-ended figures', async () => {
  const bySupplier = await groups('SUPPLIER', 'supplier { slug }');
  const xansa = bySupplier.find((g: any) => g.key.supplier?.slug === 'xansa');
  // "£1million a year" (001) is yearly; "at least £1 million by 2008/09" and "up to £1million" have no period:
  // their envelope runs from 0 ("up to") to open ("at least").
  expect(xansa.savingsClaimed).toEqual({ perYear: r(1_000_000, 1_000_000, 1), total: r(0, null, 1), priceYears: [] });
  const steria = bySupplier.find((g: any) => g.key.supplier?.slug === 'steria');
  expect(steria.moneyLost).toEqual(r(120_000_000, 200_000_000, 1)); // "between £120 million and £200m"

  const { impactTotals } = await server.data(`{ impactTotals { ${GROUP} } }`);
  expect(impactTotals.contractCount).toBe(9);
  expect(impactTotals.jobsAffected).toEqual(r(200, 999, 1));
  expect(impactTotals.savingsClaimed.total.high).toBeNull(); // one open end keeps the sum open
  expect(impactTotals.moneyLost).toEqual(r(120_000_000, 200_000_000, 1));
  expect(impactTotals.jobsOffshored.atRisk).toEqual(r(20_200, 100_998, 2));
});

test("a contract with two buyers is in both buyers' groups, and counted once in the totals", async () => {
  const byBody = await groups('PUBLIC_BODY', 'publicBody { slug }');
  const bySlug = Object.fromEntries(byBody.map((g: any) => [g.key.publicBody.slug, g]));
  expect(bySlug.dwp.contractCount).toBe(2); // call centres offshoring; shared services with Defra
  expect(bySlug.defra.contractCount).toBe(1);
  // PCS: "70 per cent of the department's 120,000 staff" (003) → 84,000 at DWP, counted once per pair.
  expect(bySlug.dwp.membersRepresented).toEqual(r(84_000, 84_000, 1));
  expect(bySlug.defra.membersRepresented).toEqual(NONE);
  const sum = byBody.reduce((n: number, g: any) => n + g.contractCount, 0);
  expect(sum).toBe(10); // 9 contracts, one of them with two buyers

  const { impactTotals } = await server.data(`{ impactTotals { contractCount membersRepresented ${RANGE} } }`);
  expect(impactTotals).toEqual({ contractCount: 9, membersRepresented: r(84_000, 84_000, 1) });
});

test('years come from the start date, else the earliest dated event; unknown stays null', async () => {
  const byYear = await groups('YEAR', 'year');
  expect(byYear.map((g: any) => [g.key.year, g.contractCount])).toEqual([
    [2006, 1], // London housing benefit: the UNISON motion of 24 February 2006
    [2013, 2], // DfT (June 2013), DWP+Defra (November 2013)
    [null, 6],
  ]);
});

test("two dimensions at once, and the other dimensions' keys", async () => {
  const { impact } = await server.data(`{ impact(groupBy: [SECTOR, STATUS]) { key { sector status supplier { slug } } contractCount } }`);
  expect(impact).toEqual(
    expect.arrayContaining([
      { key: { sector: 'LOCAL_GOVERNMENT', status: 'IN_CONSULTATION', supplier: null }, contractCount: 1 },
      { key: { sector: 'CENTRAL_GOVERNMENT', status: 'TRANSFERRED', supplier: null }, contractCount: 2 },
    ]),
  );
  const services = await groups('SERVICE', 'service');
  expect(services.find((g: any) => g.key.service === 'BENEFIT_PROCESSING').contractCount).toBe(1);
  const countries = await groups('SUPPLIER_COUNTRY', 'supplierCountry');
  expect(countries.map((g: any) => [g.key.supplierCountry, g.contractCount])).toEqual([
    ['FR', 1],
    [null, 8],
  ]);
});

test('entities carry their own roll-up, the same as their group', async () => {
  const data = await server.data(`{
    supplier(slug: "xansa") { impact { ${GROUP} } }
    offshoreLocation(slug: "india") { impact { ${GROUP} } }
    union(slug: "pcs") { impact { contractCount membersRepresented ${RANGE} } }
    publicBody(slug: "dwp") { impact(filter: { statuses: [TRANSFERRED] }) { contractCount } }
    unused: publicBody(slug: "data-protection-commissioner") { impact { contractCount jobsAffected ${RANGE} } }
  }`);
  const bySupplier = await groups('SUPPLIER', 'supplier { slug }');
  const { key: _k, citations: _c, offshoringClaims: _o, ...xansa } = bySupplier.find((g: any) => g.key.supplier?.slug === 'xansa');
  expect(data.supplier.impact).toEqual(xansa);
  const { key: _k2, citations: _c2, offshoringClaims: _o2, ...india } = (await groups('OFFSHORE_LOCATION', 'offshoreLocation { slug }'))[0];
  expect(data.offshoreLocation.impact).toEqual(india);
  expect(data.union.impact.membersRepresented).toEqual(r(84_000, 84_000, 1));
  expect(data.publicBody.impact.contractCount).toBe(1);
  expect(data.unused.impact).toEqual({ contractCount: 0, jobsAffected: NONE });
});

test('CONTRACT groups one contract each, and each contract carries its group as its own roll-up', async () => {
  const byContract = await groups('CONTRACT', 'contract { slug }');
  const { contracts } = await server.data(`{ contracts(first: 100) { totalCount edges { node { slug impact { ${GROUP} } } } } }`);
  expect(byContract.length).toBe(contracts.totalCount);
  expect(byContract.every((g: any) => g.contractCount === 1 && g.key.contract.slug)).toBe(true);
  for (const { node } of contracts.edges) {
    const { key: _k, citations: _c, offshoringClaims: _o, ...group } = byContract.find((g: any) => g.key.contract.slug === node.slug);
    expect([node.slug, node.impact]).toEqual([node.slug, group]);
  }
  const cambridgeshire = contracts.edges.find((e: any) => e.node.slug === 'cambridgeshire-back-office-xansa').node.impact;
  expect(cambridgeshire.jobsOffshored.alleged).toEqual(r(200, 999, 1));
  expect(cambridgeshire.jobsOffshored.denied).toEqual(r(200, 999, 1));
  expect(cambridgeshire.contested).toBe(true);
});

test('a roll-up of many entities costs the same number of statements as one', async () => {
  const query = (n: number) =>
    `{ publicBodies(first: ${n}) { edges { node { impact { contractCount jobsAffected { low } citations { quote } } } } } }`;
  // Two bodies (the Audit Commission, with no contracts, and Cambridgeshire, with one) against all eleven:
  // both pages need the roll-up and its quotes, so any per-entity statement would show.
  const two = await server.statements.during(() => server.data(query(2)));
  const eleven = await server.statements.during(() => server.data(query(11)));
  expect(two.result.publicBodies.edges[1].node.impact.citations.length).toBeGreaterThan(0);
  expect(eleven.statements).toBe(two.statements);
});

test('first keeps the first n groups of the order asked for, and must be at least 1', async () => {
  const query = (first: string) => `{ impact(groupBy: [PUBLIC_BODY], orderBy: { field: JOBS_AFFECTED, direction: DESC }${first}) {
    key { publicBody { slug } } jobsAffected { low high } } }`;
  const all = (await server.data(query(''))).impact;
  const top = (await server.data(query(', first: 3'))).impact;
  expect(all.length).toBeGreaterThan(3);
  expect(top).toEqual(all.slice(0, 3));
  expect((await server.data(query(`, first: ${all.length + 5}`))).impact).toEqual(all);
  const refused = await server.query(query(', first: 0'));
  expect(refused.body.errors?.[0]).toMatchObject({
    message: expect.stringMatching(/^first: must be at least 1/),
    extensions: { code: 'BAD_USER_INPUT', field: 'first' },
  });
});

test('bad groupings are refused with the argument named', async () => {
  const twice = await server.query('{ impact(groupBy: [SUPPLIER, SUPPLIER]) { contractCount } }');
  expect(twice.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'groupBy' } });
  const unknown = await server.query('{ impact(groupBy: [COLOUR]) { contractCount } }');
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors![0].message).toMatch(/COLOUR.*ImpactDimension/);
});

test('groups sort by any measure: the most jobs at risk first', async () => {
  const { impact } = await server.data(`{
    impact(groupBy: [SUPPLIER], orderBy: { field: JOBS_AT_RISK, direction: DESC }) { key { supplier { slug } } jobsOffshored { atRisk { low high } } }
  }`);
  expect(impact.map((g: any) => g.key.supplier?.slug ?? null)).toEqual([null, 'xansa', 'arvato', 'steria', 'steria-sscl']);
  const { impact: byCount } = await server.data(
    `{ impact(groupBy: [UNION], orderBy: { field: CONTRACT_COUNT, direction: DESC }) { key { union { slug } } contractCount } }`,
  );
  const counts = byCount.map((g: any) => g.contractCount);
  expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  expect(byCount[0].key.union.slug).toBe('pcs');
  const { impact: keysDesc } = await server.data(`{ impact(groupBy: [YEAR], orderBy: { field: KEY, direction: DESC }) { key { year } } }`);
  expect(keysDesc.map((g: any) => g.key.year)).toEqual([null, 2013, 2006]);
});
