import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { EXPORT_PART_SIZE } from '../src/export/contracts-export';
import { generateContracts } from './support/generate-contracts';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// The CSV exports against the seed data: the same numbers as the GraphQL roll-up, RFC 4180 on the wire.
let server: TestServer;
let base: string;
beforeAll(async () => {
  server = await startTestServer();
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server?.stop());

const csv = async (path: string) => {
  const response = await fetch(base + path);
  const text = await response.text();
  return { response, text, rows: response.ok ? (parse(text, { columns: true }) as Array<Record<string, string>>) : [] };
};
/** Python's csv module, where Python is present: how many rows it reads (the reproduction used it). */
const pythonCsvRows = (() => {
  try {
    execFileSync('python3', ['-c', 'pass']);
  } catch {
    return null;
  }
  return (text: string) =>
    Number(
      execFileSync('python3', ['-c', 'import csv, io, sys; print(len(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], {
        input: text,
      }).toString(),
    );
})();
const cell = (value: number | null) => (value == null ? '' : String(value));

test('impact.csv has one row per group of impact(), with ranges as low/high/based_on columns', async () => {
  const { response, rows } = await csv('/export/impact.csv?groupBy=SUPPLIER,YEAR&orderBy=JOBS_AT_RISK&direction=DESC');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
  expect(response.headers.get('cache-control')).toBe('max-age=60, public');
  const { impact } = await server.data(`{ impact(groupBy: [SUPPLIER, YEAR], orderBy: { field: JOBS_AT_RISK, direction: DESC }) {
    key { supplier { slug name } year } contractCount contested
    jobsAffected { low high basedOn } jobsOffshored { atRisk { low high basedOn } denied { low high basedOn } }
    savingsClaimed { total { low high basedOn } } moneyLost { low high basedOn }
    citations { source { fileName } } } }`);
  expect(rows.map((r) => [r.supplier_slug, r.year])).toEqual(impact.map((g: any) => [g.key.supplier?.slug ?? '', cell(g.key.year)]));
  impact.forEach((g: any, i: number) => {
    const row = rows[i];
    expect(row.supplier).toBe(g.key.supplier?.name ?? '');
    expect(row.contract_count).toBe(String(g.contractCount));
    expect(row.contested).toBe(String(g.contested));
    expect([row.jobs_affected_low, row.jobs_affected_high, row.jobs_affected_based_on]).toEqual([
      cell(g.jobsAffected.low),
      cell(g.jobsAffected.high),
      cell(g.jobsAffected.basedOn),
    ]);
    expect([row.jobs_at_risk_low, row.jobs_at_risk_high]).toEqual([cell(g.jobsOffshored.atRisk.low), cell(g.jobsOffshored.atRisk.high)]);
    expect([row.jobs_denied_low, row.jobs_denied_high]).toEqual([cell(g.jobsOffshored.denied.low), cell(g.jobsOffshored.denied.high)]);
    expect([row.savings_total_low, row.savings_total_high]).toEqual([cell(g.savingsClaimed.total.low), cell(g.savingsClaimed.total.high)]);
    expect([row.money_lost_low, row.money_lost_high]).toEqual([cell(g.moneyLost.low), cell(g.moneyLost.high)]);
    expect(row.citations.split('; ').filter(Boolean).sort()).toEqual([...new Set(g.citations.map((c: any) => c.source.fileName))].sort());
  });
  // Xansa: hundreds of jobs alleged and denied; savings "up to" and "at least" £1m leave the total open.
  const xansa = rows.find((r) => r.supplier_slug === 'xansa')!;
  expect([xansa.jobs_at_risk_low, xansa.jobs_at_risk_high, xansa.contested]).toEqual(['200', '999', 'true']);
  expect([xansa.savings_total_low, xansa.savings_total_high]).toEqual(['0', '']);
});

test("impact.csv takes the roll-up's filter by the same names, and no groupBy gives the totals", async () => {
  const { rows } = await csv('/export/impact.csv?groupBy=PUBLIC_BODY&statuses=TRANSFERRED,AWARDED&buyers=dwp');
  const { impact } = await server.data(
    '{ impact(groupBy: [PUBLIC_BODY], filter: { statuses: [TRANSFERRED, AWARDED], buyers: ["dwp"] }) { key { publicBody { slug } } contractCount } }',
  );
  expect(rows.map((r) => [r.public_body_slug, r.contract_count])).toEqual(
    impact.map((g: any) => [g.key.publicBody.slug, String(g.contractCount)]),
  );
  const totals = await csv('/export/impact.csv');
  expect(totals.rows.length).toBe(1);
  expect(totals.rows[0].contract_count).toBe(String((await server.data('{ impactTotals { contractCount } }')).impactTotals.contractCount));
  expect(Object.keys(totals.rows[0])[0]).toBe('contract_count');
});

test("contracts.csv has every contract once, in the API's order, with its own roll-up and its sources", async () => {
  const { response, text, rows } = await csv('/export/contracts.csv?orderBy=SLUG&direction=DESC');
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="contracts.csv"');
  expect(text.split('\r\n')[0].split(',').slice(0, 4)).toEqual(['slug', 'id', 'title', 'status']);
  const { contracts } = await server.data(
    '{ contracts(first: 100, orderBy: { field: SLUG, direction: DESC }) { edges { node { slug id } } } }',
  );
  expect(rows.map((r) => [r.slug, r.id])).toEqual(contracts.edges.map((e: any) => [e.node.slug, e.node.id]));
  const cambridgeshire = rows.find((r) => r.slug === 'cambridgeshire-back-office-xansa')!;
  expect(cambridgeshire.offshoring).toBe('India: ALLEGED; India: DENIED');
  expect(cambridgeshire.unions.split('; ')).toContain('UNISON');
  expect([cambridgeshire.jobs_alleged_low, cambridgeshire.jobs_alleged_high]).toEqual(['200', '999']);
  expect(cambridgeshire.citations.split('; ').length).toBeGreaterThan(1);
  const arvato = rows.find((r) => r.slug === 'dft-shared-services-arvato')!;
  expect([arvato.start_date, arvato.start_date_wording]).toEqual(['2013-06', 'June 2013']);
});

test('every column of contracts.csv is what the API answers for that contract', async () => {
  const { rows } = await csv('/export/contracts.csv');
  const { contracts } = await server.data(`{ contracts(first: 100) { edges { node {
    id slug title status services startDate { iso wording }
    buyers { slug name } suppliers { supplier { slug name } } unions { union { slug name } } offshoring { status location { name } }
    impact { contractCount contested jobsAffected { low high basedOn }
      jobsOffshored { atRisk { low high basedOn } confirmed { low high basedOn } planned { low high basedOn } alleged { low high basedOn } denied { low high basedOn } }
      savingsClaimed { perYear { low high basedOn } total { low high basedOn } priceYears } moneyLost { low high basedOn } membersRepresented { low high basedOn } }
    citations { id source { fileName slug } } } } } }`);
  const list = (values: string[]) => [...new Set(values)].join('; ');
  const range = (r: { low: number; high: number | null; basedOn: number }) => [cell(r.low), cell(r.high), cell(r.basedOn)];
  expect(rows.length).toBe(contracts.edges.length);
  contracts.edges.forEach(({ node: c }: any, i: number) => {
    const i_ = c.impact;
    const expected = [
      c.slug,
      c.id,
      c.title,
      c.status,
      c.startDate?.iso ?? '',
      c.startDate?.wording ?? '',
      list(c.buyers.map((b: any) => b.name)),
      list(c.buyers.map((b: any) => b.slug)),
      list(c.suppliers.map((s: any) => s.supplier.name)),
      list(c.suppliers.map((s: any) => s.supplier.slug)),
      list(c.unions.map((u: any) => u.union.name)),
      list(c.unions.map((u: any) => u.union.slug)),
      list(c.services),
      list(c.offshoring.map((o: any) => o.location.name)),
      list(c.offshoring.map((o: any) => `${o.location.name}: ${o.status}`)),
      ...range(i_.jobsAffected),
      ...['atRisk', 'confirmed', 'planned', 'alleged', 'denied'].flatMap((s) => range(i_.jobsOffshored[s])),
      ...range(i_.savingsClaimed.perYear),
      ...range(i_.savingsClaimed.total),
      ...range(i_.moneyLost),
      ...range(i_.membersRepresented),
      i_.savingsClaimed.priceYears.join('; '),
      String(i_.contested),
      list(c.citations.map((ci: any) => ci.source.fileName ?? ci.source.slug)),
    ];
    expect([c.slug, Object.values(rows[i])]).toEqual([c.slug, expected]);
  });
});

let keys: TestKeys;
beforeAll(async () => {
  keys = await makeTestKeys(server.dataSource);
});

test('RFC 4180 on the wire: CRLF line ends, quotes doubled, commas and line breaks quoted, formulas defused', async () => {
  const { contract } = await server.data('{ contract(slug: "dft-shared-services-arvato") { id version } }');
  const title = '=HYPERLINK("x"), a "quoted" title,\nover two lines';
  await server.data(
    'mutation($input: UpdateContractInput!) { updateContract(input: $input) { title } }',
    { input: { id: contract.id, version: contract.version, title } },
    keys.editor,
  );
  try {
    const { text, rows } = await csv('/export/contracts.csv?statuses=TRANSFERRED');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).not.toContain('\n');
    expect(text).toContain('"\'=HYPERLINK(""x""), a ""quoted"" title,\nover two lines"');
    expect(rows.find((r) => r.slug === 'dft-shared-services-arvato')!.title).toBe(`'${title}`);
  } finally {
    const { contract: now } = await server.data('{ contract(slug: "dft-shared-services-arvato") { id version } }');
    await server.data(
      'mutation($input: UpdateContractInput!) { updateContract(input: $input) { title } }',
      { input: { id: now.id, version: now.version, title: 'DfT shared services privatised to Arvato' } },
      keys.editor,
    );
  }
});

