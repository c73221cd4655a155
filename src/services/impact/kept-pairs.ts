import type { DataSource } from 'typeorm';
import { KEPT_PAIRS } from '../../migrations/shared/1795530000000-rollup-pairs';
import { WIDE_PAIRS } from '../../migrations/shared/1795540000000-rollup-wide-pairs';
import { ImpactDimension } from '../../schema/enums';
import type { ContractFilter } from '../../schema/filters';
import { runSql } from '../sql';
import type { SqlTop } from './order';
import { keptParts, readKept } from './statements';
import { TOTALS_MEASURES, type TotalsMeasure } from './totals-measures';

type Row = Record<string, unknown>;

/**
 * The filters whose one value selects exactly the contracts of one kept group (the same rule, archived
 * parties and entries left out alike): the dimension, and for a slug the table that gives the group's key.
 */
const ONE_GROUP_FILTERS: Partial<Record<keyof ContractFilter, { dimension: ImpactDimension; slugOf?: string }>> = {
  statuses: { dimension: ImpactDimension.STATUS },
  sectors: { dimension: ImpactDimension.SECTOR },
  services: { dimension: ImpactDimension.SERVICE },
  offshoringStatuses: { dimension: ImpactDimension.OFFSHORING_STATUS },
  unions: { dimension: ImpactDimension.UNION, slugOf: 'trade_union' },
  offshoreLocations: { dimension: ImpactDimension.OFFSHORE_LOCATION, slugOf: 'offshore_location' },
};

/** Dimensions in which a contract has exactly one group: its roll-up by itself, of one group, is that group's summary. */
const ONE_GROUP_A_CONTRACT = new Set<ImpactDimension>([ImpactDimension.STATUS, ImpactDimension.YEAR]);

/**
 * Every kind of pair kept, as (d1, d2), in the order the rows hold them: each migration's kinds (its own
 * list is frozen with it).
 */
export const KEPT_PAIR_KINDS: ReadonlyArray<readonly [string, string]> = [...KEPT_PAIRS, ...WIDE_PAIRS];

const kept = (a: ImpactDimension, b: ImpactDimension) => KEPT_PAIR_KINDS.some(([d1, d2]) => d1 === a && d2 === b);

/**
 * A dimension written into the statement, not bound: PostgreSQL's `rollup_pair` is partitioned by the
 * dimensions, and a statement whose partitions are parameters never gets a generic plan (one that covers
 * every partition costs more than the custom plan of one), so it was planned again at every run (0.3 ms a
 * roll-up, more than running it). With the dimensions in the text the statement prunes its partitions
 * whatever the plan, and one with other parameters (a group's key, a top's size) is prepared and planned
 * once per connection. A dimension is one of the enum's names.
 */
function dimensionSql(dimension: string): string {
  if (!/^[A-Z_]+$/.test(dimension)) throw new Error(`not a dimension: ${dimension}`);
  return `'${dimension}'`;
}

/** Whether a filter selects every contract (no field set). */
const unfiltered = (filter: ContractFilter | null | undefined) => Object.values(filter ?? {}).every((value) => value == null);

/** The one group a filter narrows to, or null if it is anything else (several values, several fields, a search). */
function oneGroupOf(filter: ContractFilter | null | undefined) {
  const set = Object.entries(filter ?? {}).filter(([, value]) => value != null);
  if (set.length !== 1) return null;
  const [field, value] = set[0];
  const rule = ONE_GROUP_FILTERS[field as keyof ContractFilter];
  if (!rule || !Array.isArray(value) || value.length !== 1) return null;
  return { ...rule, value: String(value[0]) };
}

/**
 * Whether a roll-up's totals are read from kept rows — the summaries (every contract, by at most one
 * dimension), a group's summary or the kept pairs — rather than summed from its contracts: decided by its
 * shape alone, before anything runs (what admission control needs to know).
 */
