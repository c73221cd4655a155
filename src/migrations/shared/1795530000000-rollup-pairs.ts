// The SQL of migration RollupPairs1795530000000, shared by its SQLite and PostgreSQL forms. Frozen with that
// migration, like the summaries' own file: a later change to which pairs are kept is a new migration.
//
// rollup_pair (d1, k1, d2, k2): per pair of groups of two dimensions, the contract count and the sums of the
// parts (rollup_contract) of the contracts in both — what a roll-up by two dimensions, or by one dimension
// of the contracts in one group of another (`filter: { sectors: [LOCAL_GOVERNMENT] }`), reads instead of
// summing its contracts. Kept in the same flush as the summaries (RollupSummaries): the dirty contracts'
// old pairs taken out first, their new ones added last.
//
// Which pairs: every contract is in ~13 groups, so keeping every pair of dimensions would write ~75 rows a
// contract, and the pairs with a buyer or a supplier number in the millions at 1,000,000 contracts. Kept:
// - every pair of the eight dimensions with few groups (a few dozen each), in either order, and the pairs
//   of two groups of one such dimension (a contract with two unions: the roll-up of one union's contracts
//   by union shows the other);
// - the three a filter most often narrows by (status, sector, union) with a buyer and with a supplier: the
//   buyers or suppliers of one sector's contracts.
// A roll-up by a pair not kept (buyer × supplier, year × supplier, …) sums its contracts as before.

import {
  columnsSql,
  flush as summariesFlush,
  groupValues,
  OPTIONAL_DIMENSIONS,
  PART_COLUMNS,
  PARTS,
  SUMMARY_COLUMNS,
} from './1795520000000-rollup-summaries';

/** The dimensions with few groups (at most a few dozen, whatever the number of contracts), in key order. */
const FEW_GROUPS = ['STATUS', 'SECTOR', 'UNION', 'SERVICE', 'SUPPLIER_COUNTRY', 'OFFSHORE_LOCATION', 'OFFSHORING_STATUS', 'YEAR'] as const;
/** Dimensions a contract can have several groups of (STATUS and YEAR have one each). */
const SEVERAL_A_CONTRACT = new Set(['SECTOR', 'UNION', 'SERVICE', 'SUPPLIER_COUNTRY', 'OFFSHORE_LOCATION', 'OFFSHORING_STATUS']);
const NARROWING = ['STATUS', 'SECTOR', 'UNION'];
const MANY_GROUPS = ['PUBLIC_BODY', 'SUPPLIER'];

/**
 * The kept pairs of dimensions, each once as (d1, d2): d1 the earlier in FEW_GROUPS' order, then the buyer and
 * supplier last, so a narrowing dimension's group is always the leading key (`d1 = 'SECTOR' AND k1 = …`).
 */
export const KEPT_PAIRS: Array<[string, string]> = [
  ...FEW_GROUPS.flatMap((a, i) => FEW_GROUPS.slice(i + 1).map((b): [string, string] => [a, b])),
  ...FEW_GROUPS.filter((d) => SEVERAL_A_CONTRACT.has(d)).map((d): [string, string] => [d, d]),
  ...NARROWING.flatMap((a) => MANY_GROUPS.map((b): [string, string] => [a, b])),
];

/** A pair's columns: a group's own (a count and its contracts' summed parts). */
const COLUMNS = SUMMARY_COLUMNS;

