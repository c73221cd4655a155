import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_KINDS, DROP, FILL } from '../shared/1795540000000-rollup-wide-pairs';

/**
 * The buyer's and the supplier's pairs kept too (see the shared file). The flush functions join
 * rollup_pair_kind, so they keep the new kinds at the next COMMIT without being made again.
 *
 * The kinds are locked first: another instance's write committing while the fill runs would flush with
 * the old kinds only, moving its contract's groups after the fill had summed the old ones, and the new
 * kinds' rows would keep that contract's old pairs for good. Locked, every flush waits for this migration
 * to commit and then keeps the new kinds too; the fill sees every write committed before it.
 */
export class RollupWidePairs1795540000000 implements MigrationInterface {
  name = 'RollupWidePairs1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of ['LOCK TABLE rollup_pair_kind IN ACCESS EXCLUSIVE MODE', ADD_KINDS, ...FILL, 'ANALYZE rollup_pair'])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DROP) await queryRunner.query(statement);
  }
}
