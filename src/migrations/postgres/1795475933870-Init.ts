import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Init1795475933870 implements MigrationInterface {
  name = 'Init1795475933870';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "source" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "file_name" character varying(255), "title" text NOT NULL, "kind" character varying(40) NOT NULL, "publisher" text, "summary" text, "url" text, "text" text, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73b9082fc0d085f1248327af4b" ON "source"  ("slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_80b63096c76678b8739a149602" ON "source"  ("file_name") `);
    await queryRunner.query(
      `CREATE TABLE "citation" ("id" SERIAL NOT NULL, "quote" text NOT NULL, "note" text, "subject_type" character varying(30) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, CONSTRAINT "PK_f02dfdce6c05dfbf2fead28d0b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation"  ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" SERIAL NOT NULL, "slug" character varying(160) NOT NULL, "title" text NOT NULL, "description" text, "status" character varying(40) NOT NULL, "start_date_year" integer, "start_date_month" integer, "start_date_day" integer, "start_date_wording" text, CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d208f5c6c69b5f7436ce0710ff" ON "contract"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_e8433d17975fac12a7d46ddc6a" ON "contract"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "offshore_location" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" text NOT NULL, "kind" character varying(20) NOT NULL, "country_code" character varying(2), "aliases" text NOT NULL, CONSTRAINT "PK_a270edcd02d57119bb1c020ac8c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c3d5a589886767c95c09e25378" ON "offshore_location"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "offshoring" ("id" SERIAL NOT NULL, "slug" character varying(160) NOT NULL, "status" character varying(20) NOT NULL, "description" text, "contract_id" integer NOT NULL, "location_id" integer NOT NULL, CONSTRAINT "PK_a09962a299f8474fa37675ab21d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_11a1dd656ab3ddf0ff773d0aa2" ON "offshoring"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c5d7b0ea257d9682423b834a6" ON "offshoring"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_9ad7f8fb0f7491a6b33ebb6ed2" ON "offshoring"  ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2ff9010bd1e4e6f0e1af0de106" ON "offshoring"  ("location_id") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_48e444390904f250a3b20e4d57" ON "person"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "public_body" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "kind" character varying(40) NOT NULL, "sector" character varying(40) NOT NULL, "description" text, "parent_id" integer, CONSTRAINT "PK_b7c5d1ecc17dafe6e6989adc144" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f07ccb80caea80a2e74cfe765" ON "public_body"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "supplier" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" text NOT NULL, "aliases" text NOT NULL, "home_country" character varying(2), "description" text, "parent_id" integer, CONSTRAINT "PK_2bc0d2cab6276144d2ff98a2828" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1f067f81ac0f9749431279b4b8" ON "supplier"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "trade_union" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" text NOT NULL, "acronym" character varying(40), "aliases" text NOT NULL, "description" text, CONSTRAINT "PK_84a48ec105abc481f4170738d50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0de08d605e00147ab9db59213" ON "trade_union"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "claim" ("id" SERIAL NOT NULL, "slug" character varying(160) NOT NULL, "statement" text NOT NULL, "stance" character varying(10) NOT NULL, "proposition" text NOT NULL, "claimant_description" text, "person_id" integer, "union_id" integer, "public_body_id" integer, "supplier_id" integer, "contract_id" integer, "offshoring_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, CONSTRAINT "PK_466b305cc2e591047fa1ce58f81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7deb8109a34754075e3e4458ec" ON "claim"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_c2e7c10c10fffd381eb2384da9" ON "claim"  ("proposition") `);
    await queryRunner.query(`CREATE INDEX "IDX_72f1c53e0975aed74c52cd3ca7" ON "claim"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_445f17a128be2a584266a3546e" ON "claim"  ("union_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9c9813561a6681e10c98502e01" ON "claim"  ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9123e398dd27324464cea3fcf3" ON "claim"  ("supplier_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_296304c6522d65c506b46fbfe4" ON "claim"  ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_561cd8295ecf2a94ba7aa2320a" ON "claim"  ("offshoring_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_buyer" ("contract_id" integer NOT NULL, "public_body_id" integer NOT NULL, CONSTRAINT "PK_da3bca5a19ee39213c9cbc8e6c9" PRIMARY KEY ("contract_id", "public_body_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6c98503821a725188dfc7a5da9" ON "contract_buyer"  ("public_body_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_supplier" ("contract_id" integer NOT NULL, "supplier_id" integer NOT NULL, "role" character varying(40) NOT NULL, CONSTRAINT "PK_b59dca45014a9aa4fdf4589df23" PRIMARY KEY ("contract_id", "supplier_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e542e5b76c03a7010ce19c9fd2" ON "contract_supplier"  ("supplier_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_union" ("contract_id" integer NOT NULL, "union_id" integer NOT NULL, "role" character varying(40) NOT NULL, CONSTRAINT "PK_8fa74ad877028af0db146204ff6" PRIMARY KEY ("contract_id", "union_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5dd00fb395d56c50d4f121eaf8" ON "contract_union"  ("union_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_service" ("contract_id" integer NOT NULL, "service" character varying(40) NOT NULL, CONSTRAINT "PK_38ca52a68c61aa6c69e51a1a6c0" PRIMARY KEY ("contract_id", "service"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b988531559afb5e7fb1aa0bfdc" ON "contract_service"  ("service") `);
    await queryRunner.query(
      `CREATE TABLE "event" ("id" SERIAL NOT NULL, "slug" character varying(160) NOT NULL, "kind" character varying(40) NOT NULL, "title" text NOT NULL, "description" text, "contract_id" integer, "public_body_id" integer, "date_year" integer, "date_month" integer, "date_day" integer, "date_wording" text, CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d0d870657c4fac264cdca048e" ON "event"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_03a3c31d0e1682d5d75404ce45" ON "event"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_d7f8e8d962be3bdcb947d337fe" ON "event"  ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_27081fdd43d4ab5aa0db310c54" ON "event"  ("public_body_id") `);
    await queryRunner.query(
      `CREATE TABLE "event_union" ("event_id" integer NOT NULL, "union_id" integer NOT NULL, CONSTRAINT "PK_5c21d75a8914922881388f3e9c5" PRIMARY KEY ("event_id", "union_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_885d09a69442f066801be6f1bc" ON "event_union"  ("union_id") `);
    await queryRunner.query(
      `CREATE TABLE "person_role" ("id" SERIAL NOT NULL, "title" text NOT NULL, "person_id" integer NOT NULL, "public_body_id" integer, "union_id" integer, "supplier_id" integer, CONSTRAINT "PK_7dfed12a35115c66c0ab0c22b0d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7770d2f45811631494ac869bbe" ON "person_role"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "quantity" ("id" SERIAL NOT NULL, "measure" character varying(40) NOT NULL, "low" double precision NOT NULL, "high" double precision, "unit" character varying(20) NOT NULL, "basis" character varying(30) NOT NULL, "wording" text NOT NULL, "period" character varying(20) NOT NULL DEFAULT 'TOTAL', "price_year" integer, "timeframe" text, "note" text, "contract_id" integer, "offshoring_id" integer, "public_body_id" integer, "union_id" integer, CONSTRAINT "PK_983c8c3c14b19e9cd69411cd946" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6c3270fcf8a3350e869a4f22fc" ON "quantity"  ("measure") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc811f7786b9ce3e174eda1bca" ON "quantity"  ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b436c80a5dae1aa1fbcb3b05c6" ON "quantity"  ("offshoring_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f75eb98c6623e02cbf34120776" ON "quantity"  ("public_body_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0a1113f01e30ebc12a451b5f0" ON "quantity"  ("union_id") `);
    await queryRunner.query(
      `CREATE TABLE "search_entry" ("id" SERIAL NOT NULL, "subject_type" character varying(30) NOT NULL, "subject_id" integer NOT NULL, "field" character varying(30) NOT NULL, "text" text NOT NULL, "folded" text NOT NULL, CONSTRAINT "PK_d77ddb0f3f1d57ada920944a20e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_823fd25b6239f4f23e0bd39218" ON "search_entry"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `ALTER TABLE "citation" ADD CONSTRAINT "FK_b1661be309b71bd750d6f027387" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offshoring" ADD CONSTRAINT "FK_9ad7f8fb0f7491a6b33ebb6ed28" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offshoring" ADD CONSTRAINT "FK_2ff9010bd1e4e6f0e1af0de106b" FOREIGN KEY ("location_id") REFERENCES "offshore_location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "public_body" ADD CONSTRAINT "FK_9e46fd1a74bea7298f6a8e96eb1" FOREIGN KEY ("parent_id") REFERENCES "public_body"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supplier" ADD CONSTRAINT "FK_0c96cea40389e3bb9ea71435ea4" FOREIGN KEY ("parent_id") REFERENCES "supplier"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_72f1c53e0975aed74c52cd3ca7a" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_445f17a128be2a584266a3546e6" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_9c9813561a6681e10c98502e01d" FOREIGN KEY ("public_body_id") REFERENCES "public_body"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_9123e398dd27324464cea3fcf3d" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_296304c6522d65c506b46fbfe4a" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim" ADD CONSTRAINT "FK_561cd8295ecf2a94ba7aa2320aa" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_buyer" ADD CONSTRAINT "FK_7fa7a602e36484f581a2bc2cd75" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_buyer" ADD CONSTRAINT "FK_6c98503821a725188dfc7a5da9a" FOREIGN KEY ("public_body_id") REFERENCES "public_body"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_supplier" ADD CONSTRAINT "FK_f869e87965f11a2cda9f6d47d0d" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_supplier" ADD CONSTRAINT "FK_e542e5b76c03a7010ce19c9fd29" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_union" ADD CONSTRAINT "FK_2581a1c1709de4be4ca5fc0e325" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_union" ADD CONSTRAINT "FK_5dd00fb395d56c50d4f121eaf82" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_service" ADD CONSTRAINT "FK_ea6aab66f0f1e3b9748a03b4b5b" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event" ADD CONSTRAINT "FK_d7f8e8d962be3bdcb947d337fe4" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event" ADD CONSTRAINT "FK_27081fdd43d4ab5aa0db310c54b" FOREIGN KEY ("public_body_id") REFERENCES "public_body"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_union" ADD CONSTRAINT "FK_337d3262039bf5037d52a0f51db" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_union" ADD CONSTRAINT "FK_885d09a69442f066801be6f1bc5" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_role" ADD CONSTRAINT "FK_7770d2f45811631494ac869bbe7" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_role" ADD CONSTRAINT "FK_e0b0b229993e4d092fe60efaa34" FOREIGN KEY ("public_body_id") REFERENCES "public_body"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_role" ADD CONSTRAINT "FK_87f14719805060dd6197111d7df" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_role" ADD CONSTRAINT "FK_156bef86a8d0c8491a0d8c40c78" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quantity" ADD CONSTRAINT "FK_fc811f7786b9ce3e174eda1bca7" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quantity" ADD CONSTRAINT "FK_b436c80a5dae1aa1fbcb3b05c6d" FOREIGN KEY ("offshoring_id") REFERENCES "offshoring"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quantity" ADD CONSTRAINT "FK_f75eb98c6623e02cbf341207762" FOREIGN KEY ("public_body_id") REFERENCES "public_body"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quantity" ADD CONSTRAINT "FK_a0a1113f01e30ebc12a451b5f0a" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quantity" DROP CONSTRAINT "FK_a0a1113f01e30ebc12a451b5f0a"`);
    await queryRunner.query(`ALTER TABLE "quantity" DROP CONSTRAINT "FK_f75eb98c6623e02cbf341207762"`);
    await queryRunner.query(`ALTER TABLE "quantity" DROP CONSTRAINT "FK_b436c80a5dae1aa1fbcb3b05c6d"`);
    await queryRunner.query(`ALTER TABLE "quantity" DROP CONSTRAINT "FK_fc811f7786b9ce3e174eda1bca7"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP CONSTRAINT "FK_156bef86a8d0c8491a0d8c40c78"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP CONSTRAINT "FK_87f14719805060dd6197111d7df"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP CONSTRAINT "FK_e0b0b229993e4d092fe60efaa34"`);
    await queryRunner.query(`ALTER TABLE "person_role" DROP CONSTRAINT "FK_7770d2f45811631494ac869bbe7"`);
    await queryRunner.query(`ALTER TABLE "event_union" DROP CONSTRAINT "FK_885d09a69442f066801be6f1bc5"`);
    await queryRunner.query(`ALTER TABLE "event_union" DROP CONSTRAINT "FK_337d3262039bf5037d52a0f51db"`);
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "FK_27081fdd43d4ab5aa0db310c54b"`);
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "FK_d7f8e8d962be3bdcb947d337fe4"`);
    await queryRunner.query(`ALTER TABLE "contract_service" DROP CONSTRAINT "FK_ea6aab66f0f1e3b9748a03b4b5b"`);
    await queryRunner.query(`ALTER TABLE "contract_union" DROP CONSTRAINT "FK_5dd00fb395d56c50d4f121eaf82"`);
    await queryRunner.query(`ALTER TABLE "contract_union" DROP CONSTRAINT "FK_2581a1c1709de4be4ca5fc0e325"`);
    await queryRunner.query(`ALTER TABLE "contract_supplier" DROP CONSTRAINT "FK_e542e5b76c03a7010ce19c9fd29"`);
    await queryRunner.query(`ALTER TABLE "contract_supplier" DROP CONSTRAINT "FK_f869e87965f11a2cda9f6d47d0d"`);
    await queryRunner.query(`ALTER TABLE "contract_buyer" DROP CONSTRAINT "FK_6c98503821a725188dfc7a5da9a"`);
    await queryRunner.query(`ALTER TABLE "contract_buyer" DROP CONSTRAINT "FK_7fa7a602e36484f581a2bc2cd75"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_561cd8295ecf2a94ba7aa2320aa"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_296304c6522d65c506b46fbfe4a"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_9123e398dd27324464cea3fcf3d"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_9c9813561a6681e10c98502e01d"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_445f17a128be2a584266a3546e6"`);
    await queryRunner.query(`ALTER TABLE "claim" DROP CONSTRAINT "FK_72f1c53e0975aed74c52cd3ca7a"`);
    await queryRunner.query(`ALTER TABLE "supplier" DROP CONSTRAINT "FK_0c96cea40389e3bb9ea71435ea4"`);
    await queryRunner.query(`ALTER TABLE "public_body" DROP CONSTRAINT "FK_9e46fd1a74bea7298f6a8e96eb1"`);
    await queryRunner.query(`ALTER TABLE "offshoring" DROP CONSTRAINT "FK_2ff9010bd1e4e6f0e1af0de106b"`);
    await queryRunner.query(`ALTER TABLE "offshoring" DROP CONSTRAINT "FK_9ad7f8fb0f7491a6b33ebb6ed28"`);
    await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_b1661be309b71bd750d6f027387"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_823fd25b6239f4f23e0bd39218"`);
    await queryRunner.query(`DROP TABLE "search_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0a1113f01e30ebc12a451b5f0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f75eb98c6623e02cbf34120776"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b436c80a5dae1aa1fbcb3b05c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc811f7786b9ce3e174eda1bca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c3270fcf8a3350e869a4f22fc"`);
    await queryRunner.query(`DROP TABLE "quantity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7770d2f45811631494ac869bbe"`);
    await queryRunner.query(`DROP TABLE "person_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_885d09a69442f066801be6f1bc"`);
    await queryRunner.query(`DROP TABLE "event_union"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27081fdd43d4ab5aa0db310c54"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d7f8e8d962be3bdcb947d337fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03a3c31d0e1682d5d75404ce45"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d0d870657c4fac264cdca048e"`);
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b988531559afb5e7fb1aa0bfdc"`);
    await queryRunner.query(`DROP TABLE "contract_service"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5dd00fb395d56c50d4f121eaf8"`);
    await queryRunner.query(`DROP TABLE "contract_union"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e542e5b76c03a7010ce19c9fd2"`);
    await queryRunner.query(`DROP TABLE "contract_supplier"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c98503821a725188dfc7a5da9"`);
    await queryRunner.query(`DROP TABLE "contract_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_561cd8295ecf2a94ba7aa2320a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_296304c6522d65c506b46fbfe4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9123e398dd27324464cea3fcf3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9c9813561a6681e10c98502e01"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_445f17a128be2a584266a3546e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72f1c53e0975aed74c52cd3ca7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2e7c10c10fffd381eb2384da9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7deb8109a34754075e3e4458ec"`);
    await queryRunner.query(`DROP TABLE "claim"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0de08d605e00147ab9db59213"`);
    await queryRunner.query(`DROP TABLE "trade_union"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f067f81ac0f9749431279b4b8"`);
    await queryRunner.query(`DROP TABLE "supplier"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f07ccb80caea80a2e74cfe765"`);
    await queryRunner.query(`DROP TABLE "public_body"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48e444390904f250a3b20e4d57"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2ff9010bd1e4e6f0e1af0de106"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ad7f8fb0f7491a6b33ebb6ed2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c5d7b0ea257d9682423b834a6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11a1dd656ab3ddf0ff773d0aa2"`);
    await queryRunner.query(`DROP TABLE "offshoring"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3d5a589886767c95c09e25378"`);
    await queryRunner.query(`DROP TABLE "offshore_location"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8433d17975fac12a7d46ddc6a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d208f5c6c69b5f7436ce0710ff"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`DROP TABLE "citation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_80b63096c76678b8739a149602"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73b9082fc0d085f1248327af4b"`);
    await queryRunner.query(`DROP TABLE "source"`);
  }
}
