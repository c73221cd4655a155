import { dumpDatabase } from './support/dump';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// For each input field, at least one invalid value: the answer names the field with its code, and the
// database is byte-for-byte what it was (a full dump compared before and after).
let server: TestServer;
let keys: TestKeys;
const id: Record<string, any> = {};

beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
  const d = await server.data(`{
    source(slug: "cambridgeshire-postpones-xansa-decision") { id }
    contract(slug: "cambridgeshire-back-office-xansa") { id offshoring { id } }
    dwp: contract(slug: "dwp-offshoring-call-centres") { id version }
    publicBody(slug: "dwp") { id version }
    cambridgeshire: publicBody(slug: "cambridgeshire-county-council") { id }
    supplier(slug: "xansa") { id version }
    union(slug: "unison") { id }
    people(first: 1) { edges { node { id } } }
  }`);
  Object.assign(id, {
    source: d.source.id,
    contract: d.contract.id,
    offshoring: d.contract.offshoring[0].id,
    dwpContract: d.dwp.id,
    body: d.publicBody.id,
    cambridgeshire: d.cambridgeshire.id,
    bodyVersion: d.publicBody.version,
    supplier: d.supplier.id,
    union: d.union.id,
    person: d.people.edges[0].node.id,
  });
});
afterAll(() => server?.stop());

const cite = () => [{ source: id.source, quote: 'postponed until January' }];
const long = (n: number) => 'x'.repeat(n);

type Case = [string, string, () => Record<string, unknown>, string, RegExp?, string?];

