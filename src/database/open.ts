import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { type DatabaseTarget, dataSourceOptions } from '../../ormconfig';

/** Connects and brings the schema up to date by migrations (never by synchronize). */
export async function openDatabase(target: DatabaseTarget, logging = false): Promise<DataSource> {
  if ('sqlitePath' in target && target.sqlitePath !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(target.sqlitePath)), { recursive: true });
  }
  const ds = await new DataSource(dataSourceOptions(target, logging)).initialize();
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}
