import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { readApart } from '../database/request-scope';
import { type ApiKey } from '../entities/api-key';
import { findLiveKey, parseKey, secretMatches } from './api-keys';

/**
 * Checks bearer tokens without paying scrypt on every request. A token whose lookup names no live key is
 * refused after one indexed read (no hash at all: a made-up token costs the server almost nothing). A live
 * key's row is read on every request, so a revocation takes effect at once; only the scrypt comparison is
 * remembered, by a digest of the whole token and the stored hash it matched (or failed to match).
 */
export class KeyVerifier {
  private readonly outcomes = new LRUCache<string, boolean>({ max: 10_000 });

  constructor(private readonly ds: DataSource) {}

  async verify(token: string): Promise<ApiKey | null> {
    const parsed = parseKey(token);
    if (!parsed) return null;
    const record = await readApart(() => findLiveKey(this.ds, parsed.lookup));
    if (!record) return null;
    const memo = createHash('sha256').update(token).update('\0').update(record.secretHash).digest('base64');
    let matches = this.outcomes.get(memo);
    if (matches === undefined) {
      matches = await secretMatches(parsed.secret, record.secretHash);
      this.outcomes.set(memo, matches);
    }
    return matches ? record : null;
  }
}

/** The live key a bearer token stands for, or null (malformed, unknown, revoked or wrong secret alike). */
export const verifyApiKey = (ds: DataSource, token: string): Promise<ApiKey | null> => new KeyVerifier(ds).verify(token);