test('a lone LF or CR in a cell is quoted and every line of it is defused: a parser reads one row with a harmless title', async () => {
  const { contract } = await server.data('{ contract(slug: "dft-shared-services-arvato") { id version } }');
  const titles = ['Harmless title\n=1+1', 'Carriage\r@SUM(A1)', 'Both\r\n+cmd|x', 'Tab\n\tstart', 'Wide\n\uFF1D1'];
  let version = contract.version;
  try {
    for (const title of titles) {
      ({
        updateContract: { version },
      } = await server.data(
        'mutation($input: UpdateContractInput!) { updateContract(input: $input) { version } }',
        { input: { id: contract.id, version, title } },
        keys.editor,
      ));
      const { text, rows } = await csv('/export/contracts.csv?statuses=TRANSFERRED');
      const statuses = (await server.data('{ contracts(filter: { statuses: [TRANSFERRED] }) { totalCount } }')).contracts.totalCount;
      expect([title, rows.length]).toEqual([title, statuses]);
      const read = rows.find((r) => r.slug === 'dft-shared-services-arvato')!.title;
      // Every line of the cell is text to a spreadsheet: none starts with a formula character.
      expect([title, read.split(/\r\n|\r|\n/).every((line) => !/^[=+\-@\t\uFF1D]/.test(line))]).toEqual([title, true]);
      expect(read.replace(/(^|[\r\n])'/g, '$1')).toBe(title);
      if (pythonCsvRows) expect([title, pythonCsvRows(text)]).toEqual([title, statuses + 1]);
    }
  } finally {
    await server.data(
      'mutation($input: UpdateContractInput!) { updateContract(input: $input) { title } }',
      { input: { id: contract.id, version, title: 'DfT shared services privatised to Arvato' } },
      keys.editor,
    );
  }
});

test('impact.csv?first=n keeps the first n groups of the order asked for', async () => {
  const order = 'groupBy=PUBLIC_BODY&orderBy=CONTRACT_COUNT&direction=DESC';
  const all = await csv(`/export/impact.csv?${order}`);
  const top = await csv(`/export/impact.csv?${order}&first=2`);
  expect(all.rows.length).toBeGreaterThan(2);
  expect(top.rows).toEqual(all.rows.slice(0, 2));
});

test('bad parameters are refused before any CSV, as JSON naming the parameter', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['/export/impact.csv?groupBy=COLOUR', 'groupBy', /"COLOUR" is not one of CONTRACT, PUBLIC_BODY/],
    ['/export/impact.csv?groupBy=SUPPLIER,SUPPLIER', 'groupBy', /SUPPLIER twice/],
    ['/export/impact.csv?statuses=FOO', 'statuses', /"FOO" is not one of/],
    ['/export/impact.csv?orderBy=KEY&orderBy=JOBS_AFFECTED', 'orderBy', /more than once/],
    ['/export/impact.csv?groupBy=SUPPLIER&first=0', 'first', /must be at least 1, not 0/],
    ['/export/impact.csv?first=many', 'first', /"many" is not a whole number/],
    ['/export/contracts.csv?colour=red', 'colour', /unknown parameter; this export takes orderBy, direction, statuses/],
    ['/export/contracts.csv?search=' + 'x'.repeat(201), 'search', /search/],
  ];
  for (const [path, field, message] of cases) {
    const response = await fetch(base + path);
    const body = (await response.json()) as any;
    expect([path, response.status, body.errors[0].extensions.code]).toEqual([path, 400, 'BAD_USER_INPUT']);
    expect(body.errors[0].extensions.field ?? field).toBe(field);
    expect(body.errors[0].message).toMatch(message);
  }
});

