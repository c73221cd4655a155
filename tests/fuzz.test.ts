import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { startTestServer, type TestServer } from './support/test-server';

// Thousands of hostile requests from a fixed seed: garbage bodies and content types, and operations built
// from the schema with wrong argument types, fragment cycles, alias floods and deep nesting. Every answer
// must be a well-formed GraphQL error or a 4xx — never a 5xx, never an internal error — and the server must
// still answer a normal query afterwards.
const SEED = 20261124;
// A failure is shrunk by re-sending ever smaller requests; bounded, so that a real failure is reported in
// minutes rather than spending CI's time (it once found NUL bytes that only PostgreSQL refuses).
const RUN = { seed: SEED, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true };
let server: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_POINTS: '100000000' } });
  schema = await buildAtlasSchema();
});
afterAll(() => server?.stop());

type Gen = fc.GeneratorValue;

// fc.gen remembers each draw by comparing its arguments deeply; schema objects are cyclic, so draw an index.
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })];

async function send(method: string, contentType: string | null, body: string | undefined, query = '') {
  const headers: Record<string, string> = { 'apollo-require-preflight': '1' };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(`${server.url}${query}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

/** The invariant: no 5xx; a JSON answer is a GraphQL response whose errors are well formed and never internal. */
function check(answer: { status: number; text: string; type: string }, label: string) {
  expect([label, answer.status < 500]).toEqual([label, true]);
  if (!/json/.test(answer.type)) return;
  const body = JSON.parse(answer.text);
  for (const result of Array.isArray(body) ? body : [body]) {
    expect([label, 'data' in result || 'errors' in result]).toEqual([label, true]);
    for (const error of result.errors ?? []) {
      expect([label, typeof error.message]).toEqual([label, 'string']);
      expect([label, error.extensions?.code]).not.toEqual([label, 'INTERNAL_SERVER_ERROR']);
    }
  }
}

const junkValue = (g: Gen): string =>
  g(
    fc.constantFrom,
    ...[
      '"text"',
      '-1',
      '0',
      '2147483648',
      '1e309',
      '3.7',
      'true',
      'null',
      '[]',
      '["a", 1]',
      '{}',
      '{ a: 1 }',
      'NOT_AN_ENUM',
      '"\\u0000"',
      `"${'x'.repeat(5000)}"`,
      '"🙂ünïcödé"',
      '"Q29udHJhY3Q6MQ=="',
      '"' + Buffer.from('Bogus:1').toString('base64') + '"',
    ],
  );

function value(g: Gen, type: GraphQLInputType, depth = 0): string {
  if (g(fc.integer, { min: 0, max: 4 }) === 0 || depth > 2) return junkValue(g);
  if (isNonNullType(type)) return value(g, type.ofType, depth);
  if (isListType(type))
    return `[${Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () => value(g, type.ofType, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(() => g(fc.boolean));
    return `{ ${fields.map((f) => `${f.name}: ${value(g, f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float')) return String(g(fc.integer, { min: -5, max: 150 }));
  return JSON.stringify(g(fc.string, { maxLength: 12 }));
}

function args(g: Gen, list: readonly GraphQLArgument[]): string {
  const chosen = list.filter((a) => isNonNullType(a.type) || g(fc.boolean));
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${value(g, a.type)}`).join(', ')})` : '';
}

function selection(g: Gen, type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type))
    return `{ __typename ${type
      .getTypes()
      .slice(0, 2)
      .map((t) => `... on ${t.name} ${selection(g, t, depth + 1)}`)
      .join(' ')} }`;
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const picked = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => pick(g, fields));
  const parts = picked.map((f) => {
    const named = getNamedType(f.type);
    const leaf = isScalarType(named) || isEnumType(named);
    if (!leaf && depth > 3) return '__typename';
    return `${f.name}${args(g, f.args)} ${leaf ? '' : selection(g, named, depth + 1)}`;
  });
  if (g(fc.integer, { min: 0, max: 9 }) === 0) parts.push('noSuchField');
  return `{ ${parts.join(' ')} }`;
}

function operation(g: Gen): string {
  const kind = g(fc.constantFrom, 'query', 'query', 'query', 'mutation', 'cycle', 'aliases', 'deep', 'garbage') as string;
  if (kind === 'cycle')
    return 'query { publicBodies { ...A } } fragment A on PublicBodyConnection { ...B } fragment B on PublicBodyConnection { ...A }';
  if (kind === 'aliases')
    return `{ ${Array.from({ length: g(fc.integer, { min: 10, max: 400 }) }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  if (kind === 'deep') {
    const n = g(fc.integer, { min: 5, max: 300 });
    return `{ publicBody(slug: "dwp") { ${'parent { '.repeat(n)}name${' }'.repeat(n)} } }`;
  }
  if (kind === 'garbage') return g(fc.string, { maxLength: 200 });
  const root = kind === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
  const field = pick(g, Object.values(root.getFields()));
  const named = getNamedType(field.type);
  const leaf = isScalarType(named) || isEnumType(named);
  return `${kind} { ${field.name}${args(g, field.args)} ${leaf ? '' : selection(g, named, 1)} }`;
}

test('2,000 generated operations built from the schema: only well-formed errors or 4xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.gen(), fc.gen(), async (g, h) => {
      const query = operation(g);
      const variables = h(fc.option, fc.jsonValue({ maxDepth: 3 }), { nil: undefined });
      check(await send('POST', 'application/json', JSON.stringify({ query, variables })), query.slice(0, 300));
    }),
    { ...RUN, numRuns: 2000 },
  );
}, 300_000);

test('1,000 malformed requests: junk bodies, wrong content types and methods, odd query strings', async () => {
  const body = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 1, max: 3 }).map((n) => JSON.stringify({ query: '{ __typename }', extra: 'x'.repeat(n * 60_000) })),
    fc.constant('{"query": "{ __typename }", "variables": "not an object"}'),
    fc.constant('{"query": 42}'),
    fc.constant('[{"query": "{ __typename }"}, 7, null]'),
    fc.constant('{"query": "{ __typename }"'),
    fc.constant('\u0000\u0001\u0002'),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/graphql-response+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'garbage/type',
    null,
  );
  const method = fc.constantFrom('POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH');
  const search = fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 60 }).map((s) => `?query=${encodeURIComponent(s)}`),
    fc.constant('?query=mutation%7B__typename%7D'),
    fc.constant('?query=%7B__typename%7D&variables=%7Bbroken'),
    fc.constant('?query[]=1&query[]=2'),
  );
  await fc.assert(
    fc.asyncProperty(method, contentType, body, search, async (m, type, b, q) => {
      check(await send(m, type, b, q), `${m} ${type} ${q} ${b.slice(0, 100)}`);
    }),
    { ...RUN, numRuns: 1000 },
  );
}, 300_000);

test('600 hostile shapes: deeply nested variables, one list variable in many filters, CSV parameters named after prototype members', async () => {
  const nested = fc
    .record({ depth: fc.integer({ min: 1, max: 6000 }), list: fc.boolean(), get: fc.boolean() })
    .map(({ depth, list, get }) => {
      const inner = list ? '['.repeat(depth) + '"x"' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const variables = `{"f":{"search":${inner}}}`;
      const query = 'query($f: ContractFilter) { contracts(filter: $f) { totalCount } }';
      return get
        ? {
            method: 'GET',
            type: null,
            body: undefined,
            path: `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`,
          }
        : { method: 'POST', type: 'application/json', body: `{"query":${JSON.stringify(query)},"variables":${variables}}`, path: '' };
    });
  const repeated = fc
    .record({
      size: fc.integer({ min: 0, max: 2500 }),
      filters: fc.subarray(['buyers', 'suppliers', 'unions', 'offshoreLocations'], { minLength: 1 }),
    })
    .map(({ size, filters }) => ({
      method: 'POST',
      type: 'application/json',
      path: '',
      body: JSON.stringify({
        query: `query($s: [String!]) { contracts(filter: { ${filters.map((f) => `${f}: $s`).join(', ')} }) { totalCount } impactTotals(filter: { ${filters.map((f) => `${f}: $s`).join(', ')} }) { contractCount } }`,
        variables: { s: Array.from({ length: size }, (_, i) => `slug-${i}`) },
      }),
    }));
  const csv = fc
    .record({
      file: fc.constantFrom('contracts.csv', 'impact.csv'),
      name: fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'),
        fc.string({ maxLength: 12 }),
      ),
      value: fc.string({ maxLength: 20 }),
    })
    .map(({ file, name, value }) => ({
      method: 'GET',
      type: null,
      body: undefined,
      path: `/export/${file}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
    }));
  await fc.assert(
    fc.asyncProperty(fc.oneof(nested, repeated, csv), async (r) => {
      const answer = r.path.startsWith('/export/')
        ? await fetch(server.url.replace('/graphql', '') + r.path).then(async (res) => ({
            status: res.status,
            text: await res.text(),
            type: res.headers.get('content-type') ?? '',
          }))
        : await send(r.method, r.type, r.body, r.path);
      check(answer, `${r.method} ${r.path.slice(0, 120)} ${(r.body ?? '').slice(0, 120)}`);
    }),
    { ...RUN, numRuns: 600 },
  );
}, 300_000);

test('after all that, the server answers a normal query', async () => {
  const { status, body } = await server.query('{ contracts(first: 1) { totalCount } }');
  expect(status).toBe(200);
  expect(body.data.contracts.totalCount).toBe(9);
});
