import { randomBytes } from 'node:crypto';
import { createApiKey } from '../src/auth/api-keys';
import { ApiKey } from '../src/entities/api-key';
import { Role } from '../src/schema/enums';
import { startTestServer, type TestServer } from './support/test-server';

// A budget of query cost per client and window. In memory for one instance; through Redis (when
// TEST_REDIS_URL is set, as in CI) two instances spend one shared budget.
const QUERY = '{ unions(first: 2) { edges { node { name } } } }'; // costs 7: see extensions.cost
const COST = 7;

/** A client of its own for each test: a live key (the rate limit keys on a live key's lookup). */
const freshClient = async (server: TestServer) =>
  (await createApiKey(server.dataSource, `client-${randomBytes(6).toString('hex')}`, Role.EDITOR)).key;
/** A token of the right shape that is no key: what a client forging budgets would send. */
const madeUpKey = () => `atlas_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;

async function spend(server: TestServer, key: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('in memory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_POINTS: String(COST * 3), RATE_LIMIT_WINDOW_SECONDS: '60', MAX_COST: '100' } });
  });
  afterAll(() => server?.stop());

  test('three queries fit the budget, the fourth is 429 with Retry-After; every answer states the budget', async () => {
    const key = await freshClient(server);
    const seen = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await spend(server, key);
      expect(r.status).toBe(200);
      expect(r.body.extensions.cost).toMatchObject({ requestedQueryCost: COST, throttleStatus: { maximumAvailable: COST * 3 } });
      seen.push(Number(r.headers.get('ratelimit-remaining')));
      expect(r.headers.get('ratelimit-limit')).toBe(String(COST * 3));
    }
    expect(seen).toEqual([COST * 2, COST, 0]);
    const refused = await spend(server, key);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.data).toBeUndefined();
  });

  test('clients have budgets of their own', async () => {
    const [a, b] = [await freshClient(server), await freshClient(server)];
    for (let i = 0; i < 3; i += 1) expect((await spend(server, a)).status).toBe(200);
    expect((await spend(server, a)).status).toBe(429);
    expect((await spend(server, b)).status).toBe(200);
  });

  test('made-up keys get no budget of their own: each is refused as UNAUTHENTICATED (401) and charged to the address', async () => {
    const anonymous = await startTestServer({ env: { RATE_LIMIT_POINTS: String(COST * 3), RATE_LIMIT_WINDOW_SECONDS: '60' } });
    try {
      const plain = async (authorization?: string) => {
        const response = await fetch(anonymous.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: QUERY }),
        });
        return { status: response.status, headers: response.headers, body: (await response.json()) as any };
      };
      const forged = await plain(`Bearer ${madeUpKey()}`);
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toMatch(/invalid_token/);
      expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(forged.body.data).toBeUndefined();
      // The forged request spent the address's budget: two anonymous reads are left, then 429.
      expect([(await plain()).status, (await plain()).status, (await plain()).status]).toEqual([200, 200, 429]);
      for (let i = 0; i < 6; i += 1) {
        const again = await plain(`Bearer ${madeUpKey()}`);
        expect(again.status).toBe(401);
        expect(again.body.data).toBeUndefined();
      }
      const csv = await fetch(anonymous.url.replace('/graphql', '/export/contracts.csv'), {
        headers: { authorization: `Bearer ${madeUpKey()}` },
      });
      expect(csv.status).toBe(401);
      expect(((await csv.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await anonymous.stop();
    }
  });

  test('a refused operation over MAX_COST spends nothing', async () => {
    const key = await freshClient(server);
    const tooBig = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ contracts(first: 100) { edges { node { title } } } }' }),
    });
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    for (let i = 0; i < 3; i += 1) expect((await spend(server, key)).status).toBe(200);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
(redisUrl ? describe : describe.skip)('shared through Redis (TEST_REDIS_URL)', () => {
  let one: TestServer;
  let two: TestServer;
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl!, RATE_LIMIT_POINTS: String(COST * 4), RATE_LIMIT_WINDOW_SECONDS: '60' };
    one = await startTestServer({ env });
    two = await startTestServer({ env });
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
  });

  test('two instances enforce one budget: spending alternates between them and runs out once', async () => {
    // Two instances of one deployment share one database; these test servers have one each, so the key is copied.
    const key = await freshClient(one);
    const row = await one.dataSource.getRepository(ApiKey).findOneByOrFail({ lookup: key.split('_')[1] });
    await two.dataSource.getRepository(ApiKey).insert({ ...row, id: undefined });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await spend(i % 2 === 0 ? one : two, key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
