import { bool, cleanEnv, num, port, str, url } from 'envalid';

/** How the server opens its database, from its settings: reader threads, lock waits and statement limits. */
export const serverDatabaseOptions = (config: Config) => ({
  lockWaitMs: config.SQLITE_LOCK_WAIT_MS,
  readers: config.SQLITE_READERS,
  snapshots: true,
  preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
  poolSize: config.DATABASE_POOL_SIZE,
  idleTimeoutMs: config.DATABASE_IDLE_TIMEOUT_MS,
});

/** Every setting the server reads, validated once at start-up (see the table in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = cleanEnv(env, {
    PORT: port({ default: 4000, desc: 'HTTP port the API listens on.' }),
    HOST: str({ default: '0.0.0.0', desc: 'Interface to bind.' }),
    DATABASE_URL: url({ default: undefined, desc: 'postgres://… to use PostgreSQL instead of the embedded SQLite file.' }),
    DATABASE_PATH: str({ default: 'data/atlas.sqlite', desc: 'SQLite file, used when DATABASE_URL is unset.' }),
    SEED_ON_START: str({
      choices: ['if-empty', 'never'],
      default: 'if-empty',
      desc: 'Load the seed data when the database holds no sources.',
    }),
    NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
    SQL_LOG: str({ choices: ['on', 'off'], default: 'off', desc: 'Log every SQL statement.' }),
    LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
    CORS_ORIGINS: str({ default: '', desc: 'Comma-separated origins browsers may call from; empty: none.' }),
    REDIS_URL: url({ default: undefined, desc: 'redis://… to share rate limits between instances; unset: in memory.' }),
    REDIS_KEY_PREFIX: str({
      default: 'atlas-cost',
      desc: 'Prefix of the rate-limit keys in Redis (several deployments can share one Redis).',
    }),
    MAX_PAGE_SIZE: num({ default: 100, desc: 'Largest `first`/`last`.' }),
    MAX_DEPTH: num({ default: 12, desc: 'Deepest field nesting in an operation.' }),
    MAX_ALIASES: num({ default: 30, desc: 'Most aliases in an operation.' }),
    MAX_ROOT_FIELDS: num({ default: 15, desc: 'Most top-level fields in an operation.' }),
    MAX_COST: num({ default: 100_000, desc: 'Largest estimated cost of one operation.' }),
    MAX_BODY_BYTES: num({ default: 100_000, desc: 'Largest request body.' }),
    MAX_BATCH: num({ default: 10, desc: 'Most operations in one batched request (1: no batching).' }),
    REQUEST_TIMEOUT_MS: num({ default: 10_000, desc: 'Longest an operation may execute.' }),
    RATE_LIMIT_POINTS: num({ default: 200_000, desc: 'Cost a client may spend per window.' }),
    RATE_LIMIT_WINDOW_SECONDS: num({ default: 60, desc: 'Length of the rate-limit window.' }),
    SHUTDOWN_GRACE_MS: num({ default: 30_000, desc: 'Longest to wait for in-flight requests on SIGTERM.' }),
    CACHE_MAX_AGE: num({ default: 60, desc: 'Seconds a public read may be cached (Cache-Control max-age); 0: never.' }),
    RESPONSE_CACHE_MB: num({ default: 64, desc: 'Memory for answers kept until the data changes; 0: none.' }),
    ROLLUP_CACHE_GROUPS: num({ default: 250_000, desc: 'Roll-up groups kept between requests until the data changes; 0: none.' }),
    SQLITE_LOCK_WAIT_MS: num({
      default: 10_000,
      desc: "Longest a SQLite write waits for another connection's write lock before DATABASE_BUSY.",
    }),
    HEAVY_CONCURRENCY: num({ default: 2, desc: 'Roll-ups and exports that may run at once in this instance; the rest wait.' }),
    HEAVY_QUEUE_MS: num({ default: 3_000, desc: 'Longest a roll-up or export waits for a free slot before 503 SERVER_BUSY.' }),
    SQLITE_READERS: num({
      default: 4,
      desc: 'Threads that run SQLite reads off the event loop, one request at a time each; 0: read on the main thread.',
    }),
    DATABASE_POOL_SIZE: num({
      default: 8,
      desc: 'PostgreSQL: pooled connections; each executing request holds one for its reads, so this is how many run at once.',
    }),
    DATABASE_ACQUIRE_TIMEOUT_MS: num({ default: 5_000, desc: 'PostgreSQL: longest a request waits for a pooled connection.' }),
    DATABASE_IDLE_TIMEOUT_MS: num({
      default: 600_000,
      desc: 'PostgreSQL: how long a pooled connection may sit idle before it is closed; 0: never.',
    }),
    DATABASE_PREPARED_STATEMENTS: bool({
      default: true,
      desc: 'PostgreSQL: prepare statements a connection runs again and again; false behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).',
    }),
    HEAP_GROWING_PERCENT: num({
      default: 100,
      desc: "How far V8's heap may grow past what its last full collection kept before the next (percent); 0: V8's own heuristic.",
    }),
    TRUST_PROXY: bool({ default: false, desc: 'Take the client address from X-Forwarded-For (behind a proxy).' }),
  });
  wholeNumbers(config, 1, [
    'MAX_PAGE_SIZE',
    'MAX_DEPTH',
    'MAX_ALIASES',
    'MAX_ROOT_FIELDS',
    'MAX_COST',
    'MAX_BODY_BYTES',
    'MAX_BATCH',
    'REQUEST_TIMEOUT_MS',
    'HEAVY_CONCURRENCY',
    'HEAVY_QUEUE_MS',
    'SQLITE_LOCK_WAIT_MS',
    'DATABASE_ACQUIRE_TIMEOUT_MS',
    'DATABASE_POOL_SIZE',
    'RATE_LIMIT_POINTS',
    'RATE_LIMIT_WINDOW_SECONDS',
    'SHUTDOWN_GRACE_MS',
  ]);
  // 0 turns each of these off.
  wholeNumbers(config, 0, [
    'DATABASE_IDLE_TIMEOUT_MS',
    'HEAP_GROWING_PERCENT',
    'SQLITE_READERS',
    'CACHE_MAX_AGE',
    'RESPONSE_CACHE_MB',
    'ROLLUP_CACHE_GROUPS',
  ]);
  // Node runs a timer of more than 2^31 - 1 ms after 1 ms: "never" would close connections at once.
  atMost(config, 'DATABASE_IDLE_TIMEOUT_MS', 2 ** 31 - 1, '0 keeps idle connections for good');
  atMost(config, 'HEAP_GROWING_PERCENT', 1_000, "0 leaves V8's own heuristic");
  return config;
}

export type Config = ReturnType<typeof loadConfig>;

/** envalid's `num` takes any number; these settings count things, so each must be whole and at least `min`. */
function wholeNumbers<K extends string>(config: Readonly<Record<K, number>>, min: 0 | 1, keys: readonly K[]) {
  for (const key of keys) {
    const value = config[key];
    if (!Number.isInteger(value) || value < min) throw new Error(`${key} must be a whole number, ${min} or more, not ${value}.`);
  }
}

function atMost<K extends string>(config: Readonly<Record<K, number>>, key: K, max: number, instead: string) {
  if (config[key] > max) throw new Error(`${key} must be at most ${max}, not ${config[key]} (${instead}).`);
}
