import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { type DatabaseTarget, dataSourceOptions } from '../../ormconfig';

/** Connects and brings the schema up to date by migrations (never by synchronize). */
export async function openDatabase(target: DatabaseTarget, logging = false, logger?: Logger): Promise<DataSource> {
  if ('sqlitePath' in target && target.sqlitePath !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(target.sqlitePath)), { recursive: true });
  }
  const ds = await new DataSource(dataSourceOptions(target, logging, logger)).initialize();
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}
