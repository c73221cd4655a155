import type { DataSource } from 'typeorm';
import { Contract } from '../../entities';
import type { ContractFilter } from '../../schema/filters';
import { ImpactDimension } from '../../schema/enums';
import { applyContractFilter } from '../lists/contract-list';
import { inList, isPostgres } from '../sql';
import { DIMENSION_SQL, keptKey } from './dimensions';

/**
 * The rows every roll-up statement starts from: one per (contract, group) pair — `m(contract_id, k0, k1, …)`,
 * so a contract is counted once in each group it belongs to. Unique without DISTINCT: the selection has
 * each contract once (filters are subqueries, never joins) and each dimension's relation has each
 * (contract, value) pair once (link tables keyed by the pair, or DISTINCT in DIMENSION_SQL); a DISTINCT
 * here hashed every pair again (130 ms of the PUBLIC_BODY roll-up's 440 at 100,000 contracts, spilling to
 * disk on PostgreSQL). The roll-up property tests count every contract of every grouping. Returned as a CTE body with
 * named parameters, plus the join conditions that tie offshoring entries, unions and buyers to a group.
 */
export function membership(
  ds: DataSource,
  filter: ContractFilter | null | undefined,
  groupBy: ImpactDimension[],
  restrictTo?: unknown[],
  /** Work each contract's groups out from the dimensions' relations, never from contract_group (a check's oracle). */
  fromScratch = false,
) {
  const selection = ds.createQueryBuilder().select('c.id', 'id').from(Contract, 'c');
  applyContractFilter(selection, 'c', filter ?? {});
  // An entity's roll-up needs only its own contracts: select them by the dimension's index first, rather
  // than joining every contract to the dimension and discarding the rest.
  // A contract's own roll-up (every row of an export) selects its contracts by id: through the dimension's
  // relation, PostgreSQL multiplied the two id lists' selectivities, planned for 2 rows of 500 and joined
  // the offshoring entries by nested loop (12 ms a part of 500 contracts, 3 ms without).
  const byId = groupBy[0] === ImpactDimension.CONTRACT;
  if (restrictTo) {
    selection.andWhere(
      byId
        ? inList(ds, 'c.id', 'restrictTo')
        : `c.id IN (SELECT r.contract_id FROM (${DIMENSION_SQL[groupBy[0]]}) r WHERE ${inList(ds, 'r.k', 'restrictTo')})`,
      { restrictTo },
    );
  }
  // With no filter and no restriction every contract is in. PostgreSQL then aggregates a per-contract table
  // best by reading it whole (totals at 1M: 8.3 s by a million index lookups, 2.9 s by one pass); SQLite
  // is quicker with the lookups at every size measured (YEAR at 100k: 410 ms, against 875 ms).
  const everyContract = restrictTo == null && selection.expressionMap.wheres.length === 0;
  const readsWhole = isPostgres(ds) && everyContract;
  const keys = groupBy.map((_, i) => `k${i}`);
  // The CONTRACT dimension is the contract itself: its key is the id, with no relation to join.
  const own = (d: ImpactDimension) => d === ImpactDimension.CONTRACT;
  const restricted = (key: (i: number) => string) => (restrictTo && !byId ? ` AND ${inList(ds, key(0), 'restrictTo')}` : '');
  // Made on first use: a roll-up read from the kept summaries or pairs needs it only for a measure they do
  // not keep, and writing the query builder's SQL was a few per cent of such a request's CPU.
  const statement = () => {
    const from = `FROM (${selection.getQuery()}) s`;
    // Each contract's groups as the database keeps them (contract_group: one row a group, '' for none, looked
    // up by the contract's key), while no write is waiting in the summaries' queue (on SQLite, one made
    // outside a transaction); else worked out from the dimensions' relations. One statement either way, so
    // the queue is read in the same snapshot as the groups, and the planner runs one branch.
    const keptKeyOf = (d: ImpactDimension, i: number) => keptKey(d, `g${i}.k`);
    const kept = `SELECT s.id AS contract_id${groupBy.map((d, i) => `, ${own(d) ? 's.id' : keptKeyOf(d, i)} AS k${i}`).join('')}
      ${from}
      ${groupBy.map((d, i) => (own(d) ? '' : `JOIN contract_group g${i} ON g${i}.contract_id = s.id AND g${i}.dimension = '${d}'`)).join('\n    ')}
      WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty)${restricted((i) => keptKeyOf(groupBy[i], i))}`;
    const worked = `SELECT s.id AS contract_id${keys.map((k, i) => `, ${own(groupBy[i]) ? 's.id' : `d${i}.k`} AS ${k}`).join('')}
      ${from}
      ${groupBy.map((d, i) => (own(d) ? '' : `LEFT JOIN (${DIMENSION_SQL[d]}) d${i} ON d${i}.contract_id = s.id`)).join('\n    ')}
      WHERE 1 = 1${restricted((i) => `d${i}.k`)}`;
    return groupBy.every(own) || fromScratch ? worked : `${kept}\n    UNION ALL\n    ${worked} AND EXISTS (SELECT 1 FROM rollup_dirty)`;
  };
  let sql: string | undefined;

  const keyOf = (dimension: ImpactDimension) => {
    const i = groupBy.indexOf(dimension);
    return i < 0 ? null : `m.k${i}`;
  };
  const location = keyOf(ImpactDimension.OFFSHORE_LOCATION);
  const status = keyOf(ImpactDimension.OFFSHORING_STATUS);
  const union = keyOf(ImpactDimension.UNION);
  const body = keyOf(ImpactDimension.PUBLIC_BODY);

  return {
    /** The body of the `m` CTE. */
    get sql() {
      return (sql ??= statement());
    },
    params: { ...selection.getParameters(), ...(restrictTo ? { restrictTo } : {}) },
    keys,
    /** Whether every contract is selected: no filter and no restriction (what the kept summaries hold). */
    everyContract,
    /** A condition keeping the rows whose `column` is a selected contract (always true when all are). */
    // A contract's own roll-up names its contracts: the list itself lets the planner look each up by index
    // (PostgreSQL, given only `IN (SELECT … FROM m)`, hashed whole tables for 500 contracts: 22 ms of 24).
    within: (column: string) =>
      readsWhole ? '1 = 1' : restrictTo && byId ? inList(ds, column, 'restrictTo') : `${column} IN (SELECT contract_id FROM m)`,
    /** `m.k0, m.k1, ` to start a select list — or nothing, for totals. */
    selectKeys: (alias = 'm') => keys.map((k) => `${alias}.${k}, `).join(''),
    /** `GROUP BY m.k0, m.k1 [, extra]`, or just the extra columns, or nothing. */
    groupBy: (alias = 'm', ...extra: string[]) => {
      const columns = [...keys.map((k) => `${alias}.${k}`), ...extra];
      return columns.length ? `GROUP BY ${columns.join(', ')}` : '';
    },
    /** Offshoring entries `o` that count for the group: its location and status, when grouped by them. */
    entryMatch: (o: string) =>
      [location && `${o}.location_id = ${location}`, status && `${o}.status = ${status}`]
        .filter(Boolean)
        .map((c) => ` AND ${c}`)
        .join(''),
    unionMatch: (cu: string) => (union ? ` AND ${cu}.union_id = ${union}` : ''),
    buyerMatch: (cb: string) => (body ? ` AND ${cb}.public_body_id = ${body}` : ''),
  };
}

export type Membership = ReturnType<typeof membership>;
