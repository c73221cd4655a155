import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every table the API answers from: all but the keys and the audit log, which only fields needing a key
// show, and answers with those are never cached.
// Frozen here, as a migration must be; a test fails when a later table has no trigger.
const TABLES = [
  'citation',
  'claim',
  'contract',
  'contract_buyer',
  'contract_classification',
  'contract_service',
  'contract_supplier',
  'contract_union',
  'event',
  'event_union',
  'ocds_release',
  'offshore_location',
  'offshoring',
  'party_match',
  'person',
  'person_role',
  'public_body',
  'quantity',
  'search_entry',
  'source',
  'supplier',
  'trade_union',
];

/**
 * A counter that every write to the data moves on, kept by the database itself, so that a cached answer or
 * roll-up is known to be current whoever wrote (a mutation, an import in another process, a script).
 * Statement triggers: a bulk insert moves it once. The counter's row is locked until the writing
 * transaction ends, which orders writers; the atlas is written rarely and read often.
 */
export class DataVersion1795493000000 implements MigrationInterface {
  name = 'DataVersion1795493000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "data_version" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL)');
    await queryRunner.query('INSERT INTO "data_version" ("id", "version") VALUES (1, 0)');
    await queryRunner.query(`CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE "data_version" SET "version" = "version" + 1; RETURN NULL; END $$`);
    for (const table of TABLES) {
      await queryRunner.query(`CREATE TRIGGER "data_version_${table}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER "data_version_${table}" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION "bump_data_version"()');
    await queryRunner.query('DROP TABLE "data_version"');
  }
}
