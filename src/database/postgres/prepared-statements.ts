import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** Runs of one text on a connection before it is prepared: a statement asked once or twice is not kept. */
export const RUNS_BEFORE_PREPARING = 3;
/** Texts one connection keeps prepared; past it, new texts run unnamed as before (memory stays bounded). */
export const PREPARED_PER_CONNECTION = 200;
/** Texts counted while they wait for their third run; the count starts again when it is full. */
const COUNTED_PER_CONNECTION = 1000;

const wrapped = Symbol('prepares repeated statements');
const naming = Symbol('names the statements it prepares');

type Query = PoolClient['query'];

/**
 * Statements a connection runs again and again (a page's, a roll-up's, an export part's) are prepared once
 * by name, so PostgreSQL parses and plans them once per connection instead of at every run: planning was
 * 0.5–2 ms of each export statement's 2–13 ms (1,600 statements a 100,000-row export), and PostgreSQL's
 * time is shared with the server's on the same cores. The JDBC driver's rule: prepare on the third run, keep
 * a bounded number per connection. PostgreSQL re-plans a prepared statement by itself when a table it reads
 * changes, and chooses between a generic plan and one per run from what it measures (plan_cache_mode).
 * Texts are counted by their hash, so the counts hold no statement text; a prepared statement is named by its
 * hash (the same on every connection) and found again by its text, so the statements run most are not hashed
 * at every run (the hash was about 35 µs of the main thread a statement of an export part).
 */
export function prepareRepeatedStatements(pool: Pool): void {
  pool.on('acquire', (client: PoolClient & { [wrapped]?: true; [naming]?: (text: string) => string | undefined }) => {
    if (client[wrapped]) return;
    client[wrapped] = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const runs = new Map<string, number>();
    // A prepared statement's name by its text: the statements run most are found without hashing them again.
    const names = new Map<string, string>();
    const nameOf = (text: string) => {
      let name = names.get(text);
      if (name === undefined && names.size < PREPARED_PER_CONNECTION) {
        const hash = createHash('sha1').update(text).digest('base64url');
        const run = (runs.get(hash) ?? 0) + 1;
        if (run < RUNS_BEFORE_PREPARING) {
          if (runs.size >= COUNTED_PER_CONNECTION) runs.clear();
          runs.set(hash, run);
        } else {
          runs.delete(hash);
          name = `atlas_${hash}`;
          names.set(text, name);
        }
      }
      return name;
    };
    client[naming] = nameOf;
    client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      // Only TypeORM's form, a text with parameters and no callback: a text without parameters may hold
      // several statements, which a prepared statement cannot.
      if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined)
        return query(config, values, callback);
      const name = nameOf(config);
      return name ? query({ name, text: config, values }) : query(config, values);
    }) as Query;
  });
}

/**
 * The name a statement with parameters runs under on this connection (counting this run towards preparing
 * it), or none: for a caller that sends the statement itself rather than through `query` (snapshots.ts).
 */
export const preparedName = (client: PoolClient, text: string): string | undefined =>
  (client as PoolClient & { [naming]?: (text: string) => string | undefined })[naming]?.(text);
