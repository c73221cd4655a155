import type { DataSource } from 'typeorm';
import { ImpactDimension } from '../../schema/enums';
import { isPostgres, live, runSql } from '../sql';
import { keptKey } from './dimensions';
import type { Membership } from './membership';
import { envelopeColumns, keptHigh, rangeColumns, sumColumns } from './range-sql';
import { runSqlAsJson } from '../json-rows';
import { summedAndFlag, TOTALS_MEASURES, type TotalsMeasure } from './totals-measures';
import type { SqlTop } from './order';

type Row = Record<string, unknown>;

/**
 * Counts, jobs affected, savings, money lost and the contested flag: one row per group, summing each
 * contract's maintained row (contract_measure, kept by the database's triggers in every write's transaction:
 * see the ContractMeasures migration). A contract without a row has no figures and is not contested.
 * Contracts are counted as rows: membership has each (contract, group) pair once and the measures join one
 * row per contract, so COUNT(DISTINCT) counted the same and cost PostgreSQL a sort per group (the totals
 * statement at 100,000 contracts: PUBLIC_BODY 400 → 220 ms, UNION 240 → 135 ms; SQLite unchanged). Only the
 * `measures` asked are summed.
 */
export function groupTotals(
  ds: DataSource,
  m: Membership,
  top?: SqlTop,
  measures: readonly TotalsMeasure[] = TOTALS_MEASURES,
): Promise<Row[]> {
  const { summed, contested } = summedAndFlag(measures);
  const columns = [...summed.map((x) => sumColumns(`cm.${x}`, x)), ...(contested ? ['COALESCE(MAX(cm.contested), 0) AS contested'] : [])];
  // A roll-up of counts alone needs no contract's measures. Of every contract, each is looked up by its id
  // alone: SQLite, also told they are m's, listed m's 1.5M pairs a second time (buyer × supplier at 1M:
  // 17.4 s, and 12.5 s without).
  const within = m.everyContract ? '' : ` AND ${m.within('cm.contract_id')}`;
  const measured = columns.length ? `LEFT JOIN contract_measure cm ON cm.contract_id = m.contract_id${within}` : '';
  const totals = `WITH m AS (${m.sql})
     SELECT ${m.selectKeys()}COUNT(*) AS contract_count${columns.map((c) => `,\n       ${c}`).join('')}
     FROM m ${measured}
     ${m.groupBy()}`;
  const names = totalsColumnNames(m.keys.length, measures);
  if (!top) return runSqlAsJson(ds, totals, m.params, names);
  // Output names can be ordered by only as bare names on PostgreSQL, not inside expressions: a subquery.
  const first = `SELECT * FROM (${totals}) t ORDER BY ${top.orderBy} LIMIT :top_first`;
  return runSqlAsJson(ds, first, { ...m.params, top_first: top.first }, names);
}

/** The columns of a totals row: its group keys (`k0`, `k1`…), the count and the measures asked. */
export const totalsColumnNames = (keys: number, measures: readonly TotalsMeasure[] = TOTALS_MEASURES) => {
  const { summed, contested } = summedAndFlag(measures);
  return [
    ...Array.from({ length: keys }, (_, i) => `k${i}`),
    'contract_count',
    ...summed.flatMap((x) => Object.values(rangeColumns(x))),
    ...(contested ? ['contested'] : []),
  ];
};

/**
 * The stored columns of kept rows (rollup_summary's or rollup_pair's) that the measures asked need: the
 * count, each measure's parts (low, finite high, open-ended count, count with a figure) and contested, under
 * their own names. `sum` aggregates each, or passes it through where each group is one kept row.
 */
export const keptParts = (measures: readonly TotalsMeasure[], sum: (column: string) => string = (column) => column) => {
  const { summed, contested } = summedAndFlag(measures);
  return ['contract_count', ...summed.flatMap((x) => [`${x}_low`, `${x}_high`, `${x}_open`, `${x}_n`]), ...(contested ? ['contested'] : [])]
    .map((column) => `${sum(column)} AS ${column}`)
    .join(', ');
};

/**
 * groupTotals' columns from kept parts (`keptParts`): a count, and of the measures asked each one's low,
 * high (null when any contract's is open-ended) and basedOn, and contested.
 */
