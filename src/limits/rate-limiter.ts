import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../http/logger';

export interface Budget {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface CostLimiter {
  /** Spends `points` of the client's budget for this window (even when refused: asking is not free). */
  spend(client: string, points: number): Promise<Budget>;
  /** What /readyz reports: null while the shared store answers (or none is configured), else why not. */
  degraded(): string | null;
  close(): Promise<void>;
}

/** How long a budget check waits for Redis before this instance counts on its own. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

/**
 * A budget of query cost per client and window: in memory (one instance), or in Redis when REDIS_URL is
 * set, so several instances enforce one shared budget. Redis is a helper, not a dependency: while it is
 * unreachable each instance keeps the budgets in memory (rate-limiter-flexible's insurance limiter), says
 * so once in the log and in /readyz, and goes on serving.
 */
export function createCostLimiter(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_KEY_PREFIX' | 'RATE_LIMIT_POINTS' | 'RATE_LIMIT_WINDOW_SECONDS'>,
  logger?: Logger,
): CostLimiter {
  const options = { points: config.RATE_LIMIT_POINTS, duration: config.RATE_LIMIT_WINDOW_SECONDS, keyPrefix: config.REDIS_KEY_PREFIX };
  const memory = new RateLimiterMemory(options);
  let redis: Redis | null = null;
  let down: string | null = null;
  const markDown = (why: string) => {
    if (!down)
      logger?.warn(
        { event: 'rate-limit-store-down', reason: why },
        "Redis is unreachable: rate limits are counted in this instance's memory until it is back",
      );
    down = why;
  };
  if (config.REDIS_URL) {
    // No offline queue and a short command timeout: with Redis gone, a request waits milliseconds for the
    // insurance limiter, not seconds for a reconnect (every query once answered 500 after up to 4.6 s).
    redis = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      lazyConnect: false,
    });
    redis.on('error', (error: Error) => markDown(error.message));
    redis.on('end', () => markDown('connection closed'));
    redis.on('ready', () => {
      if (down) logger?.info({ event: 'rate-limit-store-up' }, 'Redis is back: rate limits are shared again');
      down = null;
    });
  }
  const limiter = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory })
    : memory;
  const budget = (res: RateLimiterRes, allowed: boolean): Budget => ({
    allowed,
    limit: config.RATE_LIMIT_POINTS,
    remaining: Math.max(0, res.remainingPoints),
    resetMs: res.msBeforeNext,
  });
  return {
    async spend(client, points) {
      try {
        return budget(await limiter.consume(client, points), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return budget(rejection, false);
        throw rejection;
      }
    },
    degraded: () =>
      redis && (down || redis.status !== 'ready') ? `rate limits in memory: Redis is unreachable (${down ?? redis.status})` : null,
    async close() {
      if (!redis) return;
      await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
