import type { DataSource } from 'typeorm';
import { currentRequest } from '../database/request-scope';

const read = async (ds: DataSource): Promise<string> => {
  const [row] = await ds.query('SELECT "version" FROM "data_version" WHERE "id" = 1');
  return String(row.version);
};

/**
 * The version of the data. The database moves it on with every write to the tables the API reads (triggers,
 * migration DataVersion), so it holds for writes from any process: mutations, an import run beside the
 * server, a script. A cache keyed by it is never stale. Within a request it is read once (the answer cache,
 * the roll-up cache and roll-up pricing all ask), and it is the version the request's snapshot sees.
 */
export function dataVersion(ds: DataSource): Promise<string> {
  const scope = currentRequest();
  if (!scope) return read(ds);
  if (!scope.dataVersion) {
    const version = read(ds);
    scope.dataVersion = version;
    version.catch(() => {
      if (scope.dataVersion === version) scope.dataVersion = undefined;
    });
  }
  return scope.dataVersion;
}