const keptTotalsColumns = (measures: readonly TotalsMeasure[]) => {
  const { summed, contested } = summedAndFlag(measures);
  return [
    'contract_count',
    ...summed.map((x) => `${x}_low, ${keptHigh(x)} AS ${x}_high, ${x}_n AS ${x}_based_on`),
    ...(contested ? ['CASE WHEN contested > 0 THEN 1 ELSE 0 END AS contested'] : []),
  ].join(',\n      ');
};

/**
 * On SQLite, the kept rows a top need sort: those whose leading column reaches the `first`-th row's value
 * (ties included), found by a first pass over that stored column alone. SQLite works out every sort key of
 * each row it sorts, keys cast to numbers included: the top 100 of buyer × supplier's 3M kept rows sorted
 * all 3M rows; cut first, the 896 with the 100th count or more (through the service at 1,000,000
 * contracts: 1,862 → 656 ms). PostgreSQL scans a kind's rows in parallel, and a second scan cost more than
 * it saved (1.4 → 1.9 s in psql, measured before the table was partitioned by kind).
 */
function topCut(ds: DataSource, kept: string, top: SqlTop): string {
  if (!top.lead || isPostgres(ds)) return '';
  const { column, descending } = top.lead;
  const nth = `SELECT c.${column} FROM (${kept}) c ORDER BY c.${column} ${descending ? 'DESC' : 'ASC'} LIMIT 1 OFFSET :top_cut`;
  // Fewer rows than `first`: no cut (9e999 is SQLite's infinity: a sum may pass the largest double).
  return ` WHERE t.${column} ${descending ? '>=' : '<='} COALESCE((${nth}), ${descending ? '-9e999' : '9e999'})`;
}

/**
 * Runs a statement over kept rows — its group keys as stored (`k0`, `k1`…, text) and `keptParts` — and
 * returns groupTotals' rows, optionally only the first groups in an order; unless a write made outside a
 * transaction is still queued for them (SQLite only): then null, and the caller sums the contracts. The
 * queue is read in the same statement, so in the same snapshot as the kept rows.
 *
 * A top is picked from the stored columns and only its rows are shaped (keys cast, highs and flags worked
 * out): shaped before the sort, every one of buyer × supplier's 3M kept rows was, and PostgreSQL's top 100
 * took 1.2 s against 1.0 s (in psql, at 1,000,000 contracts).
 */
export async function readKept(
  ds: DataSource,
  kept: string,
  params: Record<string, unknown>,
  keys: readonly ImpactDimension[],
  measures: readonly TotalsMeasure[],
  top?: SqlTop,
): Promise<Row[] | null> {
  // A subquery, so the order's expressions can name the statement's columns (`t.k0`) on both databases:
  // PostgreSQL orders by an output name only when it stands alone.
  const rows = top ? `SELECT * FROM (${kept}) t${topCut(ds, kept, top)} ORDER BY ${top.keptOrderBy} LIMIT :top_first` : kept;
  const shaped = [...keys.map((d, i) => `${keptKey(d, `k${i}`)} AS k${i}`), keptTotalsColumns(measures)].join(', ');
  const result = await runSqlAsJson(
    ds,
    `SELECT q.pending, s.* FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM rollup_dirty) THEN 1 ELSE 0 END AS pending) q
     LEFT JOIN (SELECT ${shaped} FROM (${rows}) r) s ON q.pending = 0`,
    { ...params, ...(top ? { top_first: top.first, top_cut: top.first - 1 } : {}) },
    ['pending', ...totalsColumnNames(keys.length, measures)],
  );
  if (result.some((row) => Number(row.pending) === 1)) return null;
  return result.filter((row) => row.contract_count != null);
}

/**
 * groupTotals' rows for every contract, read from the groups' kept summaries (rollup_summary, kept by the
 * database in every write's transaction: see the RollupSummaries migration) instead of summed from every
 * contract: one row per group, whatever the number of contracts behind it. With no dimension, the totals
 * of every contract, summed over STATUS's groups (each contract is in exactly one). Null while a write is
 * still queued (see readKept).
 */
export function summaryTotals(
  ds: DataSource,
  dimension: ImpactDimension | null,
  top?: SqlTop,
  measures: readonly TotalsMeasure[] = TOTALS_MEASURES,
): Promise<Row[] | null> {
  const kept = dimension
    ? `SELECT k AS k0, ${keptParts(measures)} FROM rollup_summary WHERE dimension = :dimension AND contract_count > 0`
    : `SELECT ${keptParts(measures, (c) => `COALESCE(SUM(${c}), 0)`)} FROM rollup_summary WHERE dimension = :dimension`;
  return readKept(ds, kept, { dimension: dimension ?? ImpactDimension.STATUS }, dimension ? [dimension] : [], measures, top);
}

