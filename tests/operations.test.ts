import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open';
import { healthRoutes } from '../src/http/health';
import { type RunningServer, startServer } from '../src/server';
import { loadSeed } from '../seed/load';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Running the service: masked internal errors with a request id that the JSON log also has, health and
// readiness, CORS from an allow-list, request ids, and draining on stop.
let database: TestDatabase;
let ds: DataSource;
let server: RunningServer;
const lines: Array<Record<string, any>> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ds = await openDatabase(database.target);
  await loadSeed(ds);
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', CORS_ORIGINS: 'https://research.example.org' });
  server = await startServer(ds, { port: 0, host: '127.0.0.1', config, logger: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  if (ds.isInitialized) await ds.destroy();
  await database?.drop();
});

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const base = () => server.url.replace(/\/graphql$/, '');

test('an internal error is masked: no SQL, no stack, no path — and its request id leads to the logged cause', async () => {
  await ds.query('ALTER TABLE trade_union RENAME TO trade_union_gone');
  try {
    const response = await post({ query: '{ unions { totalCount } }' }, { 'x-request-id': 'test-request-0001' });
    const body = (await response.json()) as any;
    expect(response.headers.get('x-request-id')).toBe('test-request-0001');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'test-request-0001' },
      }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/trade_union|SELECT|sqlite|relation|stack|\/work\/|\.ts/i);
    const logged = lines.find((l) => l.requestId === 'test-request-0001' && l.msg === 'unexpected error in GraphQL');
    expect(logged?.err?.message).toMatch(/trade_union/);
  } finally {
    await ds.query('ALTER TABLE trade_union_gone RENAME TO trade_union');
  }
});

test('client errors keep their message but never a stack trace', async () => {
  const body = (await (await post({ query: '{ contracts(first: -1) { totalCount } }' })).json()) as any;
  expect(body.errors[0].message).toMatch(/first/);
  expect(body.errors[0].extensions.stacktrace).toBeUndefined();
});

test('every request is logged as one JSON line with its id, operation, status, duration and cost', async () => {
  await post({ query: 'query CountUnions { unions { totalCount } }' }, { 'x-request-id': 'test-request-0002' });
  await new Promise((r) => setTimeout(r, 20));
  const line = lines.find((l) => l.requestId === 'test-request-0002' && l.msg === 'request');
  expect(line).toMatchObject({
    method: 'POST',
    path: '/graphql',
    status: 200,
    operationName: 'CountUnions',
    cost: expect.any(Number),
    client: 'ip:127.0.0.1',
  });
  expect(line!.durationMs).toBeGreaterThan(0);
});

test('CORS: an allowed origin is granted, another is not', async () => {
  const preflight = (origin: string) =>
    fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  expect((await preflight('https://research.example.org')).headers.get('access-control-allow-origin')).toBe('https://research.example.org');
  expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
});

test('/healthz and /readyz answer while all is well', async () => {
  expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${base()}/readyz`)).json()).toEqual({ status: 'ready' });
});

test('/readyz is 503 when the database does not answer, and while draining', async () => {
  const serve = async (query: () => Promise<unknown>, draining: boolean) => {
    const app = express().use(healthRoutes({ query } as unknown as DataSource, () => draining));
    const listener = app.listen(0);
    await new Promise((r) => listener.once('listening', r));
    const { port } = listener.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    listener.close();
    return [response.status, await response.json()];
  };
  expect(await serve(() => Promise.reject(new Error('connection refused')), false)).toEqual([503, { status: 'database unreachable' }]);
  expect(await serve(() => Promise.resolve([]), true)).toEqual([503, { status: 'draining' }]);
});

test('stopping lets a request in flight finish, then refuses new connections', async () => {
  const inFlight = post({
    query: '{ contracts(first: 9) { edges { node { title buyers { name } figures { wording citations { quote } } } } } }',
  });
  await new Promise((r) => setTimeout(r, 1));
  const stopped = server.stop();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(((await response.json()) as any).data.contracts.edges).toHaveLength(9);
  await stopped;
  await expect(fetch(`${base()}/healthz`)).rejects.toThrow();
  await ds.destroy();
});
