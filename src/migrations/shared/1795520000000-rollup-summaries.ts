// The SQL of migration RollupSummaries1795520000000, shared by its SQLite and PostgreSQL forms. Frozen with
// that migration: a later change to these rules is a new migration that re-creates the triggers and
// refreshes every row, never an edit here.
//
// Four tables, kept by the database in the transaction of every write:
// - contract_group (contract_id, dimension, k): the groups each contract is in, for every roll-up dimension
//   but CONTRACT — the rows the roll-up's membership statement joins together, kept instead of worked out.
//   A contract with no value for a dimension is in its group '' (the roll-up's "none", null in the API:
//   no dimension's value can be empty, each being an id, a year or a code). An archived contract is in none.
// - rollup_contract (contract_id, …): what each contract adds to each of its groups' sums, as last summed:
//   its contract_measure envelopes split into additive parts (the low; the high if finite, else one
//   open-ended; one if it has a figure at all) and whether it is contested.
// - rollup_summary (dimension, k): per group, the contract count and the sum of its contracts' parts, so an
//   unfiltered roll-up by one dimension reads one row per group.
// - rollup_dirty (contract_id): the contracts written since the last flush. Triggers on every table that
//   decides a contract's groups or measures only add the contracts a write touches here (cheap, however
//   many rows a statement writes); the flush then takes each dirty contract's old parts out of its old
//   groups, works its groups and parts out again, adds them back, and empties the queue — once per
//   transaction, however many writes touched the contract. PostgreSQL flushes at commit by itself (a
//   deferred constraint trigger); on SQLite, which has none, the writer flushes before each COMMIT
//   (src/database/sqlite/writer.ts), and a roll-up reads the summaries only while the queue is empty.

/**
 * Every dimension kept, as the rows that give a contract its values: `from` (tables and joins, live parties
 * only), `where` (a further condition), the contract column, and the key (text; '' for no value).
 */
const RELATIONS = {
  PUBLIC_BODY: {
    from: 'contract_buyer r JOIN public_body b ON b.id = r.public_body_id AND b.archived_at IS NULL',
    contract: 'r.contract_id',
    key: 'CAST(r.public_body_id AS TEXT)',
  },
  SECTOR: {
    from: 'contract_buyer r JOIN public_body b ON b.id = r.public_body_id AND b.archived_at IS NULL',
    contract: 'r.contract_id',
    key: "COALESCE(b.sector, '')",
  },
  SUPPLIER: {
    from: 'contract_supplier r JOIN supplier s ON s.id = r.supplier_id AND s.archived_at IS NULL',
    contract: 'r.contract_id',
    key: 'CAST(r.supplier_id AS TEXT)',
  },
  SUPPLIER_COUNTRY: {
    from: 'contract_supplier r JOIN supplier s ON s.id = r.supplier_id AND s.archived_at IS NULL',
    contract: 'r.contract_id',
    key: "COALESCE(s.home_country, '')",
  },
  OFFSHORE_LOCATION: {
    from: 'offshoring r JOIN offshore_location l ON l.id = r.location_id AND l.archived_at IS NULL AND r.archived_at IS NULL',
    contract: 'r.contract_id',
    key: 'CAST(r.location_id AS TEXT)',
  },
  OFFSHORING_STATUS: { from: 'offshoring r', where: 'r.archived_at IS NULL', contract: 'r.contract_id', key: 'r.status' },
  UNION: {
    from: 'contract_union r JOIN trade_union u ON u.id = r.union_id AND u.archived_at IS NULL',
    contract: 'r.contract_id',
    key: 'CAST(r.union_id AS TEXT)',
  },
  SERVICE: { from: 'contract_service r', contract: 'r.contract_id', key: 'r.service' },
  STATUS: { from: 'contract r', contract: 'r.id', key: 'r.status' },
  YEAR: {
    from: 'contract r',
    contract: 'r.id',
    key: `COALESCE(CAST(COALESCE(r.start_date_year,
      (SELECT MIN(e.date_year) FROM event e WHERE e.contract_id = r.id AND e.archived_at IS NULL)) AS TEXT), '')`,
  },
} satisfies Record<string, { from: string; where?: string; contract: string; key: string }>;

export type KeptDimension = keyof typeof RELATIONS;
const DIMENSIONS = Object.keys(RELATIONS) as KeptDimension[];

/** The rows of dimension `d` where `condition` holds. */
const rowsOf = (d: KeptDimension, condition: string) => {
  const r: { from: string; where?: string } = RELATIONS[d];
  return `FROM ${r.from} WHERE ${[r.where, condition].filter(Boolean).join(' AND ')}`;
};

const live = (c: string) => `EXISTS (SELECT 1 FROM contract lc WHERE lc.id = ${c} AND lc.archived_at IS NULL)`;

/** A condition on a column: that it holds a queued contract. */
type Dirty = (column: string) => string;