/**
 * Jobs at risk of offshoring, one row per group and status (plus AT_RISK: every status but DENIED).
 * Each entry's jobs: its own figure, else the contract's offshored-jobs figure, else its jobs affected.
 * Each contract counts once per status, with the envelope of its matching entries.
 */
export function offshoredJobs(ds: DataSource, m: Membership): Promise<Row[]> {
  const matching = `FROM m JOIN e ON e.contract_id = m.contract_id${m.entryMatch('e')}`;
  return runSql(
    ds,
    `WITH m AS (${m.sql}),
     cq AS (SELECT contract_id, off_low, off_high, off_n, jobs_low AS aff_low, jobs_high AS aff_high, jobs_n AS aff_n
            FROM contract_measure WHERE ${m.within('contract_id')}),
     eq AS (SELECT offshoring_id, ${envelopeColumns('own', "measure = 'JOBS_OFFSHORED'")}
            FROM ${live('quantity')} q
            WHERE offshoring_id IN (SELECT id FROM offshoring WHERE ${m.within('contract_id')}) GROUP BY offshoring_id),
     e AS (SELECT o.contract_id, o.location_id, o.status,
             CASE WHEN eq.own_n > 0 THEN eq.own_low WHEN cq.off_n > 0 THEN cq.off_low WHEN cq.aff_n > 0 THEN cq.aff_low END AS low,
             CASE WHEN eq.own_n > 0 THEN eq.own_high WHEN cq.off_n > 0 THEN cq.off_high WHEN cq.aff_n > 0 THEN cq.aff_high END AS high,
             CASE WHEN eq.own_n > 0 OR cq.off_n > 0 OR cq.aff_n > 0 THEN 1 ELSE 0 END AS has_figure
           FROM ${live('offshoring')} o LEFT JOIN eq ON eq.offshoring_id = o.id LEFT JOIN cq ON cq.contract_id = o.contract_id
           WHERE ${m.within('o.contract_id')}),
     per_contract AS (
       SELECT ${m.selectKeys()}e.contract_id, e.status AS status, ${envelopeColumns('j', 'e.has_figure = 1', 'e.low', 'e.high')}
       ${matching}
       ${m.groupBy('m', 'e.contract_id', 'e.status')}
       UNION ALL
       SELECT ${m.selectKeys()}e.contract_id, 'AT_RISK' AS status, ${envelopeColumns('j', 'e.has_figure = 1', 'e.low', 'e.high')}
       ${matching} AND e.status <> 'DENIED'
       ${m.groupBy('m', 'e.contract_id')})
     SELECT ${m.selectKeys('pc')}pc.status, ${sumColumns('pc.j', 'jobs')}
     FROM per_contract pc
     ${m.groupBy('pc', 'pc.status')}`,
    m.params,
  );
}

/** Staff who are members of the unions involved: per distinct union–buyer pair, share × staff count (the rule membersRepresented follows). */
const PAIR_MEMBERS = `SELECT sh.union_id, sh.public_body_id,
    MIN(sh.low) * MIN(st.low) / 100.0 AS mem_low,
    CASE WHEN SUM(CASE WHEN sh.high IS NULL OR st.high IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL
         ELSE MAX(sh.high) * MAX(st.high) / 100.0 END AS mem_high,
    1 AS mem_n
  FROM ${live('quantity')} sh
  JOIN ${live('quantity')} st ON st.public_body_id = sh.public_body_id AND st.measure = 'STAFF_COUNT' AND st.union_id IS NULL
  WHERE sh.measure = 'MEMBERS_SHARE_OF_STAFF' AND sh.union_id IS NOT NULL
  GROUP BY sh.union_id, sh.public_body_id`;

const pairsOf = (m: Membership) => `SELECT DISTINCT ${m.selectKeys()}cu.union_id, cb.public_body_id
  FROM m
  JOIN contract_union cu ON cu.contract_id = m.contract_id AND ${m.within('cu.contract_id')}${m.unionMatch('cu')}
  JOIN ${live('trade_union')} lu ON lu.id = cu.union_id
  JOIN contract_buyer cb ON cb.contract_id = m.contract_id${m.buyerMatch('cb')}
  JOIN ${live('public_body')} lb ON lb.id = cb.public_body_id`;

