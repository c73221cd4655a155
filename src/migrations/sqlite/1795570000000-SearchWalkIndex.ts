import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The same index as PostgreSQL's (the entities describe one schema): the walk's order (type, record, id).
 * SQLite's old index already ended with the rowid, so here it changes only the name search asks for.
 */
export class SearchWalkIndex1795570000000 implements MigrationInterface {
  name = 'SearchWalkIndex1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_823fd25b6239f4f23e0bd39218"');
    await queryRunner.query('CREATE INDEX "IDX_search_entry_walk" ON "search_entry" ("subject_type", "subject_id", "id")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_search_entry_walk"');
    await queryRunner.query('CREATE INDEX "IDX_823fd25b6239f4f23e0bd39218" ON "search_entry" ("subject_type", "subject_id")');
  }
}
