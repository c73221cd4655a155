import type { MigrationInterface, QueryRunner } from 'typeorm';

// The tables a roll-up or its contract filter reads. Frozen here, as a migration must be; a later table
// that roll-ups read needs a migration adding its triggers.
const TABLES = ['citation', 'claim', 'contract', 'contract_buyer', 'contract_service', 'contract_supplier', 'contract_union', 'event',
  'offshore_location', 'offshoring', 'public_body', 'quantity', 'search_entry', 'supplier', 'trade_union'];

/**
 * A counter that every write to the data roll-ups read moves on, kept by the database itself, so that a
 * cached roll-up is known to be current whoever wrote (a mutation, an import in another process, a script).
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
