import { OrderDirection } from '../../schema/enums';
import { ImpactOrderField } from '../../schema/orders';
import type { RangeRow } from './range-sql';
import type { ImpactResult } from './impact';

const RANGE_OF: Record<Exclude<ImpactOrderField, 'KEY' | 'CONTRACT_COUNT'>, (g: ImpactResult) => RangeRow> = {
  [ImpactOrderField.JOBS_AFFECTED]: (g) => g.jobsAffected,
  [ImpactOrderField.JOBS_AT_RISK]: (g) => g.jobsOffshored.atRisk,
  [ImpactOrderField.SAVINGS_PER_YEAR]: (g) => g.savingsClaimed.perYear,
  [ImpactOrderField.SAVINGS_TOTAL]: (g) => g.savingsClaimed.total,
  [ImpactOrderField.MONEY_LOST]: (g) => g.moneyLost,
  [ImpactOrderField.MEMBERS_REPRESENTED]: (g) => g.membersRepresented,
};

const compareRanges = (a: RangeRow, b: RangeRow) => a.low - b.low || (a.high ?? Infinity) - (b.high ?? Infinity) || 0;

/** Orders groups that arrive sorted by key; ties keep key order (the sort is stable). */
export function sortGroups(groups: ImpactResult[], field: ImpactOrderField, direction: OrderDirection): ImpactResult[] {
  if (field === ImpactOrderField.KEY) return direction === OrderDirection.ASC ? groups : [...groups].reverse();
  const sign = direction === OrderDirection.ASC ? 1 : -1;
  const compare =
    field === ImpactOrderField.CONTRACT_COUNT
      ? (a: ImpactResult, b: ImpactResult) => a.contractCount - b.contractCount
      : (a: ImpactResult, b: ImpactResult) => compareRanges(RANGE_OF[field](a), RANGE_OF[field](b));
  return [...groups].sort((a, b) => sign * compare(a, b) || 0);
}