/**
 * From how many queued contracts (a bulk load's) a flush works on the queue as a whole: PostgreSQL joins it by
 * hash rather than looking each contract up, SQLite sums the pairs before it writes them.
 */
export const BULK_FLUSH = 10_000;

/** The queued contracts as a subquery: SQLite looks each up by index; PostgreSQL, for a large queue, hashes. */
export const DIRTY_SUBQUERY: Dirty = (column) => `${column} IN (SELECT contract_id FROM rollup_dirty)`;

/** The rows (contract_id, dimension, k) of the values of the contracts `liveIds` selects, every dimension. */
export const groupValues = (liveIds: Dirty) =>
  DIMENSIONS.map(
    (d) => `SELECT DISTINCT ${RELATIONS[d].contract}, '${d}', ${RELATIONS[d].key}
       ${rowsOf(d, liveIds(RELATIONS[d].contract))}`,
  ).join('\n     UNION ALL ');

/** The dimensions a contract may have no value for (its group ''), as a one-column table `dimension`. */
export const OPTIONAL_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'STATUS' && d !== 'YEAR')
  .map((d) => `SELECT '${d}' AS dimension`)
  .join(' UNION ALL ');

/**
 * Inserts the groups of the live contracts `ids` (a condition on a column), for every dimension: their
 * values, then '' where a dimension gives none. Two statements, not two per dimension: a flush runs in
 * every writing transaction, and for the few contracts of a mutation or a release most of its cost is its
 * statements' own.
 */
const groupsOf = (ids: (column: string) => string, liveIds: Dirty = (c) => `${ids(c)} AND ${live(c)}`) => [
  `INSERT INTO contract_group (contract_id, dimension, k) ${groupValues(liveIds)}`,
  `INSERT INTO contract_group (contract_id, dimension, k) SELECT c.id, d.dimension, '' FROM contract c
     CROSS JOIN (${OPTIONAL_DIMENSIONS}) d
     WHERE ${ids('c.id')} AND c.archived_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM contract_group g WHERE g.contract_id = c.id AND g.dimension = d.dimension)`,
];

/** The measures summed (contract_measure's envelopes, as roll-ups' groupTotals sum them). */
const SUMMED = ['jobs', 'save_year', 'save_total', 'lost'];

/** Each part of a contract's row in rollup_contract, from its contract_measure row `cm` (null when it has none). */
export const PARTS: Array<[string, string]> = [
  ...SUMMED.flatMap((x): Array<[string, string]> => [
    [`${x}_low`, `CASE WHEN cm.${x}_n > 0 THEN COALESCE(cm.${x}_low, 0) ELSE 0 END`],
    [`${x}_high`, `CASE WHEN cm.${x}_n > 0 AND cm.${x}_high IS NOT NULL THEN cm.${x}_high ELSE 0 END`],
    [`${x}_open`, `CASE WHEN cm.${x}_n > 0 AND cm.${x}_high IS NULL THEN 1 ELSE 0 END`],
    [`${x}_n`, `CASE WHEN cm.${x}_n > 0 THEN 1 ELSE 0 END`],
  ]),
  ['contested', 'COALESCE(cm.contested, 0)'],
];
export const PART_COLUMNS = PARTS.map(([column]) => column);
export const SUMMARY_COLUMNS = ['contract_count', ...PART_COLUMNS];

const isCount = (column: string) => /_(open|n|count)$/.test(column) || column === 'contested';
/** Column definitions for counts (integer) and sums (double precision). */
export const columnsSql = (columns: string[]) =>
  columns.map((column) => `"${column}" ${isCount(column) ? 'integer' : 'double precision'} NOT NULL`).join(',\n    ');