const CASES: Case[] = [
  // mutation, input type, input, field named, message pattern, code (default BAD_USER_INPUT)
  ['createSupplier', 'CreateSupplierInput', () => ({ name: '' }), 'name', /name must be longer/],
  ['createSupplier', 'CreateSupplierInput', () => ({}), 'name'],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: '   \n\t ' }), 'name', /only whitespace/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'Bell\u0007 Ltd' }), 'name', /control character U\+0007/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'Half \ud800 a character' }), 'name', /lone UTF-16 surrogate/],
  [
    'createSupplier',
    'CreateSupplierInput',
    () => ({ name: 'A', aliases: ['ok', '\u200b'.repeat(0) + '  '] }),
    'aliases[1]',
    /only whitespace/,
  ],
  ['createContract', 'CreateContractInput', () => ({ title: 'C\u009b', status: 'PROPOSED' }), 'title', /control character/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', slug: 'Not A Slug' }), 'slug', /lower-case/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', homeCountry: 'fr' }), 'homeCountry', /in capitals/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', slug: 'arvato' }), 'slug', /already used/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', aliases: [''] }), 'aliases'],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', homeCountry: 'XX' }), 'homeCountry', /ISO 3166-1/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', parent: 'bogus' }), 'parent', /not the ID of a Supplier/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', parent: id.body }), 'parent', /not the ID of a Supplier/],
  ['createSupplier', 'CreateSupplierInput', () => ({ name: 'A', description: long(2001) }), 'description'],
  [
    'createSupplier',
    'CreateSupplierInput',
    () => ({ name: 'A', citations: [{ source: id.source, quote: 'words nobody wrote' }] }),
    'citations[0].quote',
    /verbatim/,
  ],
  [
    'createSupplier',
    'CreateSupplierInput',
    () => ({ name: 'A', citations: [{ source: id.body, quote: 'postponed' }] }),
    'citations[0].source',
    /Source/,
  ],
  ['createPublicBody', 'CreatePublicBodyInput', () => ({ name: 'B', kind: 'NOPE', sector: 'LOCAL_GOVERNMENT' }), 'kind'],
  ['createPublicBody', 'CreatePublicBodyInput', () => ({ name: 'B', kind: 'LOCAL_AUTHORITY' }), 'sector'],
  ['updatePublicBody', 'UpdatePublicBodyInput', () => ({ id: id.body, version: id.bodyVersion, parent: id.body }), 'parent', /own parent/],
  ['updatePublicBody', 'UpdatePublicBodyInput', () => ({ id: id.body, version: id.bodyVersion, name: null }), 'name'],
  ['createUnion', 'CreateUnionInput', () => ({ name: 'U', acronym: long(41) }), 'acronym'],
  [
    'createOffshoreLocation',
    'CreateOffshoreLocationInput',
    () => ({ name: 'Somewhere', kind: 'COUNTRY' }),
    'countryCode',
    /required for a COUNTRY/,
  ],
  [
    'createOffshoreLocation',
    'CreateOffshoreLocationInput',
    () => ({ name: 'Baltics', kind: 'REGION', countryCode: 'LT' }),
    'countryCode',
    /REGION/,
  ],
  ['createPerson', 'CreatePersonInput', () => ({ name: long(201) }), 'name'],
  ['createPersonRole', 'CreatePersonRoleInput', () => ({ person: 'bogus', title: 'T', citations: cite() }), 'person'],
  ['createPersonRole', 'CreatePersonRoleInput', () => ({ person: id.person, title: 'T', citations: [] }), 'citations', /at least 1/],
  ['createContract', 'CreateContractInput', () => ({ title: 'C', status: 'SIGNED' }), 'status'],
  ['createContract', 'CreateContractInput', () => ({ title: 'C', status: 'PROPOSED', buyers: ['bogus'] }), 'buyers[0]'],
  ['createContract', 'CreateContractInput', () => ({ title: 'C', status: 'PROPOSED', buyers: [id.body, id.body] }), 'buyers', /twice/],
  [
    'createContract',
    'CreateContractInput',
    () => ({ title: 'C', status: 'PROPOSED', suppliers: [{ supplier: id.union }] }),
    'suppliers[0]',
  ],
  ['createContract', 'CreateContractInput', () => ({ title: 'C', status: 'PROPOSED', services: ['GARDENING'] }), 'services'],
  [
    'createContract',
    'CreateContractInput',
    () => ({ title: 'C', status: 'PROPOSED', startDate: { day: 5 } }),
    'startDate.day',
    /needs a month/,
  ],
  [
    'createContract',
    'CreateContractInput',
    () => ({ title: 'C', status: 'PROPOSED', startDate: { month: 2, day: 30 } }),
    'startDate.day',
    /past the end/,
  ],
  ['createContract', 'CreateContractInput', () => ({ title: 'C', status: 'PROPOSED', startDate: { year: 999 } }), 'year'],
  ['createContract', 'CreateContractInput', () => ({ title: '', status: 'PROPOSED' }), 'title'],
  [
    'createOffshoring',
    'CreateOffshoringInput',
    () => ({ contract: id.body, location: 'x', status: 'ALLEGED', citations: cite() }),
    'contract',
  ],
  [
    'createOffshoring',
    'CreateOffshoringInput',
    () => ({ contract: id.contract, location: id.contract, status: 'ALLEGED', citations: cite() }),
    'location',
  ],
  ['createOffshoring', 'CreateOffshoringInput', () => ({ contract: id.contract, location: 'x', status: 'ALLEGED' }), 'citations'],
  ...quantityCases(),
  [
    'createClaim',
    'CreateClaimInput',
    () => ({ statement: 'S', stance: 'ASSERTS', proposition: 'P', citations: cite() }),
    'person',
    /say who makes the claim/,
  ],
  [
    'createClaim',
    'CreateClaimInput',
    () => ({ statement: 'S', stance: 'MAYBE', proposition: 'P', union: id.union, citations: cite() }),
    'stance',
  ],
  [
    'createClaim',
    'CreateClaimInput',
    () => ({
      statement: 'S',
      stance: 'ASSERTS',
      proposition: 'P',
      union: id.union,
      contract: id.dwpContract,
      offshoring: id.offshoring,
      citations: cite(),
    }),
    'offshoring',
    /another contract/,
  ],
  ['createEvent', 'CreateEventInput', () => ({ kind: 'STRIKE', title: 'T', date: { month: 13 }, citations: cite() }), 'month'],
  ['createEvent', 'CreateEventInput', () => ({ kind: 'STRIKE', title: 'T', unions: ['bogus'], citations: cite() }), 'unions[0]'],
  ['createSource', 'CreateSourceInput', () => ({ title: 'S', kind: 'NEWS_REPORT', url: 'not a url' }), 'url'],
  ['createSource', 'CreateSourceInput', () => ({ title: 'S', kind: 'BLOG' }), 'kind'],
  ['createCitation', 'CreateCitationInput', () => ({ subject: 'bogus', source: id.source, quote: 'postponed until January' }), 'subject'],
  ['createCitation', 'CreateCitationInput', () => ({ subject: id.contract, source: id.source, quote: 'never said' }), 'quote', /verbatim/],
  [
    'updateSupplier',
    'UpdateSupplierInput',
    () => ({ id: id.supplier, version: 99, name: 'Xansa plc' }),
    'version',
    /version 1, not 99/,
    'CONFLICT',
  ],
  ['updateSupplier', 'UpdateSupplierInput', () => ({ id: id.body, version: 1, name: 'Xansa plc' }), 'id', /not the ID of a Supplier/],
  ['updateSupplier', 'UpdateSupplierInput', () => ({ id: id.supplier, version: 0 }), 'version'],
  ['archiveSupplier', 'ArchiveInput', () => ({ id: id.supplier, version: 99 }), 'version', /not 99/, 'CONFLICT'],
  ['archiveSupplier', 'ArchiveInput', () => ({ id: 'bogus' }), 'id'],
  [
    'linkContractBuyer',
    'ContractBuyerLinkInput',
    () => ({ contract: id.contract, publicBody: id.cambridgeshire }),
    'publicBody',
    /already a buyer/,
  ],
  ['unlinkContractUnion', 'ContractUnionLinkInput', () => ({ contract: id.dwpContract, union: id.union }), 'union', /is not a union/],
];

