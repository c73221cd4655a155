import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public bodies' and suppliers' lists by name (their default order), as an expression index each, for
 * the reason TitleSortIndex gives: at scale these are the directories large enough for a sort to show.
 */
export class NameSortIndexes1795492000000 implements MigrationInterface {
  name = 'NameSortIndexes1795492000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_public_body_name_sort" ON "public_body" (LOWER("name"), "id")');
    await queryRunner.query('CREATE INDEX "IDX_supplier_name_sort" ON "supplier" (LOWER("name"), "id")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_public_body_name_sort"');
    await queryRunner.query('DROP INDEX "IDX_supplier_name_sort"');
  }
}
