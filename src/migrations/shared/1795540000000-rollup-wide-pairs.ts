// The SQL of migration RollupWidePairs1795540000000, shared by its SQLite and PostgreSQL forms. Frozen with
// that migration, like the pairs' own file.
//
// RollupPairs kept every pair of the dimensions with few groups and left the buyer and the supplier out of
// most pairs, for what they would add to the writers. Summed from their contracts, those roll-ups grew
// with the contracts behind them, not the groups they answer: at 1,000,000 contracts buyer × supplier took
// 21 s on SQLite and 7 s on PostgreSQL, buyer × offshore location 16 s and 4 s, supplier × year 7.5 s and
// 4 s (BENCHMARKS.md), where a kept pair is read in under a second. These kinds keep every other pair of two
// different dimensions: the buyer and the supplier with each other and with the five few-group dimensions
// they lacked. What they cost the writers is in BENCHMARKS.md.
//
// The writers' flush needs no change: it joins rollup_pair_kind, so a kind added here is kept from the
// next write on.

import { PART_COLUMNS, SUMMARY_COLUMNS } from './1795520000000-rollup-summaries';

/** The few-group dimensions RollupPairs kept with neither the buyer nor the supplier. */
const UNPAIRED = ['SERVICE', 'SUPPLIER_COUNTRY', 'OFFSHORE_LOCATION', 'OFFSHORING_STATUS', 'YEAR'];

/**
 * The kinds added, as (d1, d2) in RollupPairs' order: the few-group dimension first (a filter on one of
 * its groups is then the leading key), the buyer before the supplier.
 */
export const WIDE_PAIRS: Array<[string, string]> = [
  ...UNPAIRED.flatMap((d): Array<[string, string]> => [
    [d, 'PUBLIC_BODY'],
    [d, 'SUPPLIER'],
  ]),
  ['PUBLIC_BODY', 'SUPPLIER'],
];

const kinds = () => WIDE_PAIRS.map(([a, b]) => `('${a}', '${b}')`).join(', ');

export const ADD_KINDS = `INSERT INTO rollup_pair_kind (d1, d2) VALUES ${kinds()}`;

/**
 * One kind's pairs, from the kept groups and parts (what the flush takes out again when a contract
 * changes, so the rows agree with it even if a write is still queued). One statement a kind: each sorts
 * only its own pairs.
 */
export const fill = ([d1, d2]: [string, string]) => `INSERT INTO rollup_pair (d1, k1, d2, k2, ${SUMMARY_COLUMNS.join(', ')})
  SELECT a.dimension, a.k, b.dimension, b.k, COUNT(*), ${PART_COLUMNS.map((c) => `SUM(rc.${c})`).join(', ')}
  FROM contract_group a
  JOIN contract_group b ON b.contract_id = a.contract_id AND b.dimension = '${d2}'
  JOIN rollup_contract rc ON rc.contract_id = a.contract_id
  WHERE a.dimension = '${d1}'
  GROUP BY a.dimension, a.k, b.dimension, b.k`;

export const FILL = WIDE_PAIRS.map(fill);

export const DROP = [
  `DELETE FROM rollup_pair WHERE (d1, d2) IN (VALUES ${kinds()})`,
  `DELETE FROM rollup_pair_kind WHERE (d1, d2) IN (VALUES ${kinds()})`,
];
