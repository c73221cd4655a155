import { badUserInput } from '../../errors';
import { OrderDirection } from '../../schema/enums';
import { ImpactOrderField } from '../../schema/orders';
import type { RangeRow } from './range-sql';
import type { ImpactResult } from './impact';

const RANGE_OF: Record<Exclude<ImpactOrderField, 'KEY' | 'CONTRACT_COUNT'>, (g: ImpactResult) => RangeRow | Promise<RangeRow>> = {
  [ImpactOrderField.JOBS_AFFECTED]: (g) => g.jobsAffected,
  [ImpactOrderField.JOBS_AT_RISK]: async (g) => (await g.jobsOffshored()).atRisk,
  [ImpactOrderField.SAVINGS_PER_YEAR]: (g) => g.savingsClaimed.perYear,
  [ImpactOrderField.SAVINGS_TOTAL]: (g) => g.savingsClaimed.total,
  [ImpactOrderField.MONEY_LOST]: (g) => g.moneyLost,
  [ImpactOrderField.MEMBERS_REPRESENTED]: (g) => g.membersRepresented(),
};

const compareRanges = (a: RangeRow, b: RangeRow) => a.low - b.low || (a.high ?? Infinity) - (b.high ?? Infinity) || 0;

/** Orders groups that arrive sorted by key; ties keep key order (the sort is stable). */
export async function sortGroups(groups: ImpactResult[], field: ImpactOrderField, direction: OrderDirection): Promise<ImpactResult[]> {
  if (field === ImpactOrderField.KEY) return direction === OrderDirection.ASC ? [...groups] : [...groups].reverse();
  const sign = direction === OrderDirection.ASC ? 1 : -1;
  if (field === ImpactOrderField.CONTRACT_COUNT) return [...groups].sort((a, b) => sign * (a.contractCount - b.contractCount) || 0);
  // The measure of each group first (one statement for all of them when it is a lazily computed one).
  const ranges = await Promise.all(groups.map(RANGE_OF[field]));
  return groups
    .map((group, i) => ({ group, range: ranges[i] }))
    .sort((a, b) => sign * compareRanges(a.range, b.range) || 0)
    .map(({ group }) => group);
}

/**
 * The first `first` groups in the order asked for (every group when `first` is null): the top twenty
 * suppliers by jobs affected without executing, loading and sending the other hundred thousand.
 */
export async function topGroups(
  groups: ImpactResult[], field: ImpactOrderField, direction: OrderDirection, first: number | null,
): Promise<ImpactResult[]> {
  if (first != null && first < 1) throw badUserInput('first', `must be at least 1, not ${first}; leave it out for every group.`);
  const sorted = await sortGroups(groups, field, direction);
  return first == null ? sorted : sorted.slice(0, first);
}
