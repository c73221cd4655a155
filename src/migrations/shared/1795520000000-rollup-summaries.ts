// The SQL of migration RollupSummaries1795520000000, shared by its SQLite and PostgreSQL forms. Frozen with
// that migration: a later change to these rules is a new migration that re-creates the triggers and
// refreshes every row, never an edit here.
//
// Two tables, both kept by the database's triggers in the transaction of every write:
// - contract_group (contract_id, dimension, k): the groups each contract is in, for every roll-up dimension
//   but CONTRACT — the rows the roll-up's membership statement joins together, kept instead of worked out.
//   A contract with no value for a dimension is in its group '' (the roll-up's "none", null in the API:
//   no dimension's value can be empty, each being an id, a year or a code).
// - rollup_summary (dimension, k): per group, the contract count and the additive parts of every measure's
//   sum over its contracts' contract_measure rows (the lows; the finite highs and how many are open-ended;
//   how many contracts have a figure; how many are contested), so that an unfiltered roll-up by one
//   dimension reads one row per group.
// contract_group changes when a contract's groups do; rollup_summary by the difference each change of
// contract_group or contract_measure makes: a group's row is the sum of its contracts' contributions.

/** Every dimension kept, with its relation (contract_id, k) for the contracts in `ids` (a condition on a column). */
export const RELATIONS: Record<string, (ids: (column: string) => string) => string> = {
  PUBLIC_BODY: (ids) => `SELECT cb.contract_id, CAST(cb.public_body_id AS TEXT) AS k FROM contract_buyer cb
    JOIN public_body b ON b.id = cb.public_body_id AND b.archived_at IS NULL WHERE ${ids('cb.contract_id')}`,
  SECTOR: (ids) => `SELECT DISTINCT cb.contract_id, COALESCE(b.sector, '') AS k FROM contract_buyer cb
    JOIN public_body b ON b.id = cb.public_body_id AND b.archived_at IS NULL WHERE ${ids('cb.contract_id')}`,
  SUPPLIER: (ids) => `SELECT cs.contract_id, CAST(cs.supplier_id AS TEXT) AS k FROM contract_supplier cs
    JOIN supplier s ON s.id = cs.supplier_id AND s.archived_at IS NULL WHERE ${ids('cs.contract_id')}`,
  SUPPLIER_COUNTRY: (ids) => `SELECT DISTINCT cs.contract_id, COALESCE(s.home_country, '') AS k FROM contract_supplier cs
    JOIN supplier s ON s.id = cs.supplier_id AND s.archived_at IS NULL WHERE ${ids('cs.contract_id')}`,
  OFFSHORE_LOCATION: (ids) => `SELECT DISTINCT o.contract_id, CAST(o.location_id AS TEXT) AS k FROM offshoring o
    JOIN offshore_location l ON l.id = o.location_id AND l.archived_at IS NULL WHERE o.archived_at IS NULL AND ${ids('o.contract_id')}`,
  OFFSHORING_STATUS: (ids) =>
    `SELECT DISTINCT o.contract_id, o.status AS k FROM offshoring o WHERE o.archived_at IS NULL AND ${ids('o.contract_id')}`,
  UNION: (ids) => `SELECT cu.contract_id, CAST(cu.union_id AS TEXT) AS k FROM contract_union cu
    JOIN trade_union u ON u.id = cu.union_id AND u.archived_at IS NULL WHERE ${ids('cu.contract_id')}`,
  SERVICE: (ids) => `SELECT sv.contract_id, sv.service AS k FROM contract_service sv WHERE ${ids('sv.contract_id')}`,
  STATUS: (ids) => `SELECT c.id AS contract_id, c.status AS k FROM contract c WHERE ${ids('c.id')}`,
  YEAR: (ids) => `SELECT c.id AS contract_id, COALESCE(CAST(COALESCE(c.start_date_year,
      (SELECT MIN(e.date_year) FROM event e WHERE e.contract_id = c.id AND e.archived_at IS NULL)) AS TEXT), '') AS k
    FROM contract c WHERE ${ids('c.id')}`,
};

export type KeptDimension = keyof typeof RELATIONS;

