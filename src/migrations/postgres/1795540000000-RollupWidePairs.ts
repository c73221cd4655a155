import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_KINDS, DROP, FILL } from '../shared/1795540000000-rollup-wide-pairs';

/**
 * The buyer's and the supplier's pairs kept too (see the shared file). The flush functions join
 * rollup_pair_kind, so they keep the new kinds at the next COMMIT without being made again.
 */
export class RollupWidePairs1795540000000 implements MigrationInterface {
  name = 'RollupWidePairs1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [ADD_KINDS, ...FILL, 'ANALYZE rollup_pair']) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DROP) await queryRunner.query(statement);
  }
}
