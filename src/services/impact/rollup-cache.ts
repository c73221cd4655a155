import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { dataVersion } from '../data-version';
import { computeImpact, type ImpactRequest, type ImpactResult } from './impact';

/**
 * Roll-ups kept until the data changes. One per server, created by `startServer` from ROLLUP_CACHE_GROUPS
 * and handed to every request's context; 0 groups keeps nothing (each request computes its own).
 */
export class RollupCache {
  private readonly cache: LRUCache<string, ImpactResult[], ImpactRequest> | null;

  /**
   * Keeps up to `maxGroups` roll-up groups (about 800 bytes each), least recently used out first. A single
   * roll-up larger than half of that (a CONTRACT roll-up of a big atlas) is computed and not kept, so that
   * one request cannot empty the cache.
   */
  constructor(
    private readonly ds: DataSource,
    maxGroups: number,
  ) {
    this.cache =
      maxGroups === 0
        ? null
        : new LRUCache<string, ImpactResult[], ImpactRequest>({
            maxSize: maxGroups,
            maxEntrySize: Math.max(1, Math.floor(maxGroups / 2)),
            sizeCalculation: (groups) => groups.length + 1,
            fetchMethod: (_key, _stale, { context }) => computeImpact(ds, context),
          });
  }

  /**
   * A roll-up, from the cache when the data has not changed since it was computed. The data version is part
   * of the key, so a write makes every older entry unreachable (they age out). Concurrent requests for the
   * same roll-up share one computation. The measures computed on first use (offshored jobs, members,
   * provenance) are kept with the groups, so they too are computed once per version (by whichever request
   * first selects them; should a write land in between, that request reads the newer data for them).
   */
  async rollUp(request: ImpactRequest): Promise<ImpactResult[]> {
    if (!this.cache) return computeImpact(this.ds, request);
    const key = JSON.stringify([
      await dataVersion(this.ds),
      request.groupBy,
      request.filter ?? null,
      request.restrictTo ?? null,
      request.top ?? null,
      request.measures ?? null,
    ]);
    return [...((await this.cache.fetch(key, { context: request })) ?? [])];
  }
}
