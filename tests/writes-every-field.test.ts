import {
  type GraphQLInputField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { dumpDatabase } from './support/dump';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// For every field of every create input in the schema, one invalid value, sent in an otherwise valid
// input: refused as BAD_USER_INPUT naming that field, with the database unchanged. The field list comes
// from the schema, so a field added later is tested without anyone remembering to.
let server: TestServer;
let keys: TestKeys;
let fieldsOf: Record<string, GraphQLInputField[]>;
const id: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
  const d = await server.data(`{
    source(slug: "cambridgeshire-postpones-xansa-decision") { id }
    contract(slug: "cambridgeshire-back-office-xansa") { id }
    union(slug: "unison") { id }
    offshoreLocation(slug: "india") { id }
    people(first: 1) { edges { node { id } } }
  }`);
  Object.assign(id, {
    source: d.source.id,
    contract: d.contract.id,
    union: d.union.id,
    india: d.offshoreLocation.id,
    person: d.people.edges[0].node.id,
  });
  const schema = await buildAtlasSchema();
  fieldsOf = Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((t) => isInputObjectType(t) && /^Create\w+Input$/.test(t.name) && t.name !== 'CreateApiKeyInput')
      .map((t) => [t.name.replace(/^Create|Input$/g, ''), Object.values((t as any).getFields()) as GraphQLInputField[]]),
  );
});
afterAll(() => server?.stop());

const cite = () => [{ source: id.source, quote: 'postponed until January' }];

/** A valid input per type, so that the one bad field is the only thing wrong. */
const BASES: Record<string, () => Record<string, unknown>> = {
  Source: () => ({ title: 'S', kind: 'NEWS_REPORT' }),
  PublicBody: () => ({ name: 'B', kind: 'LOCAL_AUTHORITY', sector: 'LOCAL_GOVERNMENT' }),
  Supplier: () => ({ name: 'S' }),
  Union: () => ({ name: 'U' }),
  OffshoreLocation: () => ({ name: 'L', kind: 'REGION' }),
  Person: () => ({ name: 'P' }),
  PersonRole: () => ({ person: id.person, title: 'T', citations: cite() }),
  Contract: () => ({ title: 'C', status: 'PROPOSED' }),
  Offshoring: () => ({ contract: id.contract, location: id.india, status: 'ALLEGED', citations: cite() }),
  Quantity: () => ({
    measure: 'JOBS_AFFECTED',
    low: 1,
    high: 2,
    unit: 'JOBS',
    basis: 'RANGE',
    wording: 'a few',
    contract: id.contract,
    citations: cite(),
  }),
  Claim: () => ({ statement: 'S', stance: 'ASSERTS', proposition: 'P', union: id.union, citations: cite() }),
  Event: () => ({ kind: 'STRIKE', title: 'T', citations: cite() }),
  Citation: () => ({ subject: id.contract, source: id.source, quote: 'postponed until January' }),
};

/** One value of the field's type that its rules refuse. */
function invalid(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return invalid(type.ofType);
  if (isListType(type)) return [invalid(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return 'NOT_A_VALUE';
  if (isInputObjectType(named)) {
    if (named.name === 'PartialDateInput') return { month: 13 };
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, 'bogus']),
    );
  }
  switch (named.name) {
    case 'ID':
      return 'bogus';
    case 'Int':
      return 0;
    case 'Float':
      return -1;
    default:
      return '';
  }
}

const types = Object.keys(BASES);

test('every create input in the schema has a base here, so none escapes the test', () => {
  expect(Object.keys(fieldsOf).sort()).toEqual([...types].sort());
});

test.each(types)('every field of Create%sInput refuses an invalid value, naming the field, writing nothing', async (type) => {
  const before = await dumpDatabase(server.dataSource);
  for (const field of fieldsOf[type]) {
    const input = { ...BASES[type](), [field.name]: invalid(field.type) };
    const { body } = await server.query(
      `mutation ($input: Create${type}Input!) { create${type}(input: $input) { __typename } }`,
      { input },
      keys.admin,
    );
    const error = body.errors?.[0];
    expect([field.name, error?.extensions?.code]).toEqual([field.name, 'BAD_USER_INPUT']);
    expect([field.name, error?.message.includes(field.name)]).toEqual([field.name, true]);
  }
  expect(await dumpDatabase(server.dataSource)).toEqual(before);
});

test.each(types)("the base Create%sInput is valid (so the refusals above were the bad field's doing)", async (type) => {
  const { body } = await server.query(
    `mutation ($input: Create${type}Input!) { create${type}(input: $input) { __typename } }`,
    { input: BASES[type]() },
    keys.admin,
  );
  expect(body.errors).toBeUndefined();
});

test.each(types)('Update%sInput refuses a version below 1 and an id of another type', async (type) => {
  for (const [patch, field] of [
    [{ id: id.contract, version: 0 }, 'version'],
    [{ id: id.union, version: 1 }, 'id'],
  ] as const) {
    if (type === 'Union' && field === 'id') continue; // a union's id is the right type for a union
    if (type === 'Contract' && field === 'id') continue;
    const { body } = await server.query(
      `mutation ($input: Update${type}Input!) { update${type}(input: $input) { __typename } }`,
      { input: patch },
      keys.admin,
    );
    expect([field, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.message.includes(field)]).toEqual([field, 'BAD_USER_INPUT', true]);
  }
});