/** The groups of dimension `d` the contracts in `ids` are in now, worked out from scratch; an archived contract is in none. */
export const groupsOf = (d: KeptDimension, ids: (column: string) => string) =>
  `SELECT c.id AS contract_id, COALESCE(r.k, '') AS k FROM contract c
   LEFT JOIN (${RELATIONS[d](ids)}) r ON r.contract_id = c.id WHERE ${ids('c.id')} AND c.archived_at IS NULL`;

/**
 * Statements that bring the contract_group rows of some contracts up to date for some dimensions: rows
 * no longer true are deleted and new ones inserted, the rest left alone (each change is a summary update).
 */
export const refreshGroups = (dimensions: KeptDimension[], ids: (column: string) => string) =>
  dimensions.flatMap((d) => [
    `DELETE FROM contract_group WHERE dimension = '${d}' AND ${ids('contract_id')}
       AND (contract_id, k) NOT IN (SELECT contract_id, k FROM (${groupsOf(d, ids)}) f)`,
    `INSERT INTO contract_group (contract_id, dimension, k) SELECT f.contract_id, '${d}', f.k FROM (${groupsOf(d, ids)}) f
       WHERE (f.contract_id, f.k) NOT IN (SELECT contract_id, k FROM contract_group WHERE dimension = '${d}' AND ${ids('contract_id')})`,
  ]);

/** A new contract's groups: it can have no links yet, so one statement for every dimension. */
export const groupsOfNew = (ids: (column: string) => string) =>
  `INSERT INTO contract_group (contract_id, dimension, k) ${Object.keys(RELATIONS)
    .map((d) => `SELECT contract_id, '${d}', k FROM (${groupsOf(d, ids)}) g${d}`)
    .join(' UNION ALL ')}`;

/** The measures summed (contract_measure's envelopes, as roll-ups' groupTotals sum them). */
const SUMMED = ['jobs', 'save_year', 'save_total', 'lost'];

/** Each summary column and what one contract's contract_measure row `cm` (null when it has none) adds to it. */
export const CONTRIBUTIONS: Array<[string, (cm: string) => string]> = [
  ...SUMMED.flatMap((x): Array<[string, (cm: string) => string]> => [
    [`${x}_low`, (cm) => `CASE WHEN ${cm}.${x}_n > 0 THEN COALESCE(${cm}.${x}_low, 0) ELSE 0 END`],
    [`${x}_high`, (cm) => `CASE WHEN ${cm}.${x}_n > 0 AND ${cm}.${x}_high IS NOT NULL THEN ${cm}.${x}_high ELSE 0 END`],
    [`${x}_open`, (cm) => `CASE WHEN ${cm}.${x}_n > 0 AND ${cm}.${x}_high IS NULL THEN 1 ELSE 0 END`],
    [`${x}_n`, (cm) => `CASE WHEN ${cm}.${x}_n > 0 THEN 1 ELSE 0 END`],
  ]),
  ['contested', (cm) => `COALESCE(${cm}.contested, 0)`],
];

const isCount = (column: string) => /_(open|n)$/.test(column) || column === 'contested';

export const CREATE_TABLES = (withoutRowid: boolean) => [
  `CREATE TABLE "contract_group" (
    "contract_id" integer NOT NULL REFERENCES "contract" ("id") ON DELETE CASCADE,
    "dimension" varchar NOT NULL,
    "k" varchar NOT NULL,
    PRIMARY KEY ("contract_id", "dimension", "k"))${withoutRowid ? ' WITHOUT ROWID' : ''}`,
  `CREATE TABLE "rollup_summary" (
    "dimension" varchar NOT NULL,
    "k" varchar NOT NULL,
    "contract_count" integer NOT NULL,
    ${CONTRIBUTIONS.map(([column]) => `"${column}" ${isCount(column) ? 'integer' : 'double precision'} NOT NULL`).join(',\n    ')},
    PRIMARY KEY ("dimension", "k"))${withoutRowid ? ' WITHOUT ROWID' : ''}`,
];

/**
 * Adds to the summary rows: `rows` selects (dimension, k, contract_count, …every contribution column), one
 * row per group or several (summed here). `WHERE true`: SQLite's parser needs a WHERE before an upsert's
 * ON CONFLICT when the INSERT reads a SELECT.
 */