test('HEAD answers the headers alone', async () => {
  const response = await fetch(`${base}/export/impact.csv?groupBy=STATUS`, { method: 'HEAD' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(await response.text()).toBe('');
});

describe('many contracts', () => {
  let big: TestServer;
  let bigBase: string;
  // Three parts: two full ones, and the rest.
  const COUNT = EXPORT_PART_SIZE * 2 + 17;
  beforeAll(async () => {
    // Budget for exactly two parts: the third is refused part-way through the download.
    big = await startTestServer({ seed: false, env: { RATE_LIMIT_POINTS: String(EXPORT_PART_SIZE * 2) } });
    await generateContracts(big.dataSource, COUNT);
    bigBase = big.url.replace(/\/graphql$/, '');
  });
  afterAll(() => big?.stop());

  test('a refusal after the first row breaks the download rather than ending it short; before it, it is a 429', async () => {
    const response = await fetch(`${bigBase}/export/contracts.csv`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    const refused = await fetch(`${bigBase}/export/contracts.csv`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

test('an export spans pages: every contract once, sources without a file named by slug', async () => {
  const many = await startTestServer({ seed: false });
  try {
    const count = EXPORT_PART_SIZE * 2 + 17;
    await generateContracts(many.dataSource, count);
    const response = await fetch(`${many.url.replace(/\/graphql$/, '')}/export/contracts.csv?orderBy=SLUG`);
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    // By slug: byte order, so contract-100 comes before contract-1000.
    expect(rows.map((r) => r.slug)).toEqual(Array.from({ length: count }, (_, i) => `contract-${String(i).padStart(3, '0')}`).sort());
    expect(rows[0].citations).toBe('generated');
    expect(rows[0].buyers).toBe('Body 000 A; Body 000 B');
  } finally {
    await many.stop();
  }
});
