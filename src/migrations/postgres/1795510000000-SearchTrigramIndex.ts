import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search by index instead of by reading every entry: a pg_trgm GIN index over the entries' folded text,
 * which PostgreSQL uses for `folded LIKE '%…%'` (for a pattern with three characters in a row). pg_trgm is a
 * trusted extension shipped with PostgreSQL (contrib): a database owner may create it, and managed services
 * offer it. And the folded text itself indexed in byte order, for exact and prefix matches by range.
 */
export class SearchTrigramIndex1795510000000 implements MigrationInterface {
  name = 'SearchTrigramIndex1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE INDEX "IDX_search_entry_folded_trigram" ON "search_entry" USING gin ("folded" gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX "IDX_search_entry_folded" ON "search_entry" ("folded" COLLATE "C")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_search_entry_folded"');
    await queryRunner.query('DROP INDEX "public"."IDX_search_entry_folded_trigram"');
  }
}