export const addToSummary = (rows: string) => {
  const columns = ['contract_count', ...CONTRIBUTIONS.map(([c]) => c)];
  return `INSERT INTO rollup_summary (dimension, k, ${columns.join(', ')})
    SELECT dimension, k, ${columns.map((c) => `SUM(${c})`).join(', ')} FROM (${rows}) a WHERE true GROUP BY dimension, k
    ON CONFLICT (dimension, k) DO UPDATE SET ${columns.map((c) => `${c} = rollup_summary.${c} + excluded.${c}`).join(', ')}`;
};

/**
 * The rows `addToSummary` reads, signed: from contract_group rows `g` and their contracts' measures (`cm`
 * unless named), counting the contracts when the group rows are what changed.
 */
export const contributionRows = (from: string, sign: 1 | -1, counted: boolean, cm = 'cm') =>
  `SELECT g.dimension, g.k, ${counted ? sign : 0} AS contract_count,
     ${CONTRIBUTIONS.map(([column, of]) => `${sign} * (${of(cm)}) AS ${column}`).join(', ')}
   ${from}`;

/** Every contract's groups and every group's summary, for the migration's first fill. */
export const FILL = [
  groupsOfNew(() => '1 = 1'),
  addToSummary(contributionRows('FROM contract_group g LEFT JOIN contract_measure cm ON cm.contract_id = g.contract_id', 1, true)),
];

/** Where a trigger reads its written rows: a row trigger's NEW or OLD, or a statement trigger's transition table. */
export interface Written {
  column(name: string): string;
  from: string;
  /** `expression` is one of the written rows' `column`: an index condition on both databases. */
  among(expression: string, column: string): string;
}

/**
 * What each write can change, per table: the dimensions, the contracts whose groups the written rows touch,
 * and the columns that matter. A contract's new rows have their own statement (groupsOfNew) and its deleted
 * ones leave their groups first; an archived contract leaves every group and a restored one comes back.
 */
export const TOUCHED: Record<string, { dimensions: KeptDimension[]; contracts: (rows: Written) => string; watched: string[] }> = {
  contract_buyer: {
    dimensions: ['PUBLIC_BODY', 'SECTOR'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'public_body_id'],
  },
  public_body: {
    dimensions: ['PUBLIC_BODY', 'SECTOR'],
    contracts: (r) => `SELECT cb.contract_id FROM contract_buyer cb WHERE ${r.among('cb.public_body_id', 'id')}`,
    watched: ['sector', 'archived_at'],
  },
  contract_supplier: {
    dimensions: ['SUPPLIER', 'SUPPLIER_COUNTRY'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'supplier_id'],
  },
  supplier: {
    dimensions: ['SUPPLIER', 'SUPPLIER_COUNTRY'],
    contracts: (r) => `SELECT cs.contract_id FROM contract_supplier cs WHERE ${r.among('cs.supplier_id', 'id')}`,
    watched: ['home_country', 'archived_at'],
  },
  offshoring: {
    dimensions: ['OFFSHORE_LOCATION', 'OFFSHORING_STATUS'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'location_id', 'status', 'archived_at'],
  },
  offshore_location: {
    dimensions: ['OFFSHORE_LOCATION'],
    contracts: (r) => `SELECT o.contract_id FROM offshoring o WHERE ${r.among('o.location_id', 'id')}`,
    watched: ['archived_at'],
  },
  contract_union: {
    dimensions: ['UNION'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'union_id'],
  },
  trade_union: {
    dimensions: ['UNION'],
    contracts: (r) => `SELECT cu.contract_id FROM contract_union cu WHERE ${r.among('cu.union_id', 'id')}`,
    watched: ['archived_at'],
  },
  contract_service: {
    dimensions: ['SERVICE'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'service'],
  },
  event: {
    dimensions: ['YEAR'],
    contracts: (r) => `SELECT ${r.column('contract_id')}${r.from}`,
    watched: ['contract_id', 'date_year', 'archived_at'],
  },
  contract: {
    dimensions: Object.keys(RELATIONS),
    contracts: (r) => `SELECT ${r.column('id')}${r.from}`,
    watched: ['status', 'start_date_year', 'archived_at'],
  },
};
