import { generate } from '../bench/datagen';
import { HeavyWorkGate, ServerBusyError } from '../src/limits/admission';
import { startTestServer, type TestServer } from './support/test-server';

// Admission control: a bounded number of roll-ups and exports run at once; the rest wait briefly, then
// are refused with 503 and Retry-After — never queued until memory runs out, never an exit.
test('the gate: slots in arrival order, a released slot handed straight to the next waiter, a long wait refused', async () => {
  const gate = new HeavyWorkGate(2, 100);
  const a = await gate.admit();
  const b = await gate.admit();
  const order: string[] = [];
  const c = gate.admit().then((release) => (order.push('c'), release));
  const d = gate.admit().then((release) => (order.push('d'), release));
  expect(gate.stats()).toEqual({ running: 2, waiting: 2, slots: 2 });
  a();
  a(); // a second release of one slot changes nothing
  const releaseC = await c;
  expect(gate.stats()).toEqual({ running: 2, waiting: 1, slots: 2 });
  await expect(d).rejects.toBeInstanceOf(ServerBusyError);
  expect(order).toEqual(['c']);
  b();
  releaseC();
  expect(gate.stats()).toEqual({ running: 0, waiting: 0, slots: 2 });
});

describe('through the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      seed: false,
      env: { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE_MS: '1', RESPONSE_CACHE_MB: '0', ROLLUP_CACHE_GROUPS: '0' },
    });
    await generate(server.dataSource, { contracts: 3000, seed: 2 });
  }, 60_000);
  afterAll(() => server?.stop());

  test('roll-ups past the heavy slots are 503 SERVER_BUSY with Retry-After; light queries are never held; the server carries on', async () => {
    // Roll-ups by two dimensions of the contracts of two statuses: no kept rows hold them, so they sum their
    // contracts (every unfiltered pair is kept, and read in milliseconds here: too quick to hold a slot
    // while the next arrives). One read from kept rows (a kept pair, few groups) is light work, like the
    // list: it never waits for a slot.
    const rollUp = (dimensions: string, filter = 'filter: { statuses: [AWARDED, TRANSFERRED] }') =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ impact(groupBy: [${dimensions}] ${filter} first: 5) { contractCount jobsAffected { low high basedOn } } }`,
        }),
      }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as any }));
    const answers: Array<{ status: number; retryAfter?: string | null; body: any }> = await Promise.all([
      rollUp('SUPPLIER, YEAR'),
      rollUp('PUBLIC_BODY, YEAR'),
      rollUp('SUPPLIER, SERVICE'),
      rollUp('PUBLIC_BODY, SUPPLIER_COUNTRY'),
      rollUp('UNION, YEAR', ''),
      server.query('{ unions(first: 1) { totalCount } }'),
    ]);
    const light = answers.pop() as { status: number };
    expect(light.status).toBe(200);
    const kept = answers.pop() as { status: number; body: any };
    expect([kept.status, kept.body.errors]).toEqual([200, undefined]);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) {
      expect(a.body.errors[0].extensions).toMatchObject({ code: 'SERVER_BUSY', retryAfter: 1 });
      expect(a.retryAfter).toBe('1');
    }
    for (const a of answers.filter((x) => x.status !== 503)) expect([a.status, a.body.errors]).toEqual([200, undefined]);
    // Once the slot is free, the same roll-up goes through.
    expect((await rollUp('SUPPLIER, YEAR')).status).toBe(200);
  });

  test('an export past the heavy slots is 503 SERVER_BUSY with Retry-After, as JSON before any CSV', async () => {
    const csv = server.url.replace('/graphql', '/export/contracts.csv');
    const answers = await Promise.all(
      [fetch(csv), fetch(csv), fetch(csv)].map((p) =>
        p.then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), text: await r.text() })),
      ),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) {
      expect(JSON.parse(a.text).errors[0].extensions).toEqual({ code: 'SERVER_BUSY', retryAfter: 1 });
      expect(a.retryAfter).toBe('1');
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
  });
});
