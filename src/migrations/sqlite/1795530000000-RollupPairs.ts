import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_TABLES, FILL } from '../shared/1795530000000-rollup-pairs';

/**
 * Per-pair summaries beside the per-group ones (see the shared file). No trigger changes: the summaries'
 * queue already names every contract a write touches, and the writer's flush (src/database/rollup-queue.ts)
 * keeps the pairs from this migration on.
 */
export class RollupPairs1795530000000 implements MigrationInterface {
  name = 'RollupPairs1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...CREATE_TABLES(true), ...FILL]) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rollup_pair"');
    await queryRunner.query('DROP TABLE "rollup_pair_kind"');
  }
}
