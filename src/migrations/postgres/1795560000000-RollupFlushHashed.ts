import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flush of a transaction's few contracts (`rollup_flush_delta`, migration RollupPairs) groups by hash,
 * not by sorting (PostgreSQL only). Planned on the few rows it expects, it sorted each DISTINCT and each
 * GROUP BY, comparing text keys by the database's collation: for a mutation changing a contract's status
 * and buyers, ~240 pair rows and the groups' rows. Timed alone (the function called 400 times, alternating
 * with the unchanged one, after the same writes): 2.55 → 2.02 ms a call; computing the pairs was 1.2 ms of
 * it, writing them 0.6 ms. The grouping's result is a set either way, so the kept rows are the same.
 * `CREATE OR REPLACE FUNCTION` replaces a function's settings: a later migration that makes this function
 * again must set `enable_sort = off` with the others.
 */
export class RollupFlushHashed1795560000000 implements MigrationInterface {
  name = 'RollupFlushHashed1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION "rollup_flush_delta"() SET enable_sort = off');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION "rollup_flush_delta"() RESET enable_sort');
  }
}
