// The SQL of migration ContractMeasures1795500000000, shared by its SQLite and PostgreSQL forms. Frozen with
// that migration: a later change to these rules is a new migration that re-creates the triggers and
// refreshes every row, never an edit here.

/** Each maintained envelope and the figures it is taken over (a contract's own figures, current ones). */
const ENVELOPES: Array<[string, string]> = [
  ['jobs', "q.measure = 'JOBS_AFFECTED'"],
  ['save_year', "q.measure = 'SAVINGS_CLAIMED' AND q.period = 'PER_YEAR'"],
  ['save_total', "q.measure = 'SAVINGS_CLAIMED' AND q.period <> 'PER_YEAR'"],
  ['lost', "q.measure = 'MONEY_LOST'"],
  ['off', "q.measure = 'JOBS_OFFSHORED'"],
];

export const CREATE_TABLE = `CREATE TABLE "contract_measure" (
  "contract_id" integer PRIMARY KEY NOT NULL REFERENCES "contract" ("id") ON DELETE CASCADE,
  ${ENVELOPES.map(([name]) => `"${name}_low" double precision, "${name}_high" double precision, "${name}_n" integer NOT NULL`).join(',\n  ')},
  "contested" integer NOT NULL)`;

/** MIN of the lows, MAX of the highs unless one is open-ended (then null), and how many figures. */
const envelope = ([name, condition]: [string, string]) => `
  MIN(CASE WHEN ${condition} THEN q.low END) AS ${name}_low,
  CASE WHEN SUM(CASE WHEN ${condition} AND q.high IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL
       ELSE MAX(CASE WHEN ${condition} THEN q.high END) END AS ${name}_high,
  SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${name}_n`;

/**
 * Contested: one of the contract's current claims is contradicted by another current claim on the same
 * proposition (of any contract), or two of its current offshoring entries for one location disagree on
 * whether it is DENIED. Scalar subqueries, looked up per contract: PostgreSQL may turn an EXISTS into a
 * hashed set of every contested contract, which, planned while a bulk load's tables looked empty, compared
 * every claim with every other on each batch.
 */
const CONTESTED = `CASE WHEN (
    SELECT 1 FROM claim a JOIN claim b ON b.proposition = a.proposition AND b.stance <> a.stance AND b.archived_at IS NULL
    WHERE a.contract_id = c.id AND a.archived_at IS NULL LIMIT 1) IS NOT NULL
  OR (
    SELECT 1 FROM offshoring a JOIN offshoring b ON b.contract_id = a.contract_id AND b.location_id = a.location_id
      AND (a.status = 'DENIED') <> (b.status = 'DENIED') AND b.archived_at IS NULL
    WHERE a.contract_id = c.id AND a.archived_at IS NULL LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END`;

const COLUMNS = ['contract_id', ...ENVELOPES.flatMap(([name]) => [`${name}_low`, `${name}_high`, `${name}_n`]), 'contested'];

/** The rows of the contracts `c.id` for which `where` holds, worked out from scratch. */
export const measuresOf = (where: string) => `SELECT c.id AS contract_id,${ENVELOPES.map(envelope).join(',')},
  ${CONTESTED} AS contested
  FROM contract c LEFT JOIN quantity q ON q.contract_id = c.id AND q.archived_at IS NULL
  WHERE ${where}
  GROUP BY c.id`;

/**
 * Statements that bring the rows of some contracts up to date: `ids` is a condition on a contract id column.
 * Writers are one at a time on both databases (SQLite's single writer; on PostgreSQL the data_version row,
 * updated by every write statement before these triggers run), so a delete and a re-insert cannot race.
 */
export const refresh = (ids: (column: string) => string) => [
  `DELETE FROM contract_measure WHERE ${ids('contract_id')}`,
  `INSERT INTO contract_measure (${COLUMNS.join(', ')}) ${measuresOf(ids('c.id'))}`,
];

/** Where a trigger reads its written rows: a row trigger's NEW or OLD, or a statement trigger's transition table. */
export interface Written {
  column(name: string): string;
  from: string;
  /** `expression` is one of the written rows' `column`: an index condition on both databases. */
  among(expression: string, column: string): string;
}

/**
 * What each write can change, per table: the contracts whose rows the written rows touch. A claim touches
 * every contract with a claim on its proposition, whose contested flag it may set or clear.
 */
export const TOUCHED: Record<'quantity' | 'offshoring' | 'claim', (rows: Written) => string> = {
  quantity: (rows) => `SELECT ${rows.column('contract_id')}${rows.from}`,
  offshoring: (rows) => `SELECT ${rows.column('contract_id')}${rows.from}`,
  claim: (rows) =>
    `SELECT ${rows.column('contract_id')}${rows.from} UNION SELECT other.contract_id FROM claim other WHERE ${rows.among('other.proposition', 'proposition')}`,
};

/** Columns whose change can change a row, per table (SQLite's triggers fire only on these). */
export const WATCHED: Record<keyof typeof TOUCHED, string[]> = {
  quantity: ['contract_id', 'measure', 'period', 'low', 'high', 'archived_at'],
  offshoring: ['contract_id', 'location_id', 'status', 'archived_at'],
  claim: ['contract_id', 'proposition', 'stance', 'archived_at'],
};

/** Every contract's row, for the migration's first fill. */
export const FILL = `INSERT INTO contract_measure (${COLUMNS.join(', ')}) ${measuresOf('1 = 1')}`;
