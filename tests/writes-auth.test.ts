import { type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { parseKey } from '../src/auth/api-keys';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { dumpDatabase } from './support/dump';
import { makeTestKeys, type TestKeys } from './support/keys';
import { startTestServer, type TestServer } from './support/test-server';

// The auth matrix for every mutation in the schema (no key, revoked key, editor, admin), each sent with a
// well-typed but meaningless input: the key is checked before the input, so the answers say only what
// the key may do — and none of these requests may change anything.
let server: TestServer;
let keys: TestKeys;
let mutations: Array<{ name: string; input: string }>;

/** A GraphQL literal of the right type for every required field (nulls for the rest). */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return '[]';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isScalarType(type) && type.name === 'JSONObject') return '{}';
  if (isScalarType(type) && type.name === 'Boolean') return 'false';
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float')) return '1';
  return '"x"';
}

beforeAll(async () => {
  server = await startTestServer();
  keys = await makeTestKeys(server.dataSource);
  const schema = await buildAtlasSchema();
  mutations = Object.values(schema.getMutationType()!.getFields()).map((field) => ({
    name: field.name,
    input: literal(field.args.find((a) => a.name === 'input')!.type),
  }));
});
afterAll(() => server?.stop());

/** Mutations only an admin may call. */
const adminOnly = (name: string) =>
  name.startsWith('archive') || name.endsWith('ApiKey') || ['importOcds', 'undoPartyMatch'].includes(name);

/** A token that is not a live key is refused before anything runs (401); everything else executes (200). */
const call = async (m: { name: string; input: string }, key?: string, expectedStatus = 200) => {
  const returned = getNamedType((await buildAtlasSchema()).getMutationType()!.getFields()[m.name].type);
  const { status, body } = await server.query(`mutation { ${m.name}(input: ${m.input}) { __typename } }`, undefined, key);
  expect([m.name, status, returned.name]).toEqual([m.name, expectedStatus, returned.name]);
  return body.errors?.[0]?.extensions?.code as string | undefined;
};

test('there is a create, update and archive mutation for every type, and the contract links', () => {
  const names = mutations.map((m) => m.name);
  for (const type of [
    'Source',
    'PublicBody',
    'Supplier',
    'Union',
    'OffshoreLocation',
    'Person',
    'PersonRole',
    'Contract',
    'Offshoring',
    'Quantity',
    'Claim',
    'Event',
    'Citation',
  ]) {
    expect(names).toEqual(expect.arrayContaining([`create${type}`, `update${type}`, `archive${type}`]));
  }
  for (const link of ['Buyer', 'Supplier', 'Union']) {
    expect(names).toEqual(expect.arrayContaining([`linkContract${link}`, `unlinkContract${link}`]));
  }
});

test('every mutation: no key and a revoked key are UNAUTHENTICATED, an editor archiving or managing keys is FORBIDDEN, and none of them changes anything', async () => {
  const before = await dumpDatabase(server.dataSource);
  for (const m of mutations) {
    expect([m.name, await call(m)]).toEqual([m.name, 'UNAUTHENTICATED']);
    expect([m.name, await call(m, keys.revoked, 401)]).toEqual([m.name, 'UNAUTHENTICATED']);
    if (adminOnly(m.name)) expect([m.name, await call(m, keys.editor)]).toEqual([m.name, 'FORBIDDEN']);
  }
  expect(await dumpDatabase(server.dataSource)).toEqual(before);
});

test('every mutation: past the key check, an editor (all but archive) and an admin (all) get an answer or BAD_USER_INPUT', async () => {
  // Some minimal inputs are valid (a supplier needs only a name); the rest are refused as input, never as
  // an auth problem and never as an internal error.
  for (const m of mutations) {
    const permitted = [undefined, 'BAD_USER_INPUT'];
    if (!adminOnly(m.name)) expect([m.name, permitted.includes(await call(m, keys.editor))]).toEqual([m.name, true]);
    expect([m.name, permitted.includes(await call(m, keys.admin))]).toEqual([m.name, true]);
  }
});

test('a malformed bearer token and a wrong secret are UNAUTHENTICATED, like no key', async () => {
  const m = mutations.find((x) => x.name === 'createSupplier')!;
  const wrongSecret = keys.editor.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  for (const key of ['nonsense', wrongSecret]) expect(await call(m, key, 401)).toBe('UNAUTHENTICATED');
});

test.each([
  ['the audit log', '{ auditLog(first: 1) { totalCount } }'],
  ['the key list', '{ apiKeys { name } }'],
])('%s is for admins only', async (_, q) => {
  expect((await server.query(q)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect((await server.query(q, undefined, keys.editor)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
  expect((await server.query(q, undefined, keys.admin)).body.errors).toBeUndefined();
});

test('reads stay public without a key and with a live one; a token that is not a live key is refused, even on reads', async () => {
  const q = '{ suppliers(first: 1) { totalCount } }';
  const anonymous = (await server.query(q)).body;
  expect(anonymous.data.suppliers.totalCount).toBeGreaterThan(0);
  const withKey = await server.query(q, undefined, keys.editor);
  expect([withKey.body.data, withKey.body.errors]).toEqual([anonymous.data, undefined]);
  for (const key of [keys.revoked, 'nonsense']) {
    const { status, body } = await server.query(q, undefined, key);
    expect([status, body.data, body.errors?.[0]?.extensions?.code]).toEqual([401, undefined, 'UNAUTHENTICATED']);
  }
});

test('an admin manages keys through the API: made (shown once), listed without secrets, revoked, audited', async () => {
  const made = await server.data(
    `mutation { createApiKey(input: { name: "api-made", role: EDITOR }) { key apiKey { name role revokedAt } } }`,
    {},
    keys.admin,
  );
  expect(made.createApiKey.apiKey).toEqual({ name: 'api-made', role: 'EDITOR', revokedAt: null });
  const key = made.createApiKey.key;
  expect(
    (await server.query('mutation { createSupplier(input: { name: "Made With API Key" }) { name } }', undefined, key)).body.errors,
  ).toBeUndefined();
  const { apiKeys } = await server.data('{ apiKeys { name role } }', {}, keys.admin);
  expect(apiKeys).toEqual(expect.arrayContaining([{ name: 'api-made', role: 'EDITOR' }]));
  expect(JSON.stringify(apiKeys)).not.toContain(parseKey(key)!.secret);
  await server.data('mutation { revokeApiKey(input: { name: "api-made" }) { revokedAt } }', {}, keys.admin);
  expect(
    (await server.query('mutation { createSupplier(input: { name: "Too Late" }) { name } }', undefined, key)).body.errors![0].extensions!
      .code,
  ).toBe('UNAUTHENTICATED');
  const again = await server.query('mutation { revokeApiKey(input: { name: "api-made" }) { name } }', undefined, keys.admin);
  expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  const { auditLog } = await server.data(
    '{ auditLog(filter: { entityTypes: ["ApiKey"] }) { edges { node { operation after } } } }',
    {},
    keys.admin,
  );
  expect(auditLog.edges.map((e: any) => e.node.operation)).toEqual(expect.arrayContaining(['createApiKey', 'revokeApiKey']));
  expect(auditLog.edges.map((e: any) => e.node.after).join()).not.toMatch(/scrypt|secret/);
});
