import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_KINDS, DROP, FILL } from '../shared/1795540000000-rollup-wide-pairs';

/** The buyer's and the supplier's pairs kept too (see the shared file); the writer's flush keeps them from here on. */
export class RollupWidePairs1795540000000 implements MigrationInterface {
  name = 'RollupWidePairs1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [ADD_KINDS, ...FILL]) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DROP) await queryRunner.query(statement);
  }
}
