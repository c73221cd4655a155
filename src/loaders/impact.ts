import DataLoader from 'dataloader';
import type { ContractFilter } from '../schema/filters';
import { ImpactKey } from '../schema/impact-types';
import { type ImpactDimension } from '../schema/enums';
import { KEY_FIELD } from '../services/impact/dimensions';
import { emptyImpact, type ImpactResult } from '../services/impact/impact';
import type { RollupCache } from '../services/impact/rollup-cache';
import { BATCH } from './batch';
import { groupBy } from '../util/group-by';

export interface EntityImpactKey {
  dimension: ImpactDimension;
  id: number;
  filter?: ContractFilter | null;
}

/**
 * `PublicBody.impact`, `Supplier.impact` …: the entity's group of a roll-up by its own dimension.
 * All entities asked for in one request (with the same filter) share one roll-up restricted to them.
 */
export function entityImpactLoader(rollups: RollupCache) {
  return new DataLoader<EntityImpactKey, ImpactResult, string>(
    async (keys) => {
      const batches = groupBy([...keys], (k) => JSON.stringify([k.dimension, k.filter ?? null]));
      const found = new Map<string, ImpactResult>();
      for (const batch of batches.values()) {
        const { dimension, filter } = batch[0];
        const groups = await rollups.rollUp({ filter, groupBy: [dimension], restrictTo: batch.map((k) => k.id) });
        for (const group of groups) {
          const id = (group.key as unknown as Record<string, unknown>)[KEY_FIELD[dimension]];
          found.set(JSON.stringify([dimension, filter ?? null, id]), group);
        }
      }
      return keys.map(
        (k) =>
          found.get(JSON.stringify([k.dimension, k.filter ?? null, k.id])) ??
          emptyImpact(Object.assign(new ImpactKey(), { [KEY_FIELD[k.dimension]]: k.id })),
      );
    },
    { ...BATCH, cacheKeyFn: (k) => JSON.stringify([k.dimension, k.filter ?? null, k.id]) },
  );
}
