import type { MigrationInterface } from 'typeorm';
import { Init1795475933870 as PostgresInit } from './postgres/1795475933870-Init';
import { Init1795475933288 as SqliteInit } from './sqlite/1795475933288-Init';

type Migration = new () => MigrationInterface;

// One list per driver, generated from the same entities (`npm run migration:generate`), so their intent
// is identical. Listed explicitly, not globbed, so the same list works from ts-jest and from dist/.
const sqlite: Migration[] = [SqliteInit];
const postgres: Migration[] = [PostgresInit];

export function migrationsFor(driver: 'better-sqlite3' | 'postgres'): Migration[] {
  return driver === 'postgres' ? postgres : sqlite;
}
