import { parse } from 'graphql';
import { operationCost } from '../src/limits/cost';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { startTestServer, type TestServer } from './support/test-server';

// Each limit: just under passes, just over is refused with its code, before any database work.
const LIMITS = { MAX_DEPTH: '4', MAX_ALIASES: '3', MAX_ROOT_FIELDS: '3', MAX_COST: '200', MAX_BODY_BYTES: '2000', MAX_BATCH: '3' };
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: LIMITS });
});
afterAll(() => server?.stop());

/** Sends the query and reports the status, the first error's code and message, and the SQL it cost. */
async function attempt(query: string, variables?: Record<string, unknown>) {
  server.statements.reset();
  const { status, body } = await server.query(query, variables);
  // Statements that touch the data: reading the data version (the answer cache's key) does not count.
  const sql = server.statements.statements.filter((statement) => !statement.includes('"data_version"')).length;
  return { status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message ?? '', sql, body };
}

const depth = (levels: number) => `{ publicBody(slug: "dwp") { ${'parent { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;

test('depth: 4 levels pass, 5 are refused', async () => {
  expect((await attempt(depth(4))).status).toBe(200);
  const over = await attempt(depth(5));
  expect(over).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', sql: 0 });
  expect(over.message).toBe('Query depth limit of 4 exceeded, found 5.');
});

test('depth counts fragments too', async () => {
  const over = await attempt(`{ publicBody(slug: "dwp") { ...P } } fragment P on PublicBody { parent { parent { parent { name } } } }`);
  expect(over).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', sql: 0 });
});

test('aliases: 3 pass, 4 are refused', async () => {
  const aliases = (n: number) => `{ publicBody(slug: "dwp") { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } }`;
  expect((await attempt(aliases(3))).status).toBe(200);
  const over = await attempt(aliases(4));
  expect(over).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', sql: 0 });
  expect(over.message).toMatch(/Aliases limit of 3 exceeded, found 4/);
});

test('root fields: 3 pass, 4 are refused', async () => {
  const roots = (fields: string[]) => `{ ${fields.join(' ')} }`;
  expect((await attempt(roots(['unions { totalCount }', 'sources { totalCount }', 'people { totalCount }']))).status).toBe(200);
  const over = await attempt(roots(['unions { totalCount }', 'sources { totalCount }', 'people { totalCount }', 'claims { totalCount }']));
  expect(over).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', sql: 0 });
  expect(over.message).toBe('An operation may ask for at most 3 top-level fields; this one asks for 4.');
});

test('cost: the largest page under 200 passes and reports its cost; one more item is refused', async () => {
  const query = 'query ($n: Int!) { contracts(first: $n) { edges { node { title } } } }';
  const schema = await buildAtlasSchema();
  const cost = (n: number) => operationCost(schema, parse(query), { n });
  let n = 1;
  while (cost(n + 1) <= 200) n += 1;
  expect(n).toBeLessThan(100); // the boundary is the cost's, not the page size's
  const under = await attempt(query, { n });
  expect(under.status).toBe(200);
  expect(under.body.extensions!.cost.requestedQueryCost).toBe(cost(n));
  const over = await attempt(query, { n: n + 1 });
  expect(over).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', sql: 0 });
  expect(over.body.errors![0].extensions).toMatchObject({ cost: cost(n + 1), maximumCost: 200 });
});

test('page size: first 100 passes, 101 is BAD_USER_INPUT (not a silent clamp)', async () => {
  expect((await attempt('{ claims(first: 100) { totalCount } }')).status).toBe(200);
  const over = await attempt('{ claims(first: 101) { totalCount } }');
  expect(over).toMatchObject({ code: 'BAD_USER_INPUT', sql: 0 });
});

test('page size: the MAX_PAGE_SIZE the server is started with bounds every connection, root and nested', async () => {
  // Larger than the default of 100 the environment gives: no copy of the limit read elsewhere may refuse 120.
  const large = await startTestServer({ env: { MAX_PAGE_SIZE: '150' } });
  try {
    for (const query of [
      '{ claims(first: 120) { totalCount } }',
      '{ claims(last: 120) { totalCount } }',
      '{ unions { edges { node { contracts(first: 120) { totalCount } } } } }',
    ]) {
      expect((await large.query(query)).body.errors).toBeUndefined();
      const { body } = await large.query(query.replace('120', '151'));
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(body.errors?.[0].message).toMatch(/^(first|last): must be between 0 and 150, not 151/);
    }
  } finally {
    await large.stop();
  }
});

const post = (body: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('body size: 2000 bytes pass, 2001 are 413', async () => {
  const sized = (bytes: number) => {
    const bare = JSON.stringify({ query: '{ __typename }\n#' });
    return JSON.stringify({ query: `{ __typename }\n#${'x'.repeat(bytes - bare.length)}` });
  };
  expect(Buffer.byteLength(sized(2000))).toBe(2000);
  expect((await post(sized(2000))).status).toBe(200);
  const over = await post(sized(2001));
  expect(over.status).toBe(413);
  expect(await over.json()).toEqual({
    errors: [{ message: 'The request body is larger than this server accepts.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
  });
});

test('batches: 3 operations pass, 4 are refused', async () => {
  const batch = (n: number) => JSON.stringify(Array.from({ length: n }, () => ({ query: '{ __typename }' })));
  const ok = await post(batch(3));
  expect(ok.status).toBe(200);
  expect(await ok.json()).toHaveLength(3);
  const over = await post(batch(4));
  expect(over.status).toBe(400);
  expect(((await over.json()) as any).errors[0].extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 3, count: 4 });
});

describe('execution timeout', () => {
  let slow: TestServer;
  let relaxed: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '1' } });
    relaxed = await startTestServer();
  });
  afterAll(async () => {
    await slow?.stop();
    await relaxed?.stop();
  });

  test('an operation past its deadline stops starting resolvers and says TIMEOUT', async () => {
    const query =
      '{ contracts(first: 9) { edges { node { title buyers { name contracts { edges { node { title suppliers { role } } } } } } } } }';
    const { status, body } = await slow.query(query);
    expect(status).toBe(200);
    expect(body.errors!.map((e) => e.extensions!.code)).toContain('TIMEOUT');
    // The same operation with time to spare completes.
    expect((await relaxed.query(query)).body.errors).toBeUndefined();
  });
});