export const CREATE_TABLES = (withoutRowid: boolean) => {
  const without = withoutRowid ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE "rollup_pair_kind" ("d1" varchar NOT NULL, "d2" varchar NOT NULL, PRIMARY KEY ("d1", "d2"))${without}`,
    `INSERT INTO rollup_pair_kind (d1, d2) VALUES ${KEPT_PAIRS.map(([a, b]) => `('${a}', '${b}')`).join(', ')}`,
    `CREATE TABLE "rollup_pair" (
    "d1" varchar NOT NULL,
    "k1" varchar NOT NULL,
    "d2" varchar NOT NULL,
    "k2" varchar NOT NULL,
    ${columnsSql(COLUMNS)},
    PRIMARY KEY ("d1", "d2", "k1", "k2"))${without}`,
  ];
};

/** A condition on a column: that it holds a queued contract. */
type Dirty = (column: string) => string;

/**
 * Adds the dirty contracts' parts to their kept pairs, or takes them away (`sign` -1). `grouped`: one row per
 * pair, summed first — PostgreSQL's upsert may not touch a row twice in a statement, and a bulk load's many
 * contracts share the pairs of the few-group dimensions; for a transaction's few contracts on SQLite, each
 * contract's rows upserted as they come (its pairs are distinct) skips a sort.
 */
export const pairsOf = (dirty: Dirty, sign: 1 | -1, grouped: boolean) => {
  const value = (column: string) => (grouped ? `${sign} * SUM(rc.${column})` : `${sign} * rc.${column}`);
  return `INSERT INTO rollup_pair (d1, k1, d2, k2, ${COLUMNS.join(', ')})
  SELECT a.dimension, a.k, b.dimension, b.k, ${grouped ? `${sign} * COUNT(*)` : sign}, ${PART_COLUMNS.map(value).join(', ')}
  FROM contract_group a
  JOIN rollup_pair_kind p ON p.d1 = a.dimension
  JOIN contract_group b ON b.contract_id = a.contract_id AND b.dimension = p.d2 AND (p.d1 <> p.d2 OR b.k > a.k)
  JOIN rollup_contract rc ON rc.contract_id = a.contract_id
  WHERE ${dirty('a.contract_id')} AND ${dirty('rc.contract_id')}${grouped ? '\n  GROUP BY a.dimension, a.k, b.dimension, b.k' : ''}
  ON CONFLICT (d1, d2, k1, k2) DO UPDATE SET ${COLUMNS.map((c) => `${c} = rollup_pair.${c} + excluded.${c}`).join(', ')}`;
};

/**
 * The summaries' flush with the pairs kept too: the old pairs out before the groups are worked out again,
 * the new in after. `liveDirty`: the queued contracts that are live, as the groups' statement should find
 * them (the summaries' own wording, by default).
 */
export const flush = (dirty: Dirty, grouped: boolean, liveDirty?: Dirty) => {
  const summaries = summariesFlush(dirty, liveDirty);
  const emptyQueue = summaries[summaries.length - 1];
  return [pairsOf(dirty, -1, grouped), ...summaries.slice(0, -1), pairsOf(dirty, 1, grouped), emptyQueue];
};

/** The migration's fill: every contract's pairs, from the kept groups and parts. */
export const FILL = [pairsOf(() => '1 = 1', 1, true)];

/**
 * PostgreSQL's flush for a transaction's few contracts, as one statement: the queued contracts' old groups
 * and parts (the kept rows) and new ones (worked out from the tables) side by side, and only the
 * difference written — summaries and pairs by the net change of each (none for a contract written again
 * as it was, or for the pairs an update leaves alone), groups and parts only where they changed. Every
 * part of a statement reads the same snapshot, so the old rows are read before any is replaced. The
 * statement-per-step flush wrote every pair of every queued contract twice (out, then back in), and each
 * written row is a new row version on PostgreSQL. `queued`: a condition on a column, that it holds a
 * queued contract; `liveQueued`: the queued contracts that are live, as a subquery of ids. The statement
 * empties the queue itself.
 */
export const deltaFlush = (queued: Dirty, liveQueued: string) => {
  const parts = PART_COLUMNS;
  const sums = (sign: string, from: string) => parts.map((c) => `${sign}${from}.${c} AS ${c}`).join(', ');
  const changed = (columns: string[]) => columns.map((c) => `SUM(${c}) <> 0`).join(' OR ');
  const pairsIn = (groups: string) => `SELECT a.contract_id, a.dimension AS d1, a.k AS k1, b.dimension AS d2, b.k AS k2
      FROM ${groups} a JOIN rollup_pair_kind p ON p.d1 = a.dimension
      JOIN ${groups} b ON b.contract_id = a.contract_id AND b.dimension = p.d2 AND (p.d1 <> p.d2 OR b.k > a.k)`;
  const upsert = (table: string, keys: string[], delta: string) => `INSERT INTO ${table} (${keys.join(', ')}, ${COLUMNS.join(', ')})
      SELECT * FROM ${delta}
      ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')} RETURNING 1`;
  return `WITH
    live AS (${liveQueued}),
    new_values (contract_id, dimension, k) AS (${groupValues((column) => `${column} IN (SELECT id FROM live)`)}),
    new_groups AS (
      SELECT * FROM new_values
      UNION ALL
      SELECT l.id, d.dimension, '' FROM live l CROSS JOIN (${OPTIONAL_DIMENSIONS}) d
      WHERE NOT EXISTS (SELECT 1 FROM new_values v WHERE v.contract_id = l.id AND v.dimension = d.dimension)),
    new_parts AS (
      SELECT c.id AS contract_id, ${PARTS.map(([column, part]) => `${part} AS ${column}`).join(', ')}
      FROM contract c LEFT JOIN contract_measure cm ON cm.contract_id = c.id
      WHERE c.id IN (SELECT id FROM live)),
    old_groups AS (SELECT contract_id, dimension, k FROM contract_group WHERE ${queued('contract_id')}),
    old_parts AS (SELECT * FROM rollup_contract WHERE ${queued('contract_id')}),
    summary_delta AS (
      SELECT dimension, k, SUM(n) AS contract_count, ${parts.map((c) => `SUM(${c})`).join(', ')} FROM (
        SELECT g.dimension, g.k, -1 AS n, ${sums('-', 'p')} FROM old_groups g JOIN old_parts p ON p.contract_id = g.contract_id
        UNION ALL
        SELECT g.dimension, g.k, 1, ${sums('', 'p')} FROM new_groups g JOIN new_parts p ON p.contract_id = g.contract_id) x
      GROUP BY dimension, k HAVING ${changed(['n', ...parts])}),
    pair_delta AS (
      SELECT d1, k1, d2, k2, SUM(n) AS contract_count, ${parts.map((c) => `SUM(${c})`).join(', ')} FROM (
        SELECT g.d1, g.k1, g.d2, g.k2, -1 AS n, ${sums('-', 'p')} FROM (${pairsIn('old_groups')}) g JOIN old_parts p ON p.contract_id = g.contract_id
        UNION ALL
        SELECT g.d1, g.k1, g.d2, g.k2, 1, ${sums('', 'p')} FROM (${pairsIn('new_groups')}) g JOIN new_parts p ON p.contract_id = g.contract_id) x
      GROUP BY d1, k1, d2, k2 HAVING ${changed(['n', ...parts])}),
    summaries_written AS (${upsert('rollup_summary', ['dimension', 'k'], 'summary_delta')}),
    pairs_written AS (${upsert('rollup_pair', ['d1', 'k1', 'd2', 'k2'], 'pair_delta')}),
    groups_gone AS (
      DELETE FROM contract_group g WHERE ${queued('g.contract_id')}
        AND NOT EXISTS (SELECT 1 FROM new_groups n WHERE n.contract_id = g.contract_id AND n.dimension = g.dimension AND n.k = g.k)
      RETURNING 1),
    groups_new AS (
      INSERT INTO contract_group (contract_id, dimension, k)
      SELECT * FROM new_groups n
      WHERE NOT EXISTS (SELECT 1 FROM old_groups o WHERE o.contract_id = n.contract_id AND o.dimension = n.dimension AND o.k = n.k)
      RETURNING 1),
    parts_gone AS (DELETE FROM rollup_contract r WHERE ${queued('r.contract_id')} AND r.contract_id NOT IN (SELECT id FROM live) RETURNING 1),
    parts_new AS (
      INSERT INTO rollup_contract (contract_id, ${parts.join(', ')}) SELECT * FROM new_parts
      ON CONFLICT (contract_id) DO UPDATE SET ${parts.map((c) => `${c} = excluded.${c}`).join(', ')}
      WHERE (${parts.map((c) => `rollup_contract.${c}`).join(', ')}) IS DISTINCT FROM (${parts.map((c) => `excluded.${c}`).join(', ')})
      RETURNING 1)
  DELETE FROM rollup_dirty`;
};