export function readsKeptRows(filter: ContractFilter | null | undefined, groupBy: ImpactDimension[]): boolean {
  if (groupBy.includes(ImpactDimension.CONTRACT)) return false;
  if (unfiltered(filter)) {
    const [a, b] = groupBy;
    return groupBy.length <= 1 || (groupBy.length === 2 && (kept(a, b) || kept(b, a)));
  }
  const narrowed = groupBy.length <= 1 ? oneGroupOf(filter) : null;
  if (!narrowed) return false;
  if (groupBy.length === 0) return true;
  const [d] = groupBy;
  const f = narrowed.dimension;
  if (f === d) return ONE_GROUP_A_CONTRACT.has(d) || kept(d, d);
  return kept(f, d) || kept(d, f);
}

/**
 * groupTotals' rows read from the kept pairs (rollup_pair; see the RollupPairs migration) where a pair
 * answers the roll-up — every contract by two dimensions kept together, or one group's contracts by a
 * dimension kept with it — or from the group's own summary (the totals of one group's contracts), and null
 * where none does (the caller sums the contracts). One row per group returned, however many contracts
 * stand behind it.
 */
export async function keptPairTotals(
  ds: DataSource,
  filter: ContractFilter | null | undefined,
  groupBy: ImpactDimension[],
  top?: SqlTop,
  measures: readonly TotalsMeasure[] = TOTALS_MEASURES,
): Promise<Row[] | null> {
  if (groupBy.includes(ImpactDimension.CONTRACT)) return null;
  const parts = keptParts(measures);
  if (groupBy.length === 2 && unfiltered(filter)) {
    const [a, b] = groupBy;
    const [first, second] = kept(a, b) ? ['k1', 'k2'] : kept(b, a) ? ['k2', 'k1'] : [];
    if (!first || !second) return null;
    const [d1, d2] = kept(a, b) ? [a, b] : [b, a];
    const pairs = `SELECT ${first} AS k0, ${second} AS k1, ${parts} FROM rollup_pair
      WHERE d1 = ${dimensionSql(d1)} AND d2 = ${dimensionSql(d2)} AND contract_count > 0`;
    return readKept(ds, pairs, {}, groupBy, measures, top);
  }
  const narrowed = groupBy.length <= 1 ? oneGroupOf(filter) : null;
  if (!narrowed) return null;
  const f = narrowed.dimension;
  let key: string | null = narrowed.value;
  if (narrowed.slugOf) {
    const found = await runSql(ds, `SELECT id FROM ${narrowed.slugOf} WHERE slug = :slug AND archived_at IS NULL`, { slug: key });
    // No live party by that slug: the filter matches no contract.
    key = found.length ? String(found[0].id) : null;
  }
  if (groupBy.length === 0) {
    // The totals of one group's contracts: its own summary (one row, all zero for no contracts).
    const totals = `SELECT ${keptParts(measures, (c) => `COALESCE(SUM(${c}), 0)`)} FROM rollup_summary
      WHERE dimension = ${dimensionSql(f)} AND k = :key${key == null ? ' AND 1 = 0' : ''}`;
    return readKept(ds, totals, { key: key ?? '' }, [], measures);
  }
  if (key == null) return [];
  const [d] = groupBy;
  const params = { key };
  const pair = (fixed: 'k1' | 'k2', other: 'k1' | 'k2', d1: string, d2: string) =>
    `SELECT ${other} AS k0, ${parts} FROM rollup_pair
      WHERE d1 = ${dimensionSql(d1)} AND d2 = ${dimensionSql(d2)} AND ${fixed} = :key AND contract_count > 0`;
  if (f === d) {
    // The group itself, and the other groups of the same dimension its contracts are in.
    const itself = `SELECT k AS k0, ${parts} FROM rollup_summary WHERE dimension = ${dimensionSql(d)} AND k = :key AND contract_count > 0`;
    if (ONE_GROUP_A_CONTRACT.has(d)) return readKept(ds, itself, params, groupBy, measures, top);
    if (!kept(d, d)) return null;
    const groups = `${itself} UNION ALL ${pair('k1', 'k2', d, d)} UNION ALL ${pair('k2', 'k1', d, d)}`;
    return readKept(ds, groups, params, groupBy, measures, top);
  }
  if (kept(f, d)) return readKept(ds, pair('k1', 'k2', f, d), params, groupBy, measures, top);
  if (kept(d, f)) return readKept(ds, pair('k2', 'k1', d, f), params, groupBy, measures, top);
  return null;
}
