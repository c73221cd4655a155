import type { DataSource } from 'typeorm';
import type { ContractFilter } from '../../schema/filters';
import { inList, runSql } from '../sql';

/** The buyers' and suppliers' kept groups: a party's group counts its live contracts (archived parties have none). */
const PARTIES = [
  { field: 'buyers', table: 'public_body', dimension: 'PUBLIC_BODY' },
  { field: 'suppliers', table: 'supplier', dimension: 'SUPPLIER' },
] as const;

/** The kinds of party a filter names (buyers, suppliers), whose contracts it then selects among. */
const namedIn = (filter: ContractFilter | null | undefined) => PARTIES.filter(({ field }) => (filter?.[field]?.length ?? 0) > 0);

/** Whether a filter names buyers or suppliers. */
export function namesParties(filter: ContractFilter | null | undefined): boolean {
  return namedIn(filter).length > 0;
}

/**
 * The most contracts a filter naming buyers or suppliers can select: for each of the two it names, the sum
 * of its parties' kept contract counts (an indexed read each, whatever the number of contracts), and the
 * smaller of the two. A slug that names no live party adds nothing, as it matches nothing. Null when the
 * filter names neither, or when the kept groups are behind the contracts.
 */
export async function contractsOfNamedParties(ds: DataSource, filter: ContractFilter | null | undefined): Promise<number | null> {
  const named = namedIn(filter);
  if (!named.length) return null;
  const sums = named.map(
    ({ field, table, dimension }) => `(SELECT SUM(s.contract_count) FROM ${table} p
       JOIN rollup_summary s ON s.dimension = '${dimension}' AND s.k = CAST(p.id AS TEXT)
       WHERE ${inList(ds, 'p.slug', field)} AND p.archived_at IS NULL) AS ${field}`,
  );
  const [row] = await runSql<Record<string, number | string | boolean | null>>(
    ds,
    `SELECT ${sums.join(', ')}, EXISTS (SELECT 1 FROM rollup_dirty) AS dirty`,
    Object.fromEntries(named.map(({ field }) => [field, filter![field]])),
  );
  // Contracts written but not yet flushed into the kept groups (SQLite, outside the writer's own
  // transactions): the counts may be behind, so none is given.
  if (row.dirty) return null;
  return Math.min(...named.map(({ field }) => Number(row[field] ?? 0)));
}
