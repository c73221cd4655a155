import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_TABLE, FILL, refresh, TOUCHED, type Written } from '../shared/1795500000000-contract-measures';

// `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: an index condition whatever the planner believes of the
// table (at a million generated contracts, the claims' proposition semi-join walked every claim a batch).
const rows = (table: 'new_rows' | 'old_rows'): Written => ({
  column: (c) => `r.${c}`,
  from: ` FROM ${table} r`,
  among: (e, c) => `${e} = ANY(ARRAY(SELECT r.${c} FROM ${table} r))`,
});

/**
 * Each contract's measures kept as a row (the envelope of each of its figures' measures, and whether it is
 * contested), so that a roll-up sums rows instead of recomputing every contract's envelopes. Kept by the
 * database itself, in the transaction of every write, whoever writes (mutations, imports, the seed, undo,
 * scripts). Statement triggers with transition tables: a bulk insert refreshes its contracts once. Named
 * to run after the data_version triggers (PostgreSQL runs a table's triggers in name order), whose row
 * lock orders writers before these read.
 */
export class ContractMeasures1795500000000 implements MigrationInterface {
  name = 'ContractMeasures1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_TABLE);
    await queryRunner.query(FILL);
    for (const table of Object.keys(TOUCHED) as Array<keyof typeof TOUCHED>) {
      const touched = TOUCHED[table];
      const inserted = (col: string) => `${col} IN (${touched(rows('new_rows'))})`;
      const deleted = (col: string) => `${col} IN (${touched(rows('old_rows'))})`;
      const statements = (ids: (col: string) => string) =>
        refresh(ids)
          .map((statement) => `${statement};`)
          .join('\n');
      // Index lookups from the written rows only: a bulk load writes into tables the planner still believes
      // empty (no ANALYZE has run inside its transaction), and so planned, each batch scanned or sorted whole
      // tables (10,000 generated contracts took 15-65 s instead of 4). Set for the function's statements only.
      await queryRunner.query(`CREATE FUNCTION "measures_${table}"() RETURNS trigger LANGUAGE plpgsql
        SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN ${statements(inserted)}
          ELSIF TG_OP = 'DELETE' THEN ${statements(deleted)}
          ELSE ${statements((col) => `(${inserted(col)} OR ${deleted(col)})`)}
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER "measures_${table}_insert" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "measures_${table}"()`);
      await queryRunner.query(`CREATE TRIGGER "measures_${table}_update" AFTER UPDATE ON "${table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "measures_${table}"()`);
      await queryRunner.query(`CREATE TRIGGER "measures_${table}_delete" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "measures_${table}"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(TOUCHED)) {
      for (const operation of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "measures_${table}_${operation}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "measures_${table}"()`);
    }
    await queryRunner.query('DROP TABLE "contract_measure"');
  }
}
