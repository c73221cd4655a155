import type { MigrationInterface, QueryRunner } from 'typeorm';
import { orphanEntries, SEARCH_SUBJECT_TABLES } from './search-subjects';

/**
 * Until now an import that replaced a contract's published values and award events deleted them (and their
 * quotes) without their search entries, when an editor had added such a figure or event: entries pointing
 * at nothing, which search left out then and must not meet now (a hit's record is read only when asked).
 * The importer removes them since; this removes those left behind. Nothing to undo. One class for both
 * databases: the statement is the same on each.
 */
export class SearchOrphans1795580000000 implements MigrationInterface {
  name = 'SearchOrphans1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [type, table] of Object.entries(SEARCH_SUBJECT_TABLES))
      await queryRunner.query(`DELETE FROM search_entry WHERE ${orphanEntries(type, table)}`);
  }

  public async down(): Promise<void> {}
}
