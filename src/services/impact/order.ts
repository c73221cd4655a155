import type { DataSource } from 'typeorm';
import { OrderDirection } from '../../schema/enums';
import type { ImpactDimension } from '../../schema/enums';
import { ImpactOrderField } from '../../schema/orders';
import { isPostgres } from '../sql';
import { keptKey, NUMERIC_DIMENSIONS } from './dimensions';
import { keptHigh, type RangeRow } from './range-sql';
import type { ImpactResult } from './impact';
import type { TotalsMeasure } from './totals-measures';

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
async function sortGroups(groups: ImpactResult[], field: ImpactOrderField, direction: OrderDirection): Promise<ImpactResult[]> {
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

/** The first groups of a roll-up in an order: what the database can pick by itself (see `topOrderSql`). */
export interface GroupTop {
  field: ImpactOrderField;
  direction: OrderDirection;
  first: number;
}

/** The measures of the totals row (`groupTotals`), by the prefix of their columns. */
const TOTALS_PREFIX: Partial<Record<ImpactOrderField, Exclude<TotalsMeasure, 'contested'>>> = {
  [ImpactOrderField.JOBS_AFFECTED]: 'jobs',
  [ImpactOrderField.SAVINGS_PER_YEAR]: 'save_year',
  [ImpactOrderField.SAVINGS_TOTAL]: 'save_total',
  [ImpactOrderField.MONEY_LOST]: 'lost',
};

/** The totals measure an order reads, if it orders by one. */
export const orderMeasure = (field: ImpactOrderField): TotalsMeasure | undefined => TOTALS_PREFIX[field];

/** Whether the totals statement can order and cut the groups itself: its own columns, and a group key. */
export const topInTotals = (field: ImpactOrderField, groupBy: ImpactDimension[]) =>
  groupBy.length > 0 && (field === ImpactOrderField.KEY || field === ImpactOrderField.CONTRACT_COUNT || field in TOTALS_PREFIX);

/**
 * A top as the totals statements take it: the ORDER BY (`topOrderSql`), how many groups, and the stored
 * column it orders by first (a count, or a measure's low), if it orders by one.
 */
export interface SqlTop {
  orderBy: string;
  /** The same order over kept rows as stored (`readKept`): keys as text, a measure's high in its parts. */
  keptOrderBy: string;
  first: number;
  lead?: { column: string; descending: boolean };
}

/**
 * The stored column an order sorts by first — the count, or a measure's low (never null in kept rows) —
 * or undefined for the key order. `topOrderSql` leads with it, and the SQLite cut (`readKept`) relies on that.
 */
const leadingColumn = (field: ImpactOrderField) =>
  field === ImpactOrderField.CONTRACT_COUNT ? 'contract_count' : TOTALS_PREFIX[field] && `${TOTALS_PREFIX[field]}_low`;

/** How an ORDER BY names the rows' `t` keys and a measure's high: as shaped for the API, or as kept. */
interface SortTerms {
  key(dimension: ImpactDimension, i: number): string;
  high(measure: string): string;
}
const SHAPED: SortTerms = { key: (_d, i) => `t.k${i}`, high: (x) => `t.${x}_high` };
const STORED: SortTerms = { key: (d, i) => keptKey(d, `t.k${i}`), high: (x) => keptHigh(`t.${x}`) };

/** The statements' form of a top: its ORDER BY (over shaped rows and over kept rows), and the column that leads it. */
export function sqlTop(ds: DataSource, groupBy: ImpactDimension[], top: GroupTop): SqlTop {
  const column = leadingColumn(top.field);
  const descending = top.direction === OrderDirection.DESC;
  return {
    orderBy: topOrderSql(ds, groupBy, top, SHAPED),
    keptOrderBy: topOrderSql(ds, groupBy, top, STORED),
    first: top.first,
    ...(column ? { lead: { column, descending } } : {}),
  };
}

/**
 * ORDER BY for the totals rows `t` that sorts them as `sortGroups` does: the measure (a range by its lower
 * bound, then its upper bound, open-ended highest), ties by key ascending (numbers numerically, text by
 * code point, null last). So a roll-up asked for its top twenty suppliers sends and shapes twenty rows,
 * not one per supplier (the whole SUPPLIER roll-up at 100,000 contracts: 10,000 rows, about 60 ms of the
 * event loop a request to read and sort).
 */
function topOrderSql(ds: DataSource, groupBy: ImpactDimension[], { field, direction }: GroupTop, terms: SortTerms): string {
  // Null (none, or an open-ended high) sorts as the highest value: last going up, first going down. Said
  // with NULLS LAST / FIRST (both databases), not a leading `x IS NULL` term: SQLite worked each group's
  // key out once per term, which was half the time of picking the top 100 of buyer × supplier's 3M kept
  // rows (2.2 → 1.2 s).
  const sorted = (column: string, dir: 'ASC' | 'DESC') => `${column} ${dir} NULLS ${dir === 'ASC' ? 'LAST' : 'FIRST'}`;
  const keys = (dir: 'ASC' | 'DESC') =>
    groupBy.map((d, i) => sorted(`${terms.key(d, i)}${NUMERIC_DIMENSIONS.has(d) || !isPostgres(ds) ? '' : ' COLLATE "C"'}`, dir));
  const dir = direction === OrderDirection.ASC ? 'ASC' : 'DESC';
  if (field === ImpactOrderField.KEY) return keys(dir).join(', ');
  const lead = leadingColumn(field);
  if (!lead) throw new Error(`${field} is not a column of the totals rows (see topInTotals)`);
  // A measure's ties by its high; a count has none.
  const high = field === ImpactOrderField.CONTRACT_COUNT ? [] : [sorted(terms.high(TOTALS_PREFIX[field]!), dir)];
  return [`t.${lead} ${dir}`, ...high, ...keys('ASC')].join(', ');
}

/**
 * The first `first` groups in the order asked for (every group when `first` is null): the top twenty
 * suppliers by jobs affected without executing, loading and sending the other hundred thousand.
 */
export async function topGroups(
  groups: ImpactResult[],
  field: ImpactOrderField,
  direction: OrderDirection,
  first: number | null,
): Promise<ImpactResult[]> {
  const sorted = await sortGroups(groups, field, direction);
  return first == null ? sorted : sorted.slice(0, first);
}
