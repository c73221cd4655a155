// SQL fragments for ranges, written once so every measure is combined the same way on both databases.

/**
 * Per contract (inside a GROUP BY contract): the envelope of the figures matching `condition` —
 * `<name>_low`, `<name>_high` (null when any is open-ended) and `<name>_n` (how many figures).
 */
export const envelopeColumns = (name: string, condition: string, low = 'low', high = 'high') => `
  MIN(CASE WHEN ${condition} THEN ${low} END) AS ${name}_low,
  CASE WHEN SUM(CASE WHEN ${condition} AND ${high} IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL
       ELSE MAX(CASE WHEN ${condition} THEN ${high} END) END AS ${name}_high,
  SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${name}_n`;

/**
 * Per group: the sum of per-contract envelopes `<prefix>_low/_high/_n`. A contract with no figure adds 0;
 * one open-ended figure opens the sum.
 */
export const sumColumns = (prefix: string, as = prefix) => `
  COALESCE(SUM(CASE WHEN ${prefix}_n > 0 THEN ${prefix}_low ELSE 0 END), 0) AS ${as}_low,
  CASE WHEN SUM(CASE WHEN ${prefix}_n > 0 AND ${prefix}_high IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL
       ELSE COALESCE(SUM(CASE WHEN ${prefix}_n > 0 THEN ${prefix}_high ELSE 0 END), 0) END AS ${as}_high,
  COALESCE(SUM(CASE WHEN ${prefix}_n > 0 THEN 1 ELSE 0 END), 0) AS ${as}_based_on`;

/**
 * A measure's high from kept parts (`<prefix>_high`, the sum of the finite highs, and `<prefix>_open`, how
 * many are open-ended): null when any is. What a roll-up answers, and what its top sorts by.
 */
export const keptHigh = (prefix: string) => `CASE WHEN ${prefix}_open > 0 THEN NULL ELSE ${prefix}_high END`;

export interface RangeRow {
  low: number;
  high: number | null;
  basedOn: number;
}

const num = (v: unknown) => (v == null ? null : Number(v));

/** Each range's column names, made once rather than at every read (300,000 reads for 100,000 groups). */
const columnsOf = new Map<string, { low: string; high: string; basedOn: string }>();
export const rangeColumns = (name: string) => {
  let columns = columnsOf.get(name);
  if (!columns) columnsOf.set(name, (columns = { low: `${name}_low`, high: `${name}_high`, basedOn: `${name}_based_on` }));
  return columns;
};

/** Reads `<name>_low/_high/_based_on` from a result row (numbers, or the text PostgreSQL's driver gives for its sums). */
export const readRange = (row: Record<string, unknown> | undefined, name: string): RangeRow => {
  const { low, high, basedOn } = rangeColumns(name);
  return { low: num(row?.[low]) ?? 0, high: row ? num(row[high]) : 0, basedOn: num(row?.[basedOn]) ?? 0 };
};
