import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OcdsImport1795487350521 implements MigrationInterface {
  name = 'OcdsImport1795487350521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contract_classification" ("contract_id" integer NOT NULL, "scheme" varchar(40) NOT NULL, "code" varchar(40) NOT NULL, "description" text, PRIMARY KEY ("contract_id", "scheme", "code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f06505d0f356e5d61bde2fa54c" ON "contract_classification" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "ocds_release" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ocid" varchar(200) NOT NULL, "release_id" varchar(200) NOT NULL, "date" varchar(40) NOT NULL, "tags" text NOT NULL, "digest" varchar(64) NOT NULL, "values" text NOT NULL, "contract_id" integer, "source_id" integer NOT NULL, "imported_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8a02121b5762af5224b1dbd556" ON "ocds_release" ("ocid") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1714631524e662b56eec56242" ON "ocds_release" ("contract_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59d60f59ef4de01c49276b6ec1" ON "ocds_release" ("ocid", "release_id") `);
    await queryRunner.query(
      `CREATE TABLE "party_match" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scheme" varchar(40) NOT NULL, "identifier" varchar(200) NOT NULL, "published_name" text NOT NULL, "entity_type" varchar(20) NOT NULL, "entity_id" integer NOT NULL, "method" varchar(20) NOT NULL, "note" text, "source_id" integer NOT NULL, "matched_at" datetime NOT NULL DEFAULT (datetime('now')), "undone_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7b0a015edf897b66e3c689b4a7" ON "party_match" ("entity_type", "scheme", "identifier") `);
    await queryRunner.query(`DROP INDEX "IDX_d208f5c6c69b5f7436ce0710ff"`);
    await queryRunner.query(`DROP INDEX "IDX_e8433d17975fac12a7d46ddc6a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" text NOT NULL, "description" text, "status" varchar(40) NOT NULL, "start_date_year" integer, "start_date_month" integer, "start_date_day" integer, "start_date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime, "ocid" varchar(200), "outsourcing" boolean NOT NULL DEFAULT (1), "imported" boolean NOT NULL DEFAULT (0), "outsourcing_reason" text, "end_date_year" integer, "end_date_month" integer, "end_date_day" integer, "end_date_wording" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_contract"("id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording", "version", "archived_at") SELECT "id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording", "version", "archived_at" FROM "contract"`,
    );
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`ALTER TABLE "temporary_contract" RENAME TO "contract"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d208f5c6c69b5f7436ce0710ff" ON "contract" ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_e8433d17975fac12a7d46ddc6a" ON "contract" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cffe426a91c6cdaaadb2168046" ON "contract" ("ocid") `);
    await queryRunner.query(`CREATE INDEX "IDX_ed1c2031b89b660b4793aeae99" ON "contract" ("outsourcing") `);
    await queryRunner.query(`DROP INDEX "IDX_f06505d0f356e5d61bde2fa54c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_contract_classification" ("contract_id" integer NOT NULL, "scheme" varchar(40) NOT NULL, "code" varchar(40) NOT NULL, "description" text, CONSTRAINT "FK_232efab203998c5e9c431c12ddb" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("contract_id", "scheme", "code"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_contract_classification"("contract_id", "scheme", "code", "description") SELECT "contract_id", "scheme", "code", "description" FROM "contract_classification"`,
    );
    await queryRunner.query(`DROP TABLE "contract_classification"`);
    await queryRunner.query(`ALTER TABLE "temporary_contract_classification" RENAME TO "contract_classification"`);
    await queryRunner.query(`CREATE INDEX "IDX_f06505d0f356e5d61bde2fa54c" ON "contract_classification" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_8a02121b5762af5224b1dbd556"`);
    await queryRunner.query(`DROP INDEX "IDX_f1714631524e662b56eec56242"`);
    await queryRunner.query(`DROP INDEX "IDX_59d60f59ef4de01c49276b6ec1"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ocds_release" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ocid" varchar(200) NOT NULL, "release_id" varchar(200) NOT NULL, "date" varchar(40) NOT NULL, "tags" text NOT NULL, "digest" varchar(64) NOT NULL, "values" text NOT NULL, "contract_id" integer, "source_id" integer NOT NULL, "imported_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_f1714631524e662b56eec56242a" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_18ee75eca6b49485673069626ab" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ocds_release"("id", "ocid", "release_id", "date", "tags", "digest", "values", "contract_id", "source_id", "imported_at") SELECT "id", "ocid", "release_id", "date", "tags", "digest", "values", "contract_id", "source_id", "imported_at" FROM "ocds_release"`,
    );
    await queryRunner.query(`DROP TABLE "ocds_release"`);
    await queryRunner.query(`ALTER TABLE "temporary_ocds_release" RENAME TO "ocds_release"`);
    await queryRunner.query(`CREATE INDEX "IDX_8a02121b5762af5224b1dbd556" ON "ocds_release" ("ocid") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1714631524e662b56eec56242" ON "ocds_release" ("contract_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59d60f59ef4de01c49276b6ec1" ON "ocds_release" ("ocid", "release_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_59d60f59ef4de01c49276b6ec1"`);
    await queryRunner.query(`DROP INDEX "IDX_f1714631524e662b56eec56242"`);
    await queryRunner.query(`DROP INDEX "IDX_8a02121b5762af5224b1dbd556"`);
    await queryRunner.query(`ALTER TABLE "ocds_release" RENAME TO "temporary_ocds_release"`);
    await queryRunner.query(
      `CREATE TABLE "ocds_release" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ocid" varchar(200) NOT NULL, "release_id" varchar(200) NOT NULL, "date" varchar(40) NOT NULL, "tags" text NOT NULL, "digest" varchar(64) NOT NULL, "values" text NOT NULL, "contract_id" integer, "source_id" integer NOT NULL, "imported_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "ocds_release"("id", "ocid", "release_id", "date", "tags", "digest", "values", "contract_id", "source_id", "imported_at") SELECT "id", "ocid", "release_id", "date", "tags", "digest", "values", "contract_id", "source_id", "imported_at" FROM "temporary_ocds_release"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ocds_release"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59d60f59ef4de01c49276b6ec1" ON "ocds_release" ("ocid", "release_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1714631524e662b56eec56242" ON "ocds_release" ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8a02121b5762af5224b1dbd556" ON "ocds_release" ("ocid") `);
    await queryRunner.query(`DROP INDEX "IDX_f06505d0f356e5d61bde2fa54c"`);
    await queryRunner.query(`ALTER TABLE "contract_classification" RENAME TO "temporary_contract_classification"`);
    await queryRunner.query(
      `CREATE TABLE "contract_classification" ("contract_id" integer NOT NULL, "scheme" varchar(40) NOT NULL, "code" varchar(40) NOT NULL, "description" text, PRIMARY KEY ("contract_id", "scheme", "code"))`,
    );
    await queryRunner.query(
      `INSERT INTO "contract_classification"("contract_id", "scheme", "code", "description") SELECT "contract_id", "scheme", "code", "description" FROM "temporary_contract_classification"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_contract_classification"`);
    await queryRunner.query(`CREATE INDEX "IDX_f06505d0f356e5d61bde2fa54c" ON "contract_classification" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_ed1c2031b89b660b4793aeae99"`);
    await queryRunner.query(`DROP INDEX "IDX_cffe426a91c6cdaaadb2168046"`);
    await queryRunner.query(`DROP INDEX "IDX_e8433d17975fac12a7d46ddc6a"`);
    await queryRunner.query(`DROP INDEX "IDX_d208f5c6c69b5f7436ce0710ff"`);
    await queryRunner.query(`ALTER TABLE "contract" RENAME TO "temporary_contract"`);
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" text NOT NULL, "description" text, "status" varchar(40) NOT NULL, "start_date_year" integer, "start_date_month" integer, "start_date_day" integer, "start_date_wording" text, "version" integer NOT NULL DEFAULT (1), "archived_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "contract"("id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording", "version", "archived_at") SELECT "id", "slug", "title", "description", "status", "start_date_year", "start_date_month", "start_date_day", "start_date_wording", "version", "archived_at" FROM "temporary_contract"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_contract"`);
    await queryRunner.query(`CREATE INDEX "IDX_e8433d17975fac12a7d46ddc6a" ON "contract" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d208f5c6c69b5f7436ce0710ff" ON "contract" ("slug") `);
    await queryRunner.query(`DROP INDEX "IDX_7b0a015edf897b66e3c689b4a7"`);
    await queryRunner.query(`DROP TABLE "party_match"`);
    await queryRunner.query(`DROP INDEX "IDX_59d60f59ef4de01c49276b6ec1"`);
    await queryRunner.query(`DROP INDEX "IDX_f1714631524e662b56eec56242"`);
    await queryRunner.query(`DROP INDEX "IDX_8a02121b5762af5224b1dbd556"`);
    await queryRunner.query(`DROP TABLE "ocds_release"`);
    await queryRunner.query(`DROP INDEX "IDX_f06505d0f356e5d61bde2fa54c"`);
    await queryRunner.query(`DROP TABLE "contract_classification"`);
  }
}
