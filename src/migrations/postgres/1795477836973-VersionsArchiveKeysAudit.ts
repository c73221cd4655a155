import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class VersionsArchiveKeysAudit1795477836973 implements MigrationInterface {
  name = 'VersionsArchiveKeysAudit1795477836973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "lookup" character varying(32) NOT NULL, "secret_hash" text NOT NULL, "role" character varying(20) NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73c82e6a8ac3a48701b2e77f91" ON "api_key"  ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_acaf6c301a53bd21859c214d2e" ON "api_key"  ("lookup") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" TIMESTAMP NOT NULL DEFAULT now(), "key_name" character varying(100) NOT NULL, "operation" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" integer NOT NULL, "before" text, "after" text, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_37ca7ffe6110808eb6fa059469" ON "audit_entry"  ("key_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_5d987014df964fe6ae02b9ee63" ON "audit_entry"  ("operation") `);
    await queryRunner.query(`CREATE INDEX "IDX_e7125cbc7067857200fda86c46" ON "audit_entry"  ("entity_type") `);
    await queryRunner.query(`ALTER TABLE "source" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "source" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "citation" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "citation" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "offshore_location" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "offshore_location" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "offshoring" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "offshoring" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "person" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "person" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "public_body" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "public_body" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "supplier" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "supplier" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "trade_union" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "trade_union" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "claim" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "claim" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "event" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "event" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "person_role" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "person_role" ADD "archived_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "quantity" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "quantity" ADD "archived_at" TIMESTAMP`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quantity" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "quantity" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "trade_union" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "trade_union" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "supplier" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "supplier" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "public_body" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "public_body" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "offshoring" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "offshoring" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "offshore_location" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "offshore_location" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "source" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "source" DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7125cbc7067857200fda86c46"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d987014df964fe6ae02b9ee63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37ca7ffe6110808eb6fa059469"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_acaf6c301a53bd21859c214d2e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73c82e6a8ac3a48701b2e77f91"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