function quantityCases(): Case[] {
  const q = (over: Record<string, unknown>) => () => ({
    measure: 'JOBS_AFFECTED',
    low: 1,
    high: 2,
    unit: 'JOBS',
    basis: 'RANGE',
    wording: 'a few',
    contract: id.contract,
    citations: cite(),
    ...over,
  });
  return [
    ['createQuantity', 'CreateQuantityInput', q({ low: -1 }), 'low', /must not be less than 0/],
    ['createQuantity', 'CreateQuantityInput', q({ low: 5, high: 2 }), 'high', /at least low/],
    ['createQuantity', 'CreateQuantityInput', q({ basis: 'AT_LEAST', high: 9 }), 'high', /open-ended/],
    ['createQuantity', 'CreateQuantityInput', q({ basis: 'EXACT' }), 'high', /must equal low/],
    ['createQuantity', 'CreateQuantityInput', q({ basis: 'AT_MOST', low: 3, high: 9 }), 'low', /must be 0/],
    ['createQuantity', 'CreateQuantityInput', q({ unit: 'PERCENT', low: 50, high: 150 }), 'high', /percentage/],
    ['createQuantity', 'CreateQuantityInput', q({ high: null }), 'high', /is needed for RANGE/],
    [
      'createQuantity',
      'CreateQuantityInput',
      q({ measure: 'MEMBERS_SHARE_OF_STAFF', contract: null, union: 'VW5pb246MQ==', publicBody: 'UHVibGljQm9keTox' }),
      'unit',
      /must be PERCENT/,
    ],
    ['createQuantity', 'CreateQuantityInput', q({ priceYear: 2008 }), 'priceYear', /money/],
    ['createQuantity', 'CreateQuantityInput', q({ union: 'VW5pb246MQ==' }), 'contract', /exactly one/],
    ['createQuantity', 'CreateQuantityInput', q({ contract: null }), 'contract', /exactly one/],
    ['createQuantity', 'CreateQuantityInput', q({ wording: '' }), 'wording'],
    ['createQuantity', 'CreateQuantityInput', q({ citations: [] }), 'citations'],
    ['createQuantity', 'CreateQuantityInput', q({ measure: 'HAPPINESS' }), 'measure'],
    ['createQuantity', 'CreateQuantityInput', q({ period: 'MONTHLY' }), 'period'],
  ];
}

// Every row padded to six values: jest takes a test function with more parameters than its row has values
// to be waiting for a `done` callback, and would wait forever.
const ROWS = CASES.map(([m, t, input, field, message, code]) => [m, t, input, field, message ?? null, code ?? 'BAD_USER_INPUT'] as const);

test.each(ROWS)(
  '%s (case %#) is refused with its field named, and writes nothing',
  async (mutation, inputType, input, field, message, code) => {
    const before = await dumpDatabase(server.dataSource);
    const { body } = await server.query(
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input: input() },
      keys.admin,
    );
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error.extensions?.code).toBe(code);
    expect(error.message).toContain(field.replace(/\[\d+\]$/, ''));
    if (message) expect(error.message).toMatch(message);
    expect(await dumpDatabase(server.dataSource)).toEqual(before);
  },
);

test('two concurrent updates of one record: one wins, the other is CONFLICT and writes nothing', async () => {
  const { supplier } = await server.data('{ supplier(slug: "arvato") { id version } }');
  const update = (name: string) =>
    server.query(
      `mutation ($input: UpdateSupplierInput!) { updateSupplier(input: $input) { name version } }`,
      {
        input: { id: supplier.id, version: supplier.version, name },
      },
      keys.editor,
    );
  const results = await Promise.all([update('Arvato AG'), update('Arvato SE')]);
  const won = results.filter((r) => !r.body.errors);
  const lost = results.filter((r) => r.body.errors);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(lost[0].body.errors![0].extensions!.code).toBe('CONFLICT');
  const { supplier: after } = await server.data('{ supplier(slug: "arvato") { name version } }');
  expect(after).toEqual(won[0].body.data.updateSupplier);
  expect(after.version).toBe(supplier.version + 1);
  const { auditLog } = await server.data(
    `query ($id: ID!) { auditLog(filter: { entity: $id }) { totalCount } }`,
    { id: supplier.id },
    keys.admin,
  );
  expect(auditLog.totalCount).toBe(1);
});

test('text is stored trimmed and in NFC: a decomposed accent and padding are not a second spelling', async () => {
  const decomposed = '  Sode\u0301xo   Tre\u0301sor \n';
  const { createSupplier } = await server.data(
    'mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { name slug } }',
    { input: { name: decomposed } },
    keys.editor,
  );
  expect(createSupplier.name).toBe('Sod\u00e9xo   Tr\u00e9sor');
  expect(createSupplier.name).toBe(createSupplier.name.normalize('NFC'));
  const found = await server.data('{ search(text: "Sodéxo") { text } }');
  expect(found.search.map((h: any) => h.text)).toContain('Sod\u00e9xo   Tr\u00e9sor');
});
