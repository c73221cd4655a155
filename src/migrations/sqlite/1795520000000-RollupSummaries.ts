import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_TABLES, FILL, markDirty, TOUCHED, type Written } from '../shared/1795520000000-rollup-summaries';

const row = (name: 'NEW' | 'OLD'): Written => ({ column: (c) => `${name}.${c}`, from: '', among: (e, c) => `${e} = ${name}.${c}` });

/**
 * Each contract's groups and parts and each group's summary (see the shared file). SQLite has only row
 * triggers and no deferred ones: each written row adds the contracts it touches to rollup_dirty, and the
 * writer flushes the queue before each COMMIT (src/database/sqlite/writer.ts).
 */
export class RollupSummaries1795520000000 implements MigrationInterface {
  name = 'RollupSummaries1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...CREATE_TABLES(true), ...FILL]) await queryRunner.query(statement);
    for (const [table, { contracts, watched }] of Object.entries(TOUCHED)) {
      // An update only when a watched value changed: an import rewrites a contract's every column with each release.
      const changed = watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      const triggers = {
        insert: { on: 'INSERT', when: '', marked: contracts(row('NEW')) },
        update: {
          on: `UPDATE OF ${watched.join(', ')}`,
          when: ` WHEN ${changed}`,
          marked: `${contracts(row('OLD'))} UNION ALL ${contracts(row('NEW'))}`,
        },
        delete: { on: 'DELETE', when: '', marked: contracts(row('OLD')) },
      };
      for (const [operation, { on, when, marked }] of Object.entries(triggers)) {
        await queryRunner.query(
          `CREATE TRIGGER "rollup_dirty_${table}_${operation}" AFTER ${on} ON "${table}"${when} BEGIN ${markDirty(marked)}; END`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(TOUCHED)) {
      for (const operation of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "rollup_dirty_${table}_${operation}"`);
    }
    for (const table of ['rollup_dirty', 'rollup_summary', 'rollup_contract', 'contract_group'])
      await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