/**
 * Per group, the members represented: each distinct union–buyer pair's figure (PAIR_MEMBERS' rule), summed.
 * The pairs' figures are read from their quantities by index rather than joined to PAIR_MEMBERS as a whole:
 * PostgreSQL planned that join as a nested loop over every pair in the database (18.8M comparisons, 0.7 s,
 * for a page of 1,000 contracts).
 */
export function membersRepresented(ds: DataSource, m: Membership): Promise<Row[]> {
  return runSql(
    ds,
    `WITH m AS (${m.sql}), p AS (${pairsOf(m)}),
     pair AS (
       SELECT ${m.selectKeys('p')}p.union_id, p.public_body_id,
         MIN(sh.low) * MIN(st.low) / 100.0 AS mem_low,
         CASE WHEN SUM(CASE WHEN sh.high IS NULL OR st.high IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL
              ELSE MAX(sh.high) * MAX(st.high) / 100.0 END AS mem_high,
         1 AS mem_n
       FROM p
       JOIN ${live('quantity')} sh ON sh.public_body_id = p.public_body_id AND sh.union_id = p.union_id AND sh.measure = 'MEMBERS_SHARE_OF_STAFF'
       JOIN ${live('quantity')} st ON st.public_body_id = p.public_body_id AND st.measure = 'STAFF_COUNT' AND st.union_id IS NULL
       ${m.groupBy('p', 'p.union_id', 'p.public_body_id')})
     SELECT ${m.selectKeys('pair')}${sumColumns('pair.mem', 'members')}
     FROM pair
     ${m.groupBy('pair')}`,
    m.params,
  );
}

/**
 * What stands behind each group's numbers: the citations of the figures summed, of the offshoring entries
 * and of the claims backing them (`citation`), and those claims (`claim`).
 */
export function groupProvenance(ds: DataSource, m: Membership): Promise<Row[]> {
  const k = m.selectKeys();
  const entries = `JOIN ${live('offshoring')} o ON o.contract_id = m.contract_id${m.entryMatch('o')}`;
  const cited = (type: string, id: string) => `JOIN ${live('citation')} ci ON ci.subject_type = '${type}' AND ci.subject_id = ${id}`;
  return runSql(
    ds,
    `WITH m AS (${m.sql}), pm AS (${PAIR_MEMBERS}), p AS (${pairsOf(m)})
     SELECT ${k}'citation' AS kind, ci.id AS id FROM m
       JOIN ${live('quantity')} q ON q.contract_id = m.contract_id AND q.measure IN ('JOBS_AFFECTED', 'JOBS_OFFSHORED', 'SAVINGS_CLAIMED', 'MONEY_LOST')
       ${cited('QUANTITY', 'q.id')}
     UNION SELECT ${k}'citation', ci.id FROM m ${entries} ${cited('OFFSHORING', 'o.id')}
     UNION SELECT ${k}'citation', ci.id FROM m ${entries} JOIN ${live('quantity')} q ON q.offshoring_id = o.id ${cited('QUANTITY', 'q.id')}
     UNION SELECT ${k}'citation', ci.id FROM m ${entries} JOIN ${live('claim')} cl ON cl.offshoring_id = o.id ${cited('CLAIM', 'cl.id')}
     UNION SELECT ${m.selectKeys('p')}'citation', ci.id FROM p
       JOIN pm ON pm.union_id = p.union_id AND pm.public_body_id = p.public_body_id
       JOIN ${live('quantity')} q ON q.public_body_id = p.public_body_id
         AND ((q.measure = 'MEMBERS_SHARE_OF_STAFF' AND q.union_id = p.union_id) OR (q.measure = 'STAFF_COUNT' AND q.union_id IS NULL))
       ${cited('QUANTITY', 'q.id')}
     UNION SELECT ${k}'claim', cl.id FROM m ${entries} JOIN ${live('claim')} cl ON cl.offshoring_id = o.id`,
    m.params,
  );
}

/**
 * The price base years of each group's savings figures. Apart from the provenance, which walks every
 * citation behind the group: a CSV export asks for price years on every row, and for no citations.
 */
export function groupPriceYears(ds: DataSource, m: Membership): Promise<Row[]> {
  return runSql(
    ds,
    `WITH m AS (${m.sql})
     SELECT DISTINCT ${m.selectKeys()}q.price_year FROM m
       JOIN ${live('quantity')} q ON q.contract_id = m.contract_id AND ${m.within('q.contract_id')} AND q.measure = 'SAVINGS_CLAIMED' AND q.price_year IS NOT NULL`,
    m.params,
  );
}
