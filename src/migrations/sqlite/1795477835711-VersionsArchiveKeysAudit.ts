import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class VersionsArchiveKeysAudit1795477835711 implements MigrationInterface {
  name = 'VersionsArchiveKeysAudit1795477835711';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "lookup" varchar(32) NOT NULL, "secret_hash" text NOT NULL, "role" varchar(20) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "revoked_at" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73c82e6a8ac3a48701b2e77f91" ON "api_key" ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_acaf6c301a53bd21859c214d2e" ON "api_key" ("lookup") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL DEFAULT (datetime('now')), "key_name" varchar(100) NOT NULL, "operation" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" integer NOT NULL, "before" text, "after" text)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_37ca7ffe6110808eb6fa059469" ON "audit_entry" ("key_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_5d987014df964fe6ae02b9ee63" ON "audit_entry" ("operation") `);
    await queryRunner.query(`CREATE INDEX "IDX_e7125cbc7067857200fda86c46" ON "audit_entry" ("entity_type") `);
    await queryRunner.query(`DROP INDEX "IDX_80b63096c76678b8739a149602"`);
    await queryRunner.query(`DROP INDEX "IDX_73b9082fc0d085f1248327af4b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_source" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "file_name" varchar(255), "title" text NOT NULL, "kind" varchar(40) NOT NULL, "publisher" text, "summary" text, "url" text, "text" text, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_source"("id", "slug", "file_name", "title", "kind", "publisher", "summary", "url", "text", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "file_name", "title", "kind", "publisher", "summary", "url", "text", "date_year", "date_month", "date_day", "date_wording" FROM "source"`,
    );
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`ALTER TABLE "temporary_source" RENAME TO "source"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_80b63096c76678b8739a149602" ON "source" ("file_name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73b9082fc0d085f1248327af4b" ON "source" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`DROP INDEX "IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_citation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quote" text NOT NULL, "note" text, "subject_type" varchar(30) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_b1661be309b71bd750d6f027387" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_citation"("id", "quote", "note", "subject_type", "subject_id", "source_id") SELECT "id", "quote", "note", "subject_type", "subject_id", "source_id" FROM "citation"`,
    );
    await queryRunner.query(`DROP TABLE "citation"`);
    await queryRunner.query(`ALTER TABLE "temporary_citation" RENAME TO "citation"`);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation" ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation" ("source_id") `);
    await queryRunner.query(`DROP INDEX "IDX_e8433d17975fac12a7d46ddc6a"`);
    await queryRunner.query(`DROP INDEX "IDX_d208f5c6c69b5f7436ce0710ff"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" text NOT NULL, "description" text, "status" varchar(40) NOT NULL, "start_date_year" integer, "start_date_month" integer, "start_date_day" integer, "start_date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_contract"("id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording") SELECT "id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording" FROM "contract"`,
    );
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`ALTER TABLE "temporary_contract" RENAME TO "contract"`);
    await queryRunner.query(`CREATE INDEX "IDX_e8433d17975fac12a7d46ddc6a" ON "contract" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d208f5c6c69b5f7436ce0710ff" ON "contract" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_c3d5a589886767c95c09e25378"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_offshore_location" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "kind" varchar(20) NOT NULL, "country_code" varchar(2), "aliases" text NOT NULL, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_offshore_location"("id", "slug", "name", "kind", "country_code", "aliases") SELECT "id", "slug", "name", "kind", "country_code", "aliases" FROM "offshore_location"`,
    );
    await queryRunner.query(`DROP TABLE "offshore_location"`);
    await queryRunner.query(`ALTER TABLE "temporary_offshore_location" RENAME TO "offshore_location"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c3d5a589886767c95c09e25378" ON "offshore_location" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_2ff9010bd1e4e6f0e1af0de106"`);
    await queryRunner.query(`DROP INDEX "IDX_9ad7f8fb0f7491a6b33ebb6ed2"`);
    await queryRunner.query(`DROP INDEX "IDX_8c5d7b0ea257d9682423b834a6"`);
    await queryRunner.query(`DROP INDEX "IDX_11a1dd656ab3ddf0ff773d0aa2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_offshoring" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "status" varchar(20) NOT NULL, "description" text, "contract_id" integer NOT NULL, "location_id" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_2ff9010bd1e4e6f0e1af0de106b" FOREIGN KEY ("location_id") REFERENCES "offshore_location" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9ad7f8fb0f7491a6b33ebb6ed28" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_offshoring"("id", "slug", "status", "description", "contract_id", "location_id") SELECT "id", "slug", "status", "description", "contract_id", "location_id" FROM "offshoring"`,
    );
    await queryRunner.query(`DROP TABLE "offshoring"`);
    await queryRunner.query(`ALTER TABLE "temporary_offshoring" RENAME TO "offshoring"`);
    await queryRunner.query(`CREATE INDEX "IDX_2ff9010bd1e4e6f0e1af0de106" ON "offshoring" ("location_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9ad7f8fb0f7491a6b33ebb6ed2" ON "offshoring" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c5d7b0ea257d9682423b834a6" ON "offshoring" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_11a1dd656ab3ddf0ff773d0aa2" ON "offshoring" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_48e444390904f250a3b20e4d57"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person"("id", "slug", "name", "aliases") SELECT "id", "slug", "name", "aliases" FROM "person"`,
    );
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_48e444390904f250a3b20e4d57" ON "person" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_0f07ccb80caea80a2e74cfe765"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_public_body" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "kind" varchar(40) NOT NULL, "sector" varchar(40) NOT NULL, "description" text, "parent_id" integer, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_9e46fd1a74bea7298f6a8e96eb1" FOREIGN KEY ("parent_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_public_body"("id", "slug", "name", "aliases", "kind", "sector", "description", "parent_id") SELECT "id", "slug", "name", "aliases", "kind", "sector", "description", "parent_id" FROM "public_body"`,
    );
    await queryRunner.query(`DROP TABLE "public_body"`);
    await queryRunner.query(`ALTER TABLE "temporary_public_body" RENAME TO "public_body"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f07ccb80caea80a2e74cfe765" ON "public_body" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_1f067f81ac0f9749431279b4b8"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_supplier" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "home_country" varchar(2), "description" text, "parent_id" integer, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_0c96cea40389e3bb9ea71435ea4" FOREIGN KEY ("parent_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_supplier"("id", "slug", "name", "aliases", "home_country", "description", "parent_id") SELECT "id", "slug", "name", "aliases", "home_country", "description", "parent_id" FROM "supplier"`,
    );
    await queryRunner.query(`DROP TABLE "supplier"`);
    await queryRunner.query(`ALTER TABLE "temporary_supplier" RENAME TO "supplier"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1f067f81ac0f9749431279b4b8" ON "supplier" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_b0de08d605e00147ab9db59213"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_trade_union" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "acronym" varchar(40), "aliases" text NOT NULL, "description" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_trade_union"("id", "slug", "name", "acronym", "aliases", "description") SELECT "id", "slug", "name", "acronym", "aliases", "description" FROM "trade_union"`,
    );
    await queryRunner.query(`DROP TABLE "trade_union"`);
    await queryRunner.query(`ALTER TABLE "temporary_trade_union" RENAME TO "trade_union"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0de08d605e00147ab9db59213" ON "trade_union" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_561cd8295ecf2a94ba7aa2320a"`);
    await queryRunner.query(`DROP INDEX "IDX_296304c6522d65c506b46fbfe4"`);
    await queryRunner.query(`DROP INDEX "IDX_9123e398dd27324464cea3fcf3"`);
    await queryRunner.query(`DROP INDEX "IDX_9c9813561a6681e10c98502e01"`);
    await queryRunner.query(`DROP INDEX "IDX_445f17a128be2a584266a3546e"`);
    await queryRunner.query(`DROP INDEX "IDX_72f1c53e0975aed74c52cd3ca7"`);
    await queryRunner.query(`DROP INDEX "IDX_c2e7c10c10fffd381eb2384da9"`);
    await queryRunner.query(`DROP INDEX "IDX_7deb8109a34754075e3e4458ec"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_claim" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "statement" text NOT NULL, "stance" varchar(10) NOT NULL, "proposition" text NOT NULL, "claimant_description" text, "person_id" integer, "union_id" integer, "public_body_id" integer, "supplier_id" integer, "contract_id" integer, "offshoring_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_561cd8295ecf2a94ba7aa2320aa" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_296304c6522d65c506b46fbfe4a" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9123e398dd27324464cea3fcf3d" FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_9c9813561a6681e10c98502e01d" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_445f17a128be2a584266a3546e6" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_72f1c53e0975aed74c52cd3ca7a" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_claim"("id", "slug", "statement", "stance", "proposition", "claimant_description", "person_id", "union_id", "public_body_id", "supplier_id", "contract_id", "offshoring_id", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "statement", "stance", "proposition", "claimant_description", "person_id", "union_id", "public_body_id", "supplier_id", "contract_id", "offshoring_id", "date_year", "date_month", "date_day", "date_wording" FROM "claim"`,
    );
    await queryRunner.query(`DROP TABLE "claim"`);
    await queryRunner.query(`ALTER TABLE "temporary_claim" RENAME TO "claim"`);
    await queryRunner.query(`CREATE INDEX "IDX_561cd8295ecf2a94ba7aa2320a" ON "claim" ("offshoring_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_296304c6522d65c506b46fbfe4" ON "claim" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9123e398dd27324464cea3fcf3" ON "claim" ("supplier_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9c9813561a6681e10c98502e01" ON "claim" ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_445f17a128be2a584266a3546e" ON "claim" ("union_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_72f1c53e0975aed74c52cd3ca7" ON "claim" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c2e7c10c10fffd381eb2384da9" ON "claim" ("proposition") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7deb8109a34754075e3e4458ec" ON "claim" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_27081fdd43d4ab5aa0db310c54"`);
    await queryRunner.query(`DROP INDEX "IDX_d7f8e8d962be3bdcb947d337fe"`);
    await queryRunner.query(`DROP INDEX "IDX_03a3c31d0e1682d5d75404ce45"`);
    await queryRunner.query(`DROP INDEX "IDX_9d0d870657c4fac264cdca048e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kind" varchar(40) NOT NULL, "title" text NOT NULL, "description" text, "contract_id" integer, "public_body_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_27081fdd43d4ab5aa0db310c54b" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_d7f8e8d962be3bdcb947d337fe4" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_event"("id", "slug", "kind", "title", "description", "contract_id", "public_body_id", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "kind", "title", "description", "contract_id", "public_body_id", "date_year", "date_month", "date_day", "date_wording" FROM "event"`,
    );
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`ALTER TABLE "temporary_event" RENAME TO "event"`);
    await queryRunner.query(`CREATE INDEX "IDX_27081fdd43d4ab5aa0db310c54" ON "event" ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d7f8e8d962be3bdcb947d337fe" ON "event" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_03a3c31d0e1682d5d75404ce45" ON "event" ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d0d870657c4fac264cdca048e" ON "event" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_7770d2f45811631494ac869bbe"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person_role" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" text NOT NULL, "person_id" integer NOT NULL, "public_body_id" integer, "union_id" integer, "supplier_id" integer, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_156bef86a8d0c8491a0d8c40c78" FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_87f14719805060dd6197111d7df" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e0b0b229993e4d092fe60efaa34" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_7770d2f45811631494ac869bbe7" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person_role"("id", "title", "person_id", "public_body_id", "union_id", "supplier_id") SELECT "id", "title", "person_id", "public_body_id", "union_id", "supplier_id" FROM "person_role"`,
    );
    await queryRunner.query(`DROP TABLE "person_role"`);
    await queryRunner.query(`ALTER TABLE "temporary_person_role" RENAME TO "person_role"`);
    await queryRunner.query(`CREATE INDEX "IDX_7770d2f45811631494ac869bbe" ON "person_role" ("person_id") `);
    await queryRunner.query(`DROP INDEX "IDX_a0a1113f01e30ebc12a451b5f0"`);
    await queryRunner.query(`DROP INDEX "IDX_f75eb98c6623e02cbf34120776"`);
    await queryRunner.query(`DROP INDEX "IDX_b436c80a5dae1aa1fbcb3b05c6"`);
    await queryRunner.query(`DROP INDEX "IDX_fc811f7786b9ce3e174eda1bca"`);
    await queryRunner.query(`DROP INDEX "IDX_6c3270fcf8a3350e869a4f22fc"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_quantity" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "measure" varchar(40) NOT NULL, "low" double precision NOT NULL, "high" double precision, "unit" varchar(20) NOT NULL, "basis" varchar(30) NOT NULL, "wording" text NOT NULL, "period" varchar(20) NOT NULL DEFAULT ('TOTAL'), "price_year" integer, "timeframe" text, "note" text, "contract_id" integer, "offshoring_id" integer, "public_body_id" integer, "union_id" integer, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, CONSTRAINT "FK_a0a1113f01e30ebc12a451b5f0a" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f75eb98c6623e02cbf341207762" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b436c80a5dae1aa1fbcb3b05c6d" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fc811f7786b9ce3e174eda1bca7" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_quantity"("id", "measure", "low", "high", "unit", "basis", "wording", "period", "price_year", "timeframe", "note", "contract_id", "offshoring_id", "public_body_id", "union_id") SELECT "id", "measure", "low", "high", "unit", "basis", "wording", "period", "price_year", "timeframe", "note", "contract_id", "offshoring_id", "public_body_id", "union_id" FROM "quantity"`,
    );
    await queryRunner.query(`DROP TABLE "quantity"`);
    await queryRunner.query(`ALTER TABLE "temporary_quantity" RENAME TO "quantity"`);
    await queryRunner.query(`CREATE INDEX "IDX_a0a1113f01e30ebc12a451b5f0" ON "quantity" ("union_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f75eb98c6623e02cbf34120776" ON "quantity" ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b436c80a5dae1aa1fbcb3b05c6" ON "quantity" ("offshoring_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc811f7786b9ce3e174eda1bca" ON "quantity" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6c3270fcf8a3350e869a4f22fc" ON "quantity" ("measure") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_6c3270fcf8a3350e869a4f22fc"`);
    await queryRunner.query(`DROP INDEX "IDX_fc811f7786b9ce3e174eda1bca"`);
    await queryRunner.query(`DROP INDEX "IDX_b436c80a5dae1aa1fbcb3b05c6"`);
    await queryRunner.query(`DROP INDEX "IDX_f75eb98c6623e02cbf34120776"`);
    await queryRunner.query(`DROP INDEX "IDX_a0a1113f01e30ebc12a451b5f0"`);
    await queryRunner.query(`ALTER TABLE "quantity" RENAME TO "temporary_quantity"`);
    await queryRunner.query(
      `CREATE TABLE "quantity" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "measure" varchar(40) NOT NULL, "low" double precision NOT NULL, "high" double precision, "unit" varchar(20) NOT NULL, "basis" varchar(30) NOT NULL, "wording" text NOT NULL, "period" varchar(20) NOT NULL DEFAULT ('TOTAL'), "price_year" integer, "timeframe" text, "note" text, "contract_id" integer, "offshoring_id" integer, "public_body_id" integer, "union_id" integer, CONSTRAINT "FK_a0a1113f01e30ebc12a451b5f0a" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f75eb98c6623e02cbf341207762" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b436c80a5dae1aa1fbcb3b05c6d" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fc811f7786b9ce3e174eda1bca7" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "quantity"("id", "measure", "low", "high", "unit", "basis", "wording", "period", "price_year", "timeframe", "note", "contract_id", "offshoring_id", "public_body_id", "union_id") SELECT "id", "measure", "low", "high", "unit", "basis", "wording", "period", "price_year", "timeframe", "note", "contract_id", "offshoring_id", "public_body_id", "union_id" FROM "temporary_quantity"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_quantity"`);
    await queryRunner.query(`CREATE INDEX "IDX_6c3270fcf8a3350e869a4f22fc" ON "quantity" ("measure") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc811f7786b9ce3e174eda1bca" ON "quantity" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b436c80a5dae1aa1fbcb3b05c6" ON "quantity" ("offshoring_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f75eb98c6623e02cbf34120776" ON "quantity" ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0a1113f01e30ebc12a451b5f0" ON "quantity" ("union_id") `);
    await queryRunner.query(`DROP INDEX "IDX_7770d2f45811631494ac869bbe"`);
    await queryRunner.query(`ALTER TABLE "person_role" RENAME TO "temporary_person_role"`);
    await queryRunner.query(
      `CREATE TABLE "person_role" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" text NOT NULL, "person_id" integer NOT NULL, "public_body_id" integer, "union_id" integer, "supplier_id" integer, CONSTRAINT "FK_156bef86a8d0c8491a0d8c40c78" FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_87f14719805060dd6197111d7df" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e0b0b229993e4d092fe60efaa34" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_7770d2f45811631494ac869bbe7" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "person_role"("id", "title", "person_id", "public_body_id", "union_id", "supplier_id") SELECT "id", "title", "person_id", "public_body_id", "union_id", "supplier_id" FROM "temporary_person_role"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person_role"`);
    await queryRunner.query(`CREATE INDEX "IDX_7770d2f45811631494ac869bbe" ON "person_role" ("person_id") `);
    await queryRunner.query(`DROP INDEX "IDX_9d0d870657c4fac264cdca048e"`);
    await queryRunner.query(`DROP INDEX "IDX_03a3c31d0e1682d5d75404ce45"`);
    await queryRunner.query(`DROP INDEX "IDX_d7f8e8d962be3bdcb947d337fe"`);
    await queryRunner.query(`DROP INDEX "IDX_27081fdd43d4ab5aa0db310c54"`);
    await queryRunner.query(`ALTER TABLE "event" RENAME TO "temporary_event"`);
    await queryRunner.query(
      `CREATE TABLE "event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kind" varchar(40) NOT NULL, "title" text NOT NULL, "description" text, "contract_id" integer, "public_body_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, CONSTRAINT "FK_27081fdd43d4ab5aa0db310c54b" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_d7f8e8d962be3bdcb947d337fe4" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "event"("id", "slug", "kind", "title", "description", "contract_id", "public_body_id", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "kind", "title", "description", "contract_id", "public_body_id", "date_year", "date_month", "date_day", "date_wording" FROM "temporary_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_event"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d0d870657c4fac264cdca048e" ON "event" ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_03a3c31d0e1682d5d75404ce45" ON "event" ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_d7f8e8d962be3bdcb947d337fe" ON "event" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_27081fdd43d4ab5aa0db310c54" ON "event" ("public_body_id") `);
    await queryRunner.query(`DROP INDEX "IDX_7deb8109a34754075e3e4458ec"`);
    await queryRunner.query(`DROP INDEX "IDX_c2e7c10c10fffd381eb2384da9"`);
    await queryRunner.query(`DROP INDEX "IDX_72f1c53e0975aed74c52cd3ca7"`);
    await queryRunner.query(`DROP INDEX "IDX_445f17a128be2a584266a3546e"`);
    await queryRunner.query(`DROP INDEX "IDX_9c9813561a6681e10c98502e01"`);
    await queryRunner.query(`DROP INDEX "IDX_9123e398dd27324464cea3fcf3"`);
    await queryRunner.query(`DROP INDEX "IDX_296304c6522d65c506b46fbfe4"`);
    await queryRunner.query(`DROP INDEX "IDX_561cd8295ecf2a94ba7aa2320a"`);
    await queryRunner.query(`ALTER TABLE "claim" RENAME TO "temporary_claim"`);
    await queryRunner.query(
      `CREATE TABLE "claim" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "statement" text NOT NULL, "stance" varchar(10) NOT NULL, "proposition" text NOT NULL, "claimant_description" text, "person_id" integer, "union_id" integer, "public_body_id" integer, "supplier_id" integer, "contract_id" integer, "offshoring_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, CONSTRAINT "FK_561cd8295ecf2a94ba7aa2320aa" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_296304c6522d65c506b46fbfe4a" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9123e398dd27324464cea3fcf3d" FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_9c9813561a6681e10c98502e01d" FOREIGN KEY ("public_body_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_445f17a128be2a584266a3546e6" FOREIGN KEY ("union_id") REFERENCES "trade_union" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_72f1c53e0975aed74c52cd3ca7a" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "claim"("id", "slug", "statement", "stance", "proposition", "claimant_description", "person_id", "union_id", "public_body_id", "supplier_id", "contract_id", "offshoring_id", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "statement", "stance", "proposition", "claimant_description", "person_id", "union_id", "public_body_id", "supplier_id", "contract_id", "offshoring_id", "date_year", "date_month", "date_day", "date_wording" FROM "temporary_claim"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_claim"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7deb8109a34754075e3e4458ec" ON "claim" ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_c2e7c10c10fffd381eb2384da9" ON "claim" ("proposition") `);
    await queryRunner.query(`CREATE INDEX "IDX_72f1c53e0975aed74c52cd3ca7" ON "claim" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_445f17a128be2a584266a3546e" ON "claim" ("union_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9c9813561a6681e10c98502e01" ON "claim" ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9123e398dd27324464cea3fcf3" ON "claim" ("supplier_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_296304c6522d65c506b46fbfe4" ON "claim" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_561cd8295ecf2a94ba7aa2320a" ON "claim" ("offshoring_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b0de08d605e00147ab9db59213"`);
    await queryRunner.query(`ALTER TABLE "trade_union" RENAME TO "temporary_trade_union"`);
    await queryRunner.query(
      `CREATE TABLE "trade_union" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "acronym" varchar(40), "aliases" text NOT NULL, "description" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "trade_union"("id", "slug", "name", "acronym", "aliases", "description") SELECT "id", "slug", "name", "acronym", "aliases", "description" FROM "temporary_trade_union"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_trade_union"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0de08d605e00147ab9db59213" ON "trade_union" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_1f067f81ac0f9749431279b4b8"`);
    await queryRunner.query(`ALTER TABLE "supplier" RENAME TO "temporary_supplier"`);
    await queryRunner.query(
      `CREATE TABLE "supplier" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "home_country" varchar(2), "description" text, "parent_id" integer, CONSTRAINT "FK_0c96cea40389e3bb9ea71435ea4" FOREIGN KEY ("parent_id") REFERENCES "supplier" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "supplier"("id", "slug", "name", "aliases", "home_country", "description", "parent_id") SELECT "id", "slug", "name", "aliases", "home_country", "description", "parent_id" FROM "temporary_supplier"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_supplier"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1f067f81ac0f9749431279b4b8" ON "supplier" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_0f07ccb80caea80a2e74cfe765"`);
    await queryRunner.query(`ALTER TABLE "public_body" RENAME TO "temporary_public_body"`);
    await queryRunner.query(
      `CREATE TABLE "public_body" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "kind" varchar(40) NOT NULL, "sector" varchar(40) NOT NULL, "description" text, "parent_id" integer, CONSTRAINT "FK_9e46fd1a74bea7298f6a8e96eb1" FOREIGN KEY ("parent_id") REFERENCES "public_body" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "public_body"("id", "slug", "name", "aliases", "kind", "sector", "description", "parent_id") SELECT "id", "slug", "name", "aliases", "kind", "sector", "description", "parent_id" FROM "temporary_public_body"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_public_body"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f07ccb80caea80a2e74cfe765" ON "public_body" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_48e444390904f250a3b20e4d57"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "person"("id", "slug", "name", "aliases") SELECT "id", "slug", "name", "aliases" FROM "temporary_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_48e444390904f250a3b20e4d57" ON "person" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_11a1dd656ab3ddf0ff773d0aa2"`);
    await queryRunner.query(`DROP INDEX "IDX_8c5d7b0ea257d9682423b834a6"`);
    await queryRunner.query(`DROP INDEX "IDX_9ad7f8fb0f7491a6b33ebb6ed2"`);
    await queryRunner.query(`DROP INDEX "IDX_2ff9010bd1e4e6f0e1af0de106"`);
    await queryRunner.query(`ALTER TABLE "offshoring" RENAME TO "temporary_offshoring"`);
    await queryRunner.query(
      `CREATE TABLE "offshoring" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "status" varchar(20) NOT NULL, "description" text, "contract_id" integer NOT NULL, "location_id" integer NOT NULL, CONSTRAINT "FK_2ff9010bd1e4e6f0e1af0de106b" FOREIGN KEY ("location_id") REFERENCES "offshore_location" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9ad7f8fb0f7491a6b33ebb6ed28" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "offshoring"("id", "slug", "status", "description", "contract_id", "location_id") SELECT "id", "slug", "status", "description", "contract_id", "location_id" FROM "temporary_offshoring"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_offshoring"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_11a1dd656ab3ddf0ff773d0aa2" ON "offshoring" ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c5d7b0ea257d9682423b834a6" ON "offshoring" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_9ad7f8fb0f7491a6b33ebb6ed2" ON "offshoring" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2ff9010bd1e4e6f0e1af0de106" ON "offshoring" ("location_id") `);
    await queryRunner.query(`DROP INDEX "IDX_c3d5a589886767c95c09e25378"`);
    await queryRunner.query(`ALTER TABLE "offshore_location" RENAME TO "temporary_offshore_location"`);
    await queryRunner.query(
      `CREATE TABLE "offshore_location" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" text NOT NULL, "kind" varchar(20) NOT NULL, "country_code" varchar(2), "aliases" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "offshore_location"("id", "slug", "name", "kind", "country_code", "aliases") SELECT "id", "slug", "name", "kind", "country_code", "aliases" FROM "temporary_offshore_location"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_offshore_location"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c3d5a589886767c95c09e25378" ON "offshore_location" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_d208f5c6c69b5f7436ce0710ff"`);
    await queryRunner.query(`DROP INDEX "IDX_e8433d17975fac12a7d46ddc6a"`);
    await queryRunner.query(`ALTER TABLE "contract" RENAME TO "temporary_contract"`);
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" text NOT NULL, "description" text, "status" varchar(40) NOT NULL, "start_date_year" integer, "start_date_month" integer, "start_date_day" integer, "start_date_wording" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "contract"("id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording") SELECT "id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording" FROM "temporary_contract"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_contract"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d208f5c6c69b5f7436ce0710ff" ON "contract" ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_e8433d17975fac12a7d46ddc6a" ON "contract" ("status") `);
    await queryRunner.query(`DROP INDEX "IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`DROP INDEX "IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`ALTER TABLE "citation" RENAME TO "temporary_citation"`);
    await queryRunner.query(
      `CREATE TABLE "citation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quote" text NOT NULL, "note" text, "subject_type" varchar(30) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, CONSTRAINT "FK_b1661be309b71bd750d6f027387" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "citation"("id", "quote", "note", "subject_type", "subject_id", "source_id") SELECT "id", "quote", "note", "subject_type", "subject_id", "source_id" FROM "temporary_citation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_citation"`);
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation" ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation" ("subject_type", "subject_id") `);
    await queryRunner.query(`DROP INDEX "IDX_73b9082fc0d085f1248327af4b"`);
    await queryRunner.query(`DROP INDEX "IDX_80b63096c76678b8739a149602"`);
    await queryRunner.query(`ALTER TABLE "source" RENAME TO "temporary_source"`);
    await queryRunner.query(
      `CREATE TABLE "source" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "file_name" varchar(255), "title" text NOT NULL, "kind" varchar(40) NOT NULL, "publisher" text, "summary" text, "url" text, "text" text, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "source"("id", "slug", "file_name", "title", "kind", "publisher", "summary", "url", "text", "date_year", "date_month", "date_day", "date_wording") SELECT "id", "slug", "file_name", "title", "kind", "publisher", "summary", "url", "text", "date_year", "date_month", "date_day", "date_wording" FROM "temporary_source"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_source"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73b9082fc0d085f1248327af4b" ON "source" ("slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_80b63096c76678b8739a149602" ON "source" ("file_name") `);
    await queryRunner.query(`DROP INDEX "IDX_e7125cbc7067857200fda86c46"`);
    await queryRunner.query(`DROP INDEX "IDX_5d987014df964fe6ae02b9ee63"`);
    await queryRunner.query(`DROP INDEX "IDX_37ca7ffe6110808eb6fa059469"`);
    await queryRunner.query(`DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_acaf6c301a53bd21859c214d2e"`);
    await queryRunner.query(`DROP INDEX "IDX_73c82e6a8ac3a48701b2e77f91"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
