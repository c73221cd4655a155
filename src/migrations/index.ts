import type { MigrationInterface } from 'typeorm';
import { Init1795475933870 as PostgresInit } from './postgres/1795475933870-Init';
import { VersionsArchiveKeysAudit1795477836973 as PostgresVersionsArchiveKeysAudit } from './postgres/1795477836973-VersionsArchiveKeysAudit';
import { OcdsImport1795487352220 as PostgresOcdsImport } from './postgres/1795487352220-OcdsImport';
import { TitleSortIndex1795491000000 as PostgresTitleSortIndex } from './postgres/1795491000000-TitleSortIndex';
import { NameSortIndexes1795492000000 as PostgresNameSortIndexes } from './postgres/1795492000000-NameSortIndexes';
import { DataVersion1795493000000 as PostgresDataVersion } from './postgres/1795493000000-DataVersion';
import { ContractMeasures1795500000000 as PostgresContractMeasures } from './postgres/1795500000000-ContractMeasures';
import { SearchTrigramIndex1795510000000 as PostgresSearchTrigramIndex } from './postgres/1795510000000-SearchTrigramIndex';
import { RollupSummaries1795520000000 as PostgresRollupSummaries } from './postgres/1795520000000-RollupSummaries';
import { RollupPairs1795530000000 as PostgresRollupPairs } from './postgres/1795530000000-RollupPairs';
import { RollupWidePairs1795540000000 as PostgresRollupWidePairs } from './postgres/1795540000000-RollupWidePairs';
import { RollupPairPartitions1795550000000 as PostgresRollupPairPartitions } from './postgres/1795550000000-RollupPairPartitions';
import { RollupFlushHashed1795560000000 as PostgresRollupFlushHashed } from './postgres/1795560000000-RollupFlushHashed';
import { SearchWalkIndex1795570000000 as PostgresSearchWalkIndex } from './postgres/1795570000000-SearchWalkIndex';
import { SearchWalkIndex1795570000000 as SqliteSearchWalkIndex } from './sqlite/1795570000000-SearchWalkIndex';
import { SearchOrphans1795580000000 as SearchOrphans } from './shared/1795580000000-SearchOrphans';
import { Init1795475933288 as SqliteInit } from './sqlite/1795475933288-Init';
import { OcdsImport1795487350521 as SqliteOcdsImport } from './sqlite/1795487350521-OcdsImport';
import { TitleSortIndex1795491000000 as SqliteTitleSortIndex } from './sqlite/1795491000000-TitleSortIndex';
import { NameSortIndexes1795492000000 as SqliteNameSortIndexes } from './sqlite/1795492000000-NameSortIndexes';
import { DataVersion1795493000000 as SqliteDataVersion } from './sqlite/1795493000000-DataVersion';
import { ContractMeasures1795500000000 as SqliteContractMeasures } from './sqlite/1795500000000-ContractMeasures';
import { SearchTrigramIndex1795510000000 as SqliteSearchTrigramIndex } from './sqlite/1795510000000-SearchTrigramIndex';
import { RollupSummaries1795520000000 as SqliteRollupSummaries } from './sqlite/1795520000000-RollupSummaries';
import { RollupPairs1795530000000 as SqliteRollupPairs } from './sqlite/1795530000000-RollupPairs';
import { RollupWidePairs1795540000000 as SqliteRollupWidePairs } from './sqlite/1795540000000-RollupWidePairs';
import { VersionsArchiveKeysAudit1795477835711 as SqliteVersionsArchiveKeysAudit } from './sqlite/1795477835711-VersionsArchiveKeysAudit';

type Migration = new () => MigrationInterface;

// One list per driver, generated from the same entities (`npm run migration:generate`), so their intent
// is identical. Listed explicitly, not globbed, so the same list works from ts-jest and from dist/.
const sqlite: Migration[] = [
  SqliteInit,
  SqliteVersionsArchiveKeysAudit,
  SqliteOcdsImport,
  SqliteTitleSortIndex,
  SqliteNameSortIndexes,
  SqliteDataVersion,
  SqliteContractMeasures,
  SqliteSearchTrigramIndex,
  SqliteRollupSummaries,
  SqliteRollupPairs,
  SqliteRollupWidePairs,
  SqliteSearchWalkIndex,
  SearchOrphans,
];
const postgres: Migration[] = [
  PostgresInit,
  PostgresVersionsArchiveKeysAudit,
  PostgresOcdsImport,
  PostgresTitleSortIndex,
  PostgresNameSortIndexes,
  PostgresDataVersion,
  PostgresContractMeasures,
  PostgresSearchTrigramIndex,
  PostgresRollupSummaries,
  PostgresRollupPairs,
  PostgresRollupWidePairs,
  // PostgreSQL only: SQLite's table already keeps each kind's rows together (see the migration).
  PostgresRollupPairPartitions,
  // PostgreSQL only: a setting of the flush function SQLite does not have (its flush runs from the writer).
  PostgresRollupFlushHashed,
  PostgresSearchWalkIndex,
  SearchOrphans,
];

export function migrationsFor(driver: 'better-sqlite3' | 'postgres'): Migration[] {
  return driver === 'postgres' ? postgres : sqlite;
}
