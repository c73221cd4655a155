import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search by index instead of by reading every entry: an FTS5 table with the trigram tokenizer over the
 * entries' folded text, which answers `folded LIKE '%…%'` itself (for a pattern with three characters in a
 * row). External content (the rows stay in search_entry, the index holds only trigrams, `detail=none`: no
 * positions, as LIKE re-checks each candidate row) and kept by triggers in every write's transaction. And
 * the folded text itself indexed, for exact and prefix matches by range.
 */
export class SearchTrigramIndex1795510000000 implements MigrationInterface {
  name = 'SearchTrigramIndex1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "search_trigram" USING fts5("folded", content='search_entry', content_rowid='id', tokenize='trigram', detail='none')`,
    );
    await queryRunner.query(`CREATE TRIGGER "search_trigram_insert" AFTER INSERT ON "search_entry" BEGIN
      INSERT INTO "search_trigram" (rowid, "folded") VALUES (new."id", new."folded"); END`);
    await queryRunner.query(`CREATE TRIGGER "search_trigram_delete" AFTER DELETE ON "search_entry" BEGIN
      INSERT INTO "search_trigram" ("search_trigram", rowid, "folded") VALUES ('delete', old."id", old."folded"); END`);
    await queryRunner.query(`CREATE TRIGGER "search_trigram_update" AFTER UPDATE OF "folded" ON "search_entry" BEGIN
      INSERT INTO "search_trigram" ("search_trigram", rowid, "folded") VALUES ('delete', old."id", old."folded");
      INSERT INTO "search_trigram" (rowid, "folded") VALUES (new."id", new."folded"); END`);
    await queryRunner.query(`INSERT INTO "search_trigram" ("search_trigram") VALUES ('rebuild')`);
    await queryRunner.query('CREATE INDEX "IDX_search_entry_folded" ON "search_entry" ("folded")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_search_entry_folded"');
    for (const trigger of ['insert', 'delete', 'update']) await queryRunner.query(`DROP TRIGGER "search_trigram_${trigger}"`);
    await queryRunner.query('DROP TABLE "search_trigram"');
  }
}