export const CREATE_TABLES = (withoutRowid: boolean) => {
  const without = withoutRowid ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE "contract_group" (
    "contract_id" integer NOT NULL,
    "dimension" varchar NOT NULL,
    "k" varchar NOT NULL,
    PRIMARY KEY ("contract_id", "dimension", "k"))${without}`,
    `CREATE TABLE "rollup_contract" ("contract_id" integer PRIMARY KEY NOT NULL, ${columnsSql(PART_COLUMNS)})`,
    `CREATE TABLE "rollup_summary" (
    "dimension" varchar NOT NULL,
    "k" varchar NOT NULL,
    ${columnsSql(SUMMARY_COLUMNS)},
    PRIMARY KEY ("dimension", "k"))${without}`,
    `CREATE TABLE "rollup_dirty" ("contract_id" integer PRIMARY KEY NOT NULL)`,
  ];
};

/**
 * Adds the parts of the dirty contracts' groups to their summaries, or takes them away (`sign` -1): one
 * upsert for all of them. `WHERE true`: SQLite's parser needs a WHERE before an upsert's ON CONFLICT when
 * the INSERT reads a SELECT.
 */
const addDirtyToSummaries = (dirty: Dirty, sign: 1 | -1) => `INSERT INTO rollup_summary (dimension, k, ${SUMMARY_COLUMNS.join(', ')})
  SELECT g.dimension, g.k, ${sign} * COUNT(*), ${PART_COLUMNS.map((c) => `${sign} * SUM(rc.${c})`).join(', ')}
  FROM contract_group g JOIN rollup_contract rc ON rc.contract_id = g.contract_id
  WHERE ${dirty('g.contract_id')} AND ${dirty('rc.contract_id')} GROUP BY g.dimension, g.k
  ON CONFLICT (dimension, k) DO UPDATE SET ${SUMMARY_COLUMNS.map((c) => `${c} = rollup_summary.${c} + excluded.${c}`).join(', ')}`;

/**
 * The flush: brings the groups, parts and summaries of every contract in rollup_dirty up to date and empties
 * it. Run in the transaction of the writes it follows. A deleted contract's old parts leave its groups and
 * nothing comes back; an archived one's likewise; a new one has no old parts.
 */
export const flush = (
  dirty: Dirty,
  /** The queued contracts that are live, where a later migration words it another way (RollupPairs). */
  liveDirty?: Dirty,
) => [
  addDirtyToSummaries(dirty, -1),
  `DELETE FROM contract_group WHERE ${dirty('contract_id')}`,
  `DELETE FROM rollup_contract WHERE ${dirty('contract_id')}`,
  ...groupsOf(dirty, liveDirty),
  `INSERT INTO rollup_contract (contract_id, ${PART_COLUMNS.join(', ')})
     SELECT c.id, ${PARTS.map(([, part]) => part).join(', ')}
     FROM contract c LEFT JOIN contract_measure cm ON cm.contract_id = c.id AND ${dirty('cm.contract_id')}
     WHERE ${dirty('c.id')} AND c.archived_at IS NULL`,
  addDirtyToSummaries(dirty, 1),
  'DELETE FROM rollup_dirty',
];

/** The migration's first fill: every contract dirty, then flushed. */
export const FILL = ['INSERT INTO rollup_dirty (contract_id) SELECT id FROM contract', ...flush(DIRTY_SUBQUERY)];

/** Where a trigger reads its written rows: a row trigger's NEW or OLD, or a statement trigger's transition table. */
export interface Written {
  column(name: string): string;
  from: string;
  /** `expression` is one of the written rows' `column`: an index condition on both databases. */
  among(expression: string, column: string): string;
}

/** Marks the contracts a statement selects (a column `contract_id`) as dirty. */
export const markDirty = (contracts: string) =>
  `INSERT INTO rollup_dirty (contract_id) SELECT DISTINCT contract_id FROM (${contracts}) t WHERE contract_id IS NOT NULL ON CONFLICT DO NOTHING`;

/** The contracts a table's written rows name in their own `contract_id` (links, entries, events, measures). */
const ownContracts = (r: Written) => `SELECT ${r.column('contract_id')} AS contract_id${r.from}`;

/**
 * What each write can change, per table: the contracts whose groups or parts the written rows touch (as
 * `contract_id`), and the columns that matter.
 */
export const TOUCHED: Record<string, { contracts: (rows: Written) => string; watched: string[] }> = {
  contract: { contracts: (r) => `SELECT ${r.column('id')} AS contract_id${r.from}`, watched: ['status', 'start_date_year', 'archived_at'] },
  contract_measure: {
    contracts: ownContracts,
    watched: ['contract_id', ...SUMMED.flatMap((x) => [`${x}_low`, `${x}_high`, `${x}_n`]), 'contested'],
  },
  contract_buyer: {
    contracts: ownContracts,
    watched: ['contract_id', 'public_body_id'],
  },
  public_body: {
    contracts: (r) => `SELECT cb.contract_id FROM contract_buyer cb WHERE ${r.among('cb.public_body_id', 'id')}`,
    watched: ['sector', 'archived_at'],
  },
  contract_supplier: {
    contracts: ownContracts,
    watched: ['contract_id', 'supplier_id'],
  },
  supplier: {
    contracts: (r) => `SELECT cs.contract_id FROM contract_supplier cs WHERE ${r.among('cs.supplier_id', 'id')}`,
    watched: ['home_country', 'archived_at'],
  },
  offshoring: {
    contracts: ownContracts,
    watched: ['contract_id', 'location_id', 'status', 'archived_at'],
  },
  offshore_location: {
    contracts: (r) => `SELECT o.contract_id FROM offshoring o WHERE ${r.among('o.location_id', 'id')}`,
    watched: ['archived_at'],
  },
  contract_union: { contracts: ownContracts, watched: ['contract_id', 'union_id'] },
  trade_union: {
    contracts: (r) => `SELECT cu.contract_id FROM contract_union cu WHERE ${r.among('cu.union_id', 'id')}`,
    watched: ['archived_at'],
  },
  contract_service: { contracts: ownContracts, watched: ['contract_id', 'service'] },
  event: {
    contracts: ownContracts,
    watched: ['contract_id', 'date_year', 'archived_at'],
  },
};
