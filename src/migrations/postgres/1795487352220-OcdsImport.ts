import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OcdsImport1795487352220 implements MigrationInterface {
  name = 'OcdsImport1795487352220';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contract_classification" ("contract_id" integer NOT NULL, "scheme" character varying(40) NOT NULL, "code" character varying(40) NOT NULL, "description" text, CONSTRAINT "PK_936e84c77275ed6d8dd37a48c3a" PRIMARY KEY ("contract_id", "scheme", "code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f06505d0f356e5d61bde2fa54c" ON "contract_classification"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "ocds_release" ("id" SERIAL NOT NULL, "ocid" character varying(200) NOT NULL, "release_id" character varying(200) NOT NULL, "date" character varying(40) NOT NULL, "tags" text NOT NULL, "digest" character varying(64) NOT NULL, "values" text NOT NULL, "contract_id" integer, "source_id" integer NOT NULL, "imported_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_0a5dfa479fcb907e4d5730cfce7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8a02121b5762af5224b1dbd556" ON "ocds_release"  ("ocid") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1714631524e662b56eec56242" ON "ocds_release"  ("contract_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59d60f59ef4de01c49276b6ec1" ON "ocds_release"  ("ocid", "release_id") `);
    await queryRunner.query(
      `CREATE TABLE "party_match" ("id" SERIAL NOT NULL, "scheme" character varying(40) NOT NULL, "identifier" character varying(200) NOT NULL, "published_name" text NOT NULL, "entity_type" character varying(20) NOT NULL, "entity_id" integer NOT NULL, "method" character varying(20) NOT NULL, "note" text, "source_id" integer NOT NULL, "matched_at" TIMESTAMP NOT NULL DEFAULT now(), "undone_at" TIMESTAMP, CONSTRAINT "PK_1adbeda38034059f5bbae303edf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7b0a015edf897b66e3c689b4a7" ON "party_match"  ("entity_type", "scheme", "identifier") `);
    await queryRunner.query(`ALTER TABLE "contract" ADD "ocid" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "outsourcing" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "imported" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "outsourcing_reason" text`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "end_date_year" integer`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "end_date_month" integer`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "end_date_day" integer`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "end_date_wording" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cffe426a91c6cdaaadb2168046" ON "contract"  ("ocid") `);
    await queryRunner.query(`CREATE INDEX "IDX_ed1c2031b89b660b4793aeae99" ON "contract"  ("outsourcing") `);
    await queryRunner.query(
      `ALTER TABLE "contract_classification" ADD CONSTRAINT "FK_232efab203998c5e9c431c12ddb" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ocds_release" ADD CONSTRAINT "FK_f1714631524e662b56eec56242a" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ocds_release" ADD CONSTRAINT "FK_18ee75eca6b49485673069626ab" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ocds_release" DROP CONSTRAINT "FK_18ee75eca6b49485673069626ab"`);
    await queryRunner.query(`ALTER TABLE "ocds_release" DROP CONSTRAINT "FK_f1714631524e662b56eec56242a"`);
    await queryRunner.query(`ALTER TABLE "contract_classification" DROP CONSTRAINT "FK_232efab203998c5e9c431c12ddb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed1c2031b89b660b4793aeae99"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cffe426a91c6cdaaadb2168046"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "end_date_wording"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "end_date_day"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "end_date_month"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "end_date_year"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "outsourcing_reason"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "imported"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "outsourcing"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "ocid"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b0a015edf897b66e3c689b4a7"`);
    await queryRunner.query(`DROP TABLE "party_match"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59d60f59ef4de01c49276b6ec1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1714631524e662b56eec56242"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a02121b5762af5224b1dbd556"`);
    await queryRunner.query(`DROP TABLE "ocds_release"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f06505d0f356e5d61bde2fa54c"`);
    await queryRunner.query(`DROP TABLE "contract_classification"`);
  }
}
