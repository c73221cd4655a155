import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';

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
  close(): Promise<void>;
}

/**
 * A budget of query cost per client and window: in memory (one instance), or in Redis when REDIS_URL is
 * set, so several instances enforce one shared budget.
 */
export function createCostLimiter(config: Pick<Config, 'REDIS_URL' | 'RATE_LIMIT_POINTS' | 'RATE_LIMIT_WINDOW_SECONDS'>): CostLimiter {
  const options = { points: config.RATE_LIMIT_POINTS, duration: config.RATE_LIMIT_WINDOW_SECONDS, keyPrefix: 'atlas-cost' };
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  const limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
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
    async close() {
      await redis?.quit();
    },
  };
}
