import { startTestServer, type TestServer } from './support/test-server';

// Concrete facts from the five documents, read back over HTTP.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const CONTRACT = `
  query ($slug: String!) {
    contract(slug: $slug) {
      title status contested services
      startDate { year month day iso precision wording }
      buyers { slug sector }
      suppliers { role supplier { slug name aliases } }
      unions { role union { slug } }
      offshoring { status contested location { slug countryCode kind } claims { stance union { slug } publicBody { slug } claimantDescription } }
      figures { measure low high unit basis wording period timeframe citations { quote source { fileName } } }
      events { kind date { iso } }
      citations { quote source { fileName } }
    }
  }`;

test('Cambridgeshire: one contract from two reports, offshoring to India both alleged and denied', async () => {
  const { contract } = await server.data(CONTRACT, { slug: 'cambridgeshire-back-office-xansa' });
  expect(contract.status).toBe('IN_CONSULTATION');
  expect(contract.buyers).toEqual([{ slug: 'cambridgeshire-county-council', sector: 'LOCAL_GOVERNMENT' }]);
  expect(contract.suppliers).toEqual([{ role: 'PROPOSED_PROVIDER', supplier: { slug: 'xansa', name: 'Xansa', aliases: [] } }]);
  expect(contract.unions.map((u: any) => u.union.slug).sort()).toEqual(['gmb', 'tgwu', 'unison']);
  expect(contract.services).toEqual(expect.arrayContaining(['BACK_OFFICE', 'BILLING', 'INVOICE_PROCESSING']));

  const india = contract.offshoring.filter((o: any) => o.location.slug === 'india');
  expect(india.map((o: any) => o.status).sort()).toEqual(['ALLEGED', 'DENIED']);
  expect(india.every((o: any) => o.contested)).toBe(true);
  expect(india[0].location).toEqual({ slug: 'india', countryCode: 'IN', kind: 'COUNTRY' });
  const alleged = india.find((o: any) => o.status === 'ALLEGED');
  expect(alleged.claims).toEqual([expect.objectContaining({ stance: 'ASSERTS', union: { slug: 'unison' } })]);
  const denied = india.find((o: any) => o.status === 'DENIED');
  expect(denied.claims).toEqual([expect.objectContaining({ stance: 'DENIES', publicBody: { slug: 'cambridgeshire-county-council' } })]);
  expect(contract.contested).toBe(true);

  const files = new Set(contract.citations.map((c: any) => c.source.fileName));
  expect(files).toEqual(new Set(['000_43ccdcdf681d1750.txt', '001_faf3ae414163dc53.txt']));
});

test('vague figures stay ranges with their wording; an open-ended one has high: null', async () => {
  const { contract } = await server.data(CONTRACT, { slug: 'cambridgeshire-back-office-xansa' });
  const jobs = contract.figures.find((f: any) => f.measure === 'JOBS_AFFECTED');
  expect(jobs).toMatchObject({ low: 200, high: 999, unit: 'JOBS', basis: 'ORDER_OF_MAGNITUDE', wording: 'hundreds of jobs' });

  const savings = contract.figures.filter((f: any) => f.measure === 'SAVINGS_CLAIMED');
  expect(savings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ low: 1_000_000, high: null, basis: 'AT_LEAST', unit: 'GBP', timeframe: 'by 2008/09' }),
      expect.objectContaining({ low: 1_000_000, high: 1_000_000, period: 'PER_YEAR' }),
      expect.objectContaining({ low: 0, high: 1_000_000, basis: 'AT_MOST' }),
    ]),
  );
  const atLeast = savings.find((f: any) => f.basis === 'AT_LEAST');
  expect(atLeast.citations.map((c: any) => c.source.fileName).sort()).toEqual(['000_43ccdcdf681d1750.txt', '001_faf3ae414163dc53.txt']);
});

test('DWP offshoring: eastern Europe or India, tens of thousands of jobs, PCS', async () => {
  const { contract } = await server.data(CONTRACT, { slug: 'dwp-offshoring-call-centres' });
  expect(contract.status).toBe('PROPOSED');
  expect(contract.offshoring.map((o: any) => [o.location.slug, o.status]).sort()).toEqual([
    ['eastern-europe', 'PLANNED'],
    ['india', 'PLANNED'],
  ]);
  expect(contract.offshoring.find((o: any) => o.location.slug === 'eastern-europe').location).toEqual({
    slug: 'eastern-europe',
    countryCode: null,
    kind: 'REGION',
  });
  expect(contract.figures).toEqual([
    expect.objectContaining({ measure: 'JOBS_OFFSHORED', low: 20_000, high: 99_999, basis: 'ORDER_OF_MAGNITUDE' }),
  ]);
  expect(contract.unions).toEqual([expect.objectContaining({ union: { slug: 'pcs' } })]);
});

test('shared services: DfT to Arvato in June 2013; DWP and Defra to Steria/SSCL in November 2013', async () => {
  const dft = (await server.data(CONTRACT, { slug: 'dft-shared-services-arvato' })).contract;
  expect(dft.status).toBe('TRANSFERRED');
  expect(dft.startDate).toEqual({ year: 2013, month: 6, day: null, iso: '2013-06', precision: 'MONTH', wording: 'June 2013' });
  expect(dft.suppliers[0].supplier).toMatchObject({ slug: 'arvato', name: 'Arvato', aliases: ['Avarto'] });

  const sscl = (await server.data(CONTRACT, { slug: 'dwp-defra-shared-services-steria-sscl' })).contract;
  expect(sscl.buyers.map((b: any) => b.slug).sort()).toEqual(['defra', 'dwp']);
  expect(sscl.startDate.iso).toBe('2013-11');
  expect(sscl.offshoring.map((o: any) => [o.location.slug, o.status])).toEqual([['india', 'PLANNED']]);
});

test("Steria's failed MoJ IT platform lost between £120m and £200m", async () => {
  const { contract } = await server.data(CONTRACT, { slug: 'moj-it-platform-steria' });
  expect(contract.status).toBe('FAILED');
  expect(contract.figures).toEqual([
    expect.objectContaining({ measure: 'MONEY_LOST', low: 120_000_000, high: 200_000_000, unit: 'GBP', basis: 'RANGE' }),
  ]);
});

test('bodies and unions carry their own figures', async () => {
  const data = await server.data(`{
    publicBody(slug: "dwp") { name aliases kind staffCount { low high basis } figures(measure: JOB_CUTS) { low high wording } }
    unison: union(slug: "unison") { acronym membership { low high basis wording } }
    pcs: union(slug: "pcs") { name acronym figures { measure low unit publicBody { slug } } }
  }`);
  expect(data.publicBody).toMatchObject({ name: 'Department for Work and Pensions', kind: 'CENTRAL_GOVERNMENT_DEPARTMENT' });
  expect(data.publicBody.aliases).toContain('DWP');
  expect(data.publicBody.staffCount).toEqual([{ low: 120_000, high: 120_000, basis: 'EXACT' }]);
  expect(data.publicBody.figures).toEqual([expect.objectContaining({ low: 15_000, high: 15_000 })]);
  expect(data.unison.membership).toEqual([expect.objectContaining({ low: 1_400_000, high: 1_400_000, basis: 'APPROXIMATE' })]);
  expect(data.pcs.figures).toEqual([{ measure: 'MEMBERS_SHARE_OF_STAFF', low: 70, unit: 'PERCENT', publicBody: { slug: 'dwp' } }]);
});

test('partial dates keep only what the text states', async () => {
  const { events } = await server.data(
    `{ events(first: 100) { edges { node { slug date { year month day iso precision wording } unions { slug } } } } }`,
  );
  const bySlug = Object.fromEntries(events.edges.map((e: any) => [e.node.slug, e.node]));
  expect(bySlug['unison-motion-carried-2006'].date).toEqual({
    year: 2006,
    month: 2,
    day: 24,
    iso: '2006-02-24',
    precision: 'DAY',
    wording: '24 February 2006',
  });
  expect(bySlug['cambridgeshire-unions-strategy-meeting'].date).toEqual({
    year: null,
    month: 11,
    day: 13,
    iso: '--11-13',
    precision: 'DAY',
    wording: 'November 13',
  });
  expect(bySlug['cambridgeshire-unions-strategy-meeting'].unions.map((u: any) => u.slug).sort()).toEqual(['gmb', 'tgwu', 'unison']);
  expect(bySlug['cambridgeshire-cabinet-postpones-decision'].date).toEqual({
    year: null,
    month: null,
    day: null,
    iso: null,
    precision: 'NONE',
    wording: 'Tuesday',
  });
  expect(bySlug['dft-strike-action'].date).toBeNull();
});

test('contested claims keep both sides and point at each other', async () => {
  const { claims } = await server.data(`{
    claims(first: 100, filter: { contested: true }) { totalCount edges { node { slug stance proposition counterclaims { slug stance } } } }
  }`);
  expect(claims.totalCount).toBeGreaterThanOrEqual(2);
  for (const { node } of claims.edges) {
    expect(node.counterclaims.length).toBeGreaterThan(0);
    for (const other of node.counterclaims) expect(other.stance).not.toBe(node.stance);
  }
  const slugs = claims.edges.map((e: any) => e.node.slug);
  expect(slugs).toEqual(
    expect.arrayContaining(['unison-cambridgeshire-work-offshored-to-india', 'cambridgeshire-council-denies-offshoring-plan']),
  );
});

test('every figure in the database has at least one citation with a non-empty quote', async () => {
  const rows = await server.dataSource.query(`
    SELECT q.id FROM quantity q
    WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.subject_type = 'QUANTITY' AND c.subject_id = q.id AND LENGTH(c.quote) > 0)`);
  expect(rows).toEqual([]);
  const [{ n }] = await server.dataSource.query('SELECT COUNT(*) AS n FROM quantity');
  expect(Number(n)).toBeGreaterThan(5);
});

test('every quote is verbatim in the stored text of its source', async () => {
  const { sources } = await server.data(`{ sources(first: 10) { edges { node { fileName text citations { quote } } } } }`);
  expect(sources.edges).toHaveLength(5);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  for (const { node } of sources.edges) {
    expect(node.citations.length).toBeGreaterThan(0);
    for (const { quote } of node.citations) expect(squash(node.text)).toContain(squash(quote));
  }
});

test('every offshoring entry says who says so', async () => {
  const { contracts } = await server.data(
    `{ contracts(first: 100) { edges { node { slug offshoring { status claims { slug claimantDescription person { slug } union { slug } publicBody { slug } } } } } } }`,
  );
  const entries = contracts.edges.flatMap((e: any) => e.node.offshoring);
  expect(entries).toHaveLength(5);
  for (const entry of entries) expect(entry.claims.length).toBeGreaterThan(0);
  const dwp = contracts.edges.find((e: any) => e.node.slug === 'dwp-offshoring-call-centres').node;
  for (const entry of dwp.offshoring) expect(entry.claims[0].claimantDescription).toMatch(/report itself/);
});
