import type { DataSource } from 'typeorm';

/**
 * The version of the data. The database moves it on with every write to the tables the API reads (triggers,
 * migration DataVersion), so it holds for writes from any process: mutations, an import run beside the
 * server, a script. A cache keyed by it is never stale.
 */
export async function dataVersion(ds: DataSource): Promise<string> {
  const [row] = await ds.query('SELECT "version" FROM "data_version" WHERE "id" = 1');
  return String(row.version);
}
