import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { ApiKey } from '../entities/api-key';
import { Role } from '../schema/enums';

const scrypt = promisify(scryptCallback) as (secret: string, salt: Buffer, length: number) => Promise<Buffer>;
const HASH_BYTES = 32;
const PREFIX = 'atlas';

/** `scrypt$<salt>$<hash>`: Node's scrypt with its default cost (N = 16384), a fresh 16-byte salt per key. */
async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, HASH_BYTES);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scrypt(secret, Buffer.from(saltHex, 'hex'), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Keys look like `atlas_<lookup>_<secret>`: the lookup finds the row, the secret is compared to its hash. */
export function parseKey(token: string): { lookup: string; secret: string } | null {
  const match = /^atlas_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { lookup: match[1], secret: match[2] } : null;
}

export const ROLES = Object.values(Role);

/** What a key may be named, for the CLI and the API alike. */
export const KEY_NAME = /^[\w.@-]{1,100}$/;
export const KEY_NAME_RULE = 'use 1–100 letters, digits, ".", "@", "_" or "-".';

/** Makes a key. The returned `key` is the only copy of the secret: it is not stored and cannot be shown again. */
export async function createApiKey(db: DataSource | EntityManager, name: string, role: Role): Promise<{ key: string; record: ApiKey }> {
  if (!KEY_NAME.test(name)) throw new Error(`name: ${KEY_NAME_RULE}`);
  if (!ROLES.includes(role)) throw new Error(`role: must be one of ${ROLES.join(', ')}.`);
  if (await db.getRepository(ApiKey).existsBy({ name })) throw new Error(`name: a key named "${name}" already exists.`);
  const lookup = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record = await db.getRepository(ApiKey).save({ name, role, lookup, secretHash: await hashSecret(secret), revokedAt: null });
  return { key: `${PREFIX}_${lookup}_${secret}`, record };
}

/** Revokes a key by name; it stops working at once. Returns false when there is no such live key. */
export async function revokeApiKey(db: DataSource | EntityManager, name: string): Promise<boolean> {
  const result = await db.getRepository(ApiKey).update({ name, revokedAt: IsNull() }, { revokedAt: new Date() });
  return (result.affected ?? 0) > 0;
}

export function listApiKeys(ds: DataSource): Promise<ApiKey[]> {
  return ds.getRepository(ApiKey).find({ order: { id: 'ASC' } });
}

/** The live (unrevoked) key row with this lookup, if any. */
export function findLiveKey(ds: DataSource, lookup: string): Promise<ApiKey | null> {
  return ds.getRepository(ApiKey).findOneBy({ lookup, revokedAt: IsNull() });
}
