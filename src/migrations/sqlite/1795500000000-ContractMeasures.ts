import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_TABLE, FILL, refresh, TOUCHED, WATCHED, type Written } from '../shared/1795500000000-contract-measures';

const row = (name: 'NEW' | 'OLD'): Written => ({ column: (c) => `${name}.${c}`, from: '', among: (e, c) => `${e} = ${name}.${c}` });

/**
 * Each contract's measures kept as a row (the envelope of each of its figures' measures, and whether it is
 * contested), so that a roll-up sums rows instead of recomputing every contract's envelopes. Kept by the
 * database itself, in the transaction of every write, whoever writes (mutations, imports, the seed, undo,
 * scripts). SQLite has only row triggers: each written row refreshes the contracts it touches.
 */
export class ContractMeasures1795500000000 implements MigrationInterface {
  name = 'ContractMeasures1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_TABLE);
    await queryRunner.query(FILL);
    for (const table of Object.keys(TOUCHED) as Array<keyof typeof TOUCHED>) {
      const touched = TOUCHED[table];
      const triggers = {
        insert: { on: 'INSERT', ids: (col: string) => `${col} IN (${touched(row('NEW'))})` },
        update: {
          on: `UPDATE OF ${WATCHED[table].join(', ')}`,
          ids: (col: string) => `(${col} IN (${touched(row('OLD'))}) OR ${col} IN (${touched(row('NEW'))}))`,
        },
        delete: { on: 'DELETE', ids: (col: string) => `${col} IN (${touched(row('OLD'))})` },
      };
      for (const [operation, { on, ids }] of Object.entries(triggers)) {
        await queryRunner.query(`CREATE TRIGGER "measures_${table}_${operation}" AFTER ${on} ON "${table}"
          BEGIN ${refresh(ids)
            .map((statement) => `${statement};`)
            .join('\n')} END`);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(TOUCHED)) {
      for (const operation of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "measures_${table}_${operation}"`);
    }
    await queryRunner.query('DROP TABLE "contract_measure"');
  }
}
