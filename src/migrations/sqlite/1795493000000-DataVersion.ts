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
const OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'];

/**
 * A counter that every write to the data moves on, kept by the database itself, so that a cached answer or
 * roll-up is known to be current whoever wrote (a mutation, an import in another process, a script).
 * SQLite has only row triggers: each written row adds one to the counter.
 */
export class DataVersion1795493000000 implements MigrationInterface {
  name = 'DataVersion1795493000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "data_version" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" integer NOT NULL)');
    await queryRunner.query('INSERT INTO "data_version" ("id", "version") VALUES (1, 0)');
    for (const table of TABLES) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(`CREATE TRIGGER "data_version_${table}_${operation.toLowerCase()}" AFTER ${operation} ON "${table}"
          BEGIN UPDATE "data_version" SET "version" = "version" + 1; END`);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const operation of OPERATIONS) await queryRunner.query(`DROP TRIGGER "data_version_${table}_${operation.toLowerCase()}"`);
    }
    await queryRunner.query('DROP TABLE "data_version"');
  }
}
