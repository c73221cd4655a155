/**
 * The measures a roll-up's totals row can hold, each by the prefix of its columns (`jobs_low`, `jobs_high`,
 * `jobs_based_on`), and the contested flag. A roll-up reads only those its request names: a roll-up of
 * 100,000 suppliers' counts and jobs read 15 columns a group where it needs 5.
 */
export const TOTALS_MEASURES = ['jobs', 'save_year', 'save_total', 'lost', 'contested'] as const;
export type TotalsMeasure = (typeof TOTALS_MEASURES)[number];

/** The summed measures (every one but the flag), in the order their columns are written. */
const SUMMED_MEASURES = TOTALS_MEASURES.filter((m): m is Exclude<TotalsMeasure, 'contested'> => m !== 'contested');

/** Of `measures`, the summed ones in column order, and whether the contested flag is among them. */
export const summedAndFlag = (measures: readonly TotalsMeasure[]) => ({
  summed: SUMMED_MEASURES.filter((m) => measures.includes(m)),
  contested: measures.includes('contested'),
});

/** A set of measures in one order whatever the order they were named in, so that equal sets make equal cache keys. */
export const measureList = (measures: Iterable<TotalsMeasure>): TotalsMeasure[] => {
  const named = new Set(measures);
  return TOTALS_MEASURES.filter((m) => named.has(m));
};
