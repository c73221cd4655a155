import type { DataSource } from 'typeorm';
import { orphanEntries, SEARCH_SUBJECT_TABLES } from '../../src/migrations/shared/search-subjects';

/** Search entries whose record no longer exists, as `TYPE:id` (none, if every writer removes them). */
export async function orphanSearchEntries(ds: DataSource): Promise<string[]> {
  const found: string[] = [];
  for (const [type, table] of Object.entries(SEARCH_SUBJECT_TABLES)) {
    const rows: Array<{ subject_id: number }> = await ds.query(`SELECT subject_id FROM search_entry WHERE ${orphanEntries(type, table)}`);
    found.push(...rows.map((row) => `${type}:${row.subject_id}`));
  }
  return found;
}
