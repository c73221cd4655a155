import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  BULK_FLUSH,
  CREATE_TABLES,
  DIRTY_SUBQUERY,
  FILL,
  flush,
  markDirty,
  TOUCHED,
  type Written,
} from '../shared/1795520000000-rollup-summaries';

/** Tables whose rows have an `id`, by which an update's old and new rows pair up. */
const KEYED_BY_ID = new Set(['contract', 'public_body', 'supplier', 'offshoring', 'offshore_location', 'trade_union', 'event']);

// `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: an index condition whatever the planner believes of the
// table (as in ContractMeasures).
const rows = (table: 'new_rows' | 'old_rows'): Written => ({
  column: (c) => `r.${c}`,
  from: ` FROM ${table} r`,
  among: (e, c) => `${e} = ANY(ARRAY(SELECT r.${c} FROM ${table} r))`,
});

/**
 * Each contract's groups and parts and each group's summary (see the shared file). Statement triggers with
 * transition tables add the contracts a statement touches to rollup_dirty; a deferred constraint trigger
 * flushes the queue at COMMIT, once for the transaction (it hangs on a one-row flag the queue raises).
 */
export class RollupSummaries1795520000000 implements MigrationInterface {
  name = 'RollupSummaries1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...CREATE_TABLES(false), ...FILL]) await queryRunner.query(statement);
    for (const [table, { contracts, watched }] of Object.entries(TOUCHED)) {
      // An update marks contracts only for the rows whose watched values changed (a column list and
      // transition tables cannot go together): an import rewrites a contract's or a party's every column
      // with each release, and a party's contracts can be thousands. Tables without an id (links, measures)
      // mark the contracts of their old and new rows.
      const changedRows = (side: 'old_rows' | 'new_rows'): Written => {
        const other = side === 'old_rows' ? 'new_rows' : 'old_rows';
        const from = ` FROM ${side} r JOIN ${other} x ON x.id = r.id WHERE ${watched.map((c) => `r.${c} IS DISTINCT FROM x.${c}`).join(' OR ')}`;
        return { column: (c) => `r.${c}`, from, among: (e, c) => `${e} = ANY(ARRAY(SELECT r.${c}${from}))` };
      };
      const updated = KEYED_BY_ID.has(table)
        ? `${contracts(changedRows('old_rows'))} UNION ALL ${contracts(changedRows('new_rows'))}`
        : `${contracts(rows('old_rows'))} UNION ALL ${contracts(rows('new_rows'))}`;
      await queryRunner.query(`CREATE FUNCTION "rollup_dirty_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN ${markDirty(contracts(rows('new_rows')))};
          ELSIF TG_OP = 'DELETE' THEN ${markDirty(contracts(rows('old_rows')))};
          ELSE ${markDirty(updated)};
          END IF;
          RETURN NULL;
        END $$`);
      const referencing = {
        insert: 'NEW TABLE AS new_rows',
        update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        delete: 'OLD TABLE AS old_rows',
      };
      for (const [op, tables] of Object.entries(referencing))
        await queryRunner.query(`CREATE TRIGGER "rollup_dirty_${table}_${op}" AFTER ${op.toUpperCase()} ON "${table}"
          REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "rollup_dirty_${table}"()`);
    }
    // A transaction's few contracts are looked up by index, whatever the planner believes of the tables:
    // `= ANY(ARRAY(…))` (the queue is never analysed) and no scans or hashes — the function's plans are
    // cached for the session, and an import's were made while its tables were still small (each flush then
    // walked every contract). A bulk load's many are joined by hash once the queue's statistics are known.
    const statements = (dirty: (column: string) => string) =>
      flush(dirty)
        .map((statement) => `${statement};`)
        .join('\n');
    await queryRunner.query(`CREATE FUNCTION "rollup_flush_few"() RETURNS void LANGUAGE plpgsql
      SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
      BEGIN ${statements((column) => `${column} = ANY(ARRAY(SELECT contract_id FROM rollup_dirty))`)} END $$`);
    await queryRunner.query(`CREATE FUNCTION "rollup_flush_many"() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN ANALYZE rollup_dirty; ${statements(DIRTY_SUBQUERY)} END $$`);
    await queryRunner.query(`CREATE FUNCTION "rollup_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE queued bigint;
      BEGIN
        SELECT COUNT(*) INTO queued FROM (SELECT 1 FROM rollup_dirty LIMIT ${BULK_FLUSH}) q;
        IF queued = 0 THEN DELETE FROM rollup_flag; RETURN NULL;
        ELSIF queued < ${BULK_FLUSH} THEN PERFORM rollup_flush_few();
        ELSE PERFORM rollup_flush_many();
        END IF;
        DELETE FROM rollup_flag;
        RETURN NULL;
      END $$`);
    // One deferred firing a transaction: a constraint trigger fires per row, and one on the queue itself
    // fired once per queued contract, each looking at a queue already flushed (a bulk load of 20,000
    // contracts spent 5 of its 16 s there, growing with the square of the load). The queue's statement
    // trigger raises a one-row flag instead; only the flag's first insert in a transaction queues the flush.
    await queryRunner.query('CREATE TABLE "rollup_flag" ("id" integer PRIMARY KEY CHECK ("id" = 1))');
    await queryRunner.query(`CREATE FUNCTION "rollup_raise_flag"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO rollup_flag (id) VALUES (1) ON CONFLICT DO NOTHING; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "rollup_raise_flag" AFTER INSERT ON "rollup_dirty" FOR EACH STATEMENT EXECUTE FUNCTION "rollup_raise_flag"()`,
    );
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "rollup_flush" AFTER INSERT ON "rollup_flag"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rollup_flush"()`);
    // TRUNCATE (a rebuild's) deletes no rows one by one: the kept rows go with the contracts.
    await queryRunner.query(`CREATE FUNCTION "rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM contract_group; DELETE FROM rollup_contract; DELETE FROM rollup_summary; DELETE FROM rollup_dirty; DELETE FROM rollup_flag; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "contract" FOR EACH STATEMENT EXECUTE FUNCTION "rollup_truncate"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "rollup_truncate" ON "contract"');
    await queryRunner.query('DROP FUNCTION "rollup_truncate"()');
    for (const table of Object.keys(TOUCHED)) {
      for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "rollup_dirty_${table}_${op}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "rollup_dirty_${table}"()`);
    }
    for (const table of ['rollup_flag', 'rollup_dirty', 'rollup_summary', 'rollup_contract', 'contract_group'])
      await queryRunner.query(`DROP TABLE "${table}"`);
    for (const name of ['rollup_raise_flag', 'rollup_flush', 'rollup_flush_few', 'rollup_flush_many'])
      await queryRunner.query(`DROP FUNCTION "${name}"()`);
  }
}
