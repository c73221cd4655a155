import type { DataSource } from 'typeorm';
import { entities } from '../../src/entities';

/** Every row of every table, in a stable order: compare two dumps to prove nothing changed. */
export async function dumpDatabase(ds: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const entity of entities) {
    const meta = ds.getMetadata(entity);
    const order = meta.primaryColumns.map((c) => c.databaseName).join(', ');
    tables[meta.tableName] = await ds.query(`SELECT * FROM ${meta.tableName} ORDER BY ${order}`);
  }
  return tables;
}
