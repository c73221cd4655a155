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

// `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: an index condition whatever the planner believes of the
// table (as in ContractMeasures).
const rows = (table: 'new_rows' | 'old_rows'): Written => ({
  column: (c) => `r.${c}`,
  from: ` FROM ${table} r`,
  among: (e, c) => `${e} = ANY(ARRAY(SELECT r.${c} FROM ${table} r))`,
});
const idsIn = (select: string) => (col: string) => `${col} = ANY(ARRAY(${select}))`;

/** A function's body for INSERT, UPDATE and DELETE, from statements given the transition tables there are. */
const byOperation = (statements: (tables: Array<'new_rows' | 'old_rows'>) => string[]) => {
  const block = (tables: Array<'new_rows' | 'old_rows'>) =>
    statements(tables)
      .map((s) => `${s};`)
      .join('\n');
  return `IF TG_OP = 'INSERT' THEN ${block(['new_rows'])}
    ELSIF TG_OP = 'DELETE' THEN ${block(['old_rows'])}
    ELSE ${block(['old_rows', 'new_rows'])}
    END IF;`;
};

/**
 * Each contract's groups and each group's summed measures, kept by the database itself in the transaction
 * of every write, whoever writes (see the shared file for what the two tables hold). Statement triggers
 * with transition tables, as ContractMeasures: a bulk write refreshes its contracts' groups once, and each
 * change of group or measures rows adds its difference to the summaries, one upsert per statement.
 */
export class RollupSummaries1795520000000 implements MigrationInterface {
  name = 'RollupSummaries1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...CREATE_TABLES(false), ...FILL]) await queryRunner.query(statement);
    // Index lookups from the written rows only (see ContractMeasures: a bulk load's tables look empty to the planner).
    const fn = (name: string, statements: string) =>
      queryRunner.query(`CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql
        SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
        BEGIN ${statements} RETURN NULL; END $$`);
    const triggers = async (name: string, table: string, operations: Array<'insert' | 'update' | 'delete'>) => {
      const referencing = {
        insert: 'NEW TABLE AS new_rows',
        update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        delete: 'OLD TABLE AS old_rows',
      };
      for (const op of operations)
        await queryRunner.query(`CREATE TRIGGER "${name}_${op}" AFTER ${op.toUpperCase()} ON "${table}"
          REFERENCING ${referencing[op]} FOR EACH STATEMENT EXECUTE FUNCTION "${name}"()`);
    };
    const sign = (table: 'new_rows' | 'old_rows') => (table === 'new_rows' ? 1 : -1);

    // A group row in or out adds or takes away its contract, with its measures as they stand.
    await fn(
      'rollup_group',
      byOperation((tables) => [
        addToSummary(
          tables
            .map((t) => contributionRows(`FROM ${t} g LEFT JOIN contract_measure cm ON cm.contract_id = g.contract_id`, sign(t), true))
            .join(' UNION ALL '),
        ),
      ]),
    );
    await triggers('rollup_group', 'contract_group', ['insert', 'update', 'delete']);
    // TRUNCATE (a rebuild's, cascading from contract) deletes no rows one by one: the summaries go with it.
    await queryRunner.query(`CREATE FUNCTION "rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM rollup_summary; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "contract_group" FOR EACH STATEMENT EXECUTE FUNCTION "rollup_truncate"()`,
    );
    // A contract's measures changing change each of its groups by the difference.
    await fn(
      'rollup_measure',
      byOperation((tables) => [
        addToSummary(
          tables
            .map((t) => contributionRows(`FROM ${t} cm JOIN contract_group g ON g.contract_id = cm.contract_id`, sign(t), false))
            .join(' UNION ALL '),
        ),
      ]),
    );
    await triggers('rollup_measure', 'contract_measure', ['insert', 'update', 'delete']);

    // A new contract is in its status's and year's groups and every other dimension's none; a deleted one
    // leaves its groups before its measures go, so each group loses the measures it had summed.
    await fn('groups_contract_insert', groupsOfNew(idsIn('SELECT r.id FROM new_rows r')) + ';');
    await triggers('groups_contract_insert', 'contract', ['insert']);
    await queryRunner.query(`CREATE FUNCTION "groups_contract_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM contract_group WHERE contract_id = OLD.id; RETURN OLD; END $$`);
    await queryRunner.query(`CREATE TRIGGER "groups_contract_delete" BEFORE DELETE ON "contract"
      FOR EACH ROW EXECUTE FUNCTION "groups_contract_delete"()`);
    for (const [table, { dimensions, contracts, watched }] of Object.entries(TOUCHED)) {
      if (table === 'contract') {
        // Only the contracts whose watched values changed (a column list and transition tables cannot go
        // together): an import rewrites a contract's every column with each release.
        const changed = `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE ${watched.map((c) => `n.${c} IS DISTINCT FROM o.${c}`).join(' OR ')}`;
        const statements = refreshGroups(dimensions, idsIn(changed)).map((s) => `${s};`);
        await fn('groups_contract', `IF EXISTS (${changed}) THEN ${statements.join('\n')} END IF;`);
        await triggers('groups_contract', table, ['update']);
        continue;
      }
      const touched = (tables: Array<'new_rows' | 'old_rows'>) => idsIn(tables.map((t) => contracts(rows(t))).join(' UNION '));
      await fn(
        `groups_${table}`,
        byOperation((tables) => refreshGroups(dimensions, touched(tables))),
      );
      await triggers(`groups_${table}`, table, ['insert', 'update', 'delete']);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "groups_contract_delete" ON "contract"');
    await queryRunner.query('DROP TRIGGER "groups_contract_insert_insert" ON "contract"');
    for (const [table] of Object.entries(TOUCHED)) {
      for (const op of table === 'contract' ? ['update'] : ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "groups_${table}_${op}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "groups_${table}"()`);
    }
    for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "rollup_measure_${op}" ON "contract_measure"`);
    await queryRunner.query('DROP TABLE "rollup_summary"');
    await queryRunner.query('DROP TABLE "contract_group"');
    for (const name of ['rollup_group', 'rollup_truncate', 'rollup_measure', 'groups_contract_insert', 'groups_contract_delete'])
      await queryRunner.query(`DROP FUNCTION "${name}"()`);
  }
}
