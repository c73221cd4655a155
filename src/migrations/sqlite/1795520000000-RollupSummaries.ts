import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addToSummary,
  contributionRows,
  CREATE_TABLES,
  FILL,
  groupsOfNew,
  refreshGroups,
  TOUCHED,
  type Written,
} from '../shared/1795520000000-rollup-summaries';

const row = (name: 'NEW' | 'OLD'): Written => ({ column: (c) => `${name}.${c}`, from: '', among: (e, c) => `${e} = ${name}.${c}` });

/** A row trigger's body: statements, each ended. */
const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

/**
 * Each contract's groups and each group's summed measures, kept by the database itself in the transaction
 * of every write, whoever writes (see the shared file for what the two tables hold). SQLite has only row
 * triggers: each written row refreshes the groups of the contracts it touches, and each changed group row
 * or measures row adds its difference to the summaries.
 */
export class RollupSummaries1795520000000 implements MigrationInterface {
  name = 'RollupSummaries1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...CREATE_TABLES(true), ...FILL]) await queryRunner.query(statement);
    const trigger = (name: string, when: string, statements: string[]) =>
      queryRunner.query(`CREATE TRIGGER "${name}" ${when} BEGIN ${body(statements)} END`);

    // A group row in or out adds or takes away its contract, with its measures as they stand.
    const groupRow = (r: 'NEW' | 'OLD') =>
      `FROM (SELECT ${r}.contract_id AS contract_id, ${r}.dimension AS dimension, ${r}.k AS k) g LEFT JOIN contract_measure cm ON cm.contract_id = g.contract_id`;
    await trigger('rollup_group_insert', 'AFTER INSERT ON "contract_group"', [addToSummary(contributionRows(groupRow('NEW'), 1, true))]);
    await trigger('rollup_group_delete', 'AFTER DELETE ON "contract_group"', [addToSummary(contributionRows(groupRow('OLD'), -1, true))]);
    // A contract's measures changing change each of its groups by the difference.
    const groupsOfMeasures = (r: 'NEW' | 'OLD') => `FROM contract_group g WHERE g.contract_id = ${r}.contract_id`;
    const measuresIn = contributionRows(groupsOfMeasures('NEW'), 1, false, 'NEW');
    const measuresOut = contributionRows(groupsOfMeasures('OLD'), -1, false, 'OLD');
    await trigger('rollup_measure_insert', 'AFTER INSERT ON "contract_measure"', [addToSummary(measuresIn)]);
    await trigger('rollup_measure_update', 'AFTER UPDATE ON "contract_measure"', [addToSummary(`${measuresOut} UNION ALL ${measuresIn}`)]);
    await trigger('rollup_measure_delete', 'AFTER DELETE ON "contract_measure"', [addToSummary(measuresOut)]);

    // A new contract is in its status's and year's groups and every other dimension's none; a deleted one
    // leaves its groups before its measures go (by cascade, in an order SQLite does not promise).
    await trigger('groups_contract_insert', 'AFTER INSERT ON "contract"', [groupsOfNew((col) => `${col} = NEW.id`)]);
    await trigger('groups_contract_delete', 'BEFORE DELETE ON "contract"', ['DELETE FROM contract_group WHERE contract_id = OLD.id']);
    for (const [table, { dimensions, contracts, watched }] of Object.entries(TOUCHED)) {
      const ids = (r: 'NEW' | 'OLD') => (col: string) => `${col} IN (${contracts(row(r))})`;
      const both = (col: string) => `(${ids('OLD')(col)} OR ${ids('NEW')(col)})`;
      // Only when a watched value changed: an import rewrites a contract's every column with each release.
      const changed = watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      await trigger(
        `groups_${table}_update`,
        `AFTER UPDATE OF ${watched.join(', ')} ON "${table}" WHEN ${changed}`,
        refreshGroups(dimensions, both),
      );
      if (table === 'contract') continue;
      await trigger(`groups_${table}_insert`, `AFTER INSERT ON "${table}"`, refreshGroups(dimensions, ids('NEW')));
      await trigger(`groups_${table}_delete`, `AFTER DELETE ON "${table}"`, refreshGroups(dimensions, ids('OLD')));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rollup_summary"');
    // Dropping a table drops its triggers; those on the written tables go by name.
    for (const name of ['groups_contract_insert', 'groups_contract_delete']) await queryRunner.query(`DROP TRIGGER "${name}"`);
    for (const name of ['rollup_measure_insert', 'rollup_measure_update', 'rollup_measure_delete'])
      await queryRunner.query(`DROP TRIGGER "${name}"`);
    for (const table of Object.keys(TOUCHED)) {
      for (const operation of table === 'contract' ? ['update'] : ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "groups_${table}_${operation}"`);
    }
    await queryRunner.query('DROP TABLE "contract_group"');
  }
}
