import type { DataSource } from 'typeorm';
import { authenticate } from '../src/auth/principal';
import { KeyVerifier, verifyApiKey } from '../src/auth/verified-keys';
import { createApiKey, listApiKeys, parseKey, revokeApiKey } from '../src/auth/api-keys';
import { ApiKey } from '../src/entities/api-key';
import { Role } from '../src/schema/enums';
import { finishRequest, type RequestScope, withinRequest } from '../src/database/request-scope';
import { openDatabase } from '../src/database/open';
import { createTestDatabase, openTestDatabase } from './support/test-database';

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

test('a key is shown once and stored only as a salted scrypt hash', async () => {
  const { key, record } = await createApiKey(ds, 'hash-check', Role.EDITOR);
  const parsed = parseKey(key)!;
  expect(parsed.lookup).toBe(record.lookup);
  const [row] = await ds.query(`SELECT * FROM api_key WHERE name = 'hash-check'`);
  expect(JSON.stringify(row)).not.toContain(parsed.secret);
  expect(row.secret_hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
  // Two keys never share a salt, so equal secrets would not give equal hashes.
  const other = await createApiKey(ds, 'hash-check-2', Role.EDITOR);
  expect(other.record.secretHash.split('$')[1]).not.toBe(record.secretHash.split('$')[1]);
});

test('verification: the right key passes; a wrong secret, an unknown lookup or garbage does not', async () => {
  const { key } = await createApiKey(ds, 'verify', Role.ADMIN);
  expect((await verifyApiKey(ds, key))?.name).toBe('verify');
  const flipped = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
  expect(await verifyApiKey(ds, flipped)).toBeNull();
  expect(await verifyApiKey(ds, key.replace(/^atlas_[0-9a-f]{16}/, 'atlas_0000000000000000'))).toBeNull();
  expect(await verifyApiKey(ds, 'atlas_nope')).toBeNull();
});

test('revoking stops a key at once; revoking twice says there was nothing to revoke', async () => {
  const { key } = await createApiKey(ds, 'revoke-me', Role.EDITOR);
  expect(await revokeApiKey(ds, 'revoke-me')).toBe(true);
  expect(await verifyApiKey(ds, key)).toBeNull();
  expect(await revokeApiKey(ds, 'revoke-me')).toBe(false);
  const listed = (await listApiKeys(ds)).find((k) => k.name === 'revoke-me')!;
  expect(listed.revokedAt).toBeInstanceOf(Date);
});

test('names are unique and roles are checked', async () => {
  await createApiKey(ds, 'unique', Role.EDITOR);
  await expect(createApiKey(ds, 'unique', Role.ADMIN)).rejects.toThrow(/already exists/);
  await expect(createApiKey(ds, 'x', 'god' as Role)).rejects.toThrow(/role/);
  await expect(createApiKey(ds, 'has space', Role.EDITOR)).rejects.toThrow(/name/);
  expect(await ds.getRepository(ApiKey).countBy({ name: 'x' })).toBe(0);
});

test('the Authorization header: none, malformed, invalid, valid', async () => {
  const { key, record } = await createApiKey(ds, 'header', Role.EDITOR);
  const keys = new KeyVerifier(ds);
  const live = { kind: 'key', principal: { keyName: 'header', role: Role.EDITOR }, lookup: record.lookup };
  expect(await authenticate(keys, undefined)).toEqual({ kind: 'none' });
  expect(await authenticate(keys, `Basic ${key}`)).toEqual({ kind: 'invalid' });
  expect(await authenticate(keys, 'Bearer atlas_x')).toEqual({ kind: 'invalid' });
  expect(await authenticate(keys, `Bearer ${key}`)).toEqual(live);
  expect(await authenticate(keys, `bearer  ${key} `)).toEqual(live);
});

test('a remembered key check still sees a revocation at once, and a wrong secret stays wrong', async () => {
  const { key } = await createApiKey(ds, 'remembered', Role.EDITOR);
  const keys = new KeyVerifier(ds);
  expect((await keys.verify(key))?.name).toBe('remembered');
  expect((await keys.verify(key))?.name).toBe('remembered');
  const wrong = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
  expect(await keys.verify(wrong)).toBeNull();
  expect(await keys.verify(wrong)).toBeNull();
  await revokeApiKey(ds, 'remembered');
  expect(await keys.verify(key)).toBeNull();
});

test("a key is read apart from the request's snapshot, or in it once the request holds one", async () => {
  // One reader (SQLite), one pooled connection (PostgreSQL): a request holding it must not wait for another.
  const database = await createTestDatabase();
  const server = await openDatabase(database.target, false, undefined, {
    readers: 1,
    snapshots: true,
    poolSize: 1,
    acquireTimeoutMs: 5_000,
  });
  try {
    const { key } = await createApiKey(server, 'apart', Role.EDITOR);
    // Nothing read yet: the key opens no snapshot (on PostgreSQL that would cost START and COMMIT).
    const fresh: RequestScope = { deadline: Date.now() + 10_000 };
    expect((await withinRequest(fresh, () => verifyApiKey(server, key)))?.name).toBe('apart');
    expect(fresh.snapshot).toBeUndefined();
    await finishRequest(fresh);
    // Holding a snapshot: the key is read in it, not by a second reader or connection that never comes.
    const holding: RequestScope = { deadline: Date.now() + 10_000 };
    const name = await withinRequest(holding, async () => {
      await server.query('SELECT COUNT(*) AS n FROM api_key');
      expect(holding.snapshot).toBeDefined();
      return (await verifyApiKey(server, key))?.name;
    });
    expect(name).toBe('apart');
    await finishRequest(holding);
  } finally {
    await server.destroy();
    await database.drop();
  }
}, 20_000);
