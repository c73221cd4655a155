import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DIRTY_SUBQUERY, flush as summariesFlush } from '../shared/1795520000000-rollup-summaries';
import { CREATE_TABLES, FILL, flush } from '../shared/1795530000000-rollup-pairs';

const statements = (list: string[]) => list.map((statement) => `${statement};`).join('\n');

/**
 * RollupSummaries' flush functions around another statement list: a transaction's few contracts looked up
 * by index whatever the statistics, a bulk load's many joined by hash (see that migration).
 */
const fewFunction = (body: string) => `CREATE OR REPLACE FUNCTION "rollup_flush_few"() RETURNS void LANGUAGE plpgsql
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
  BEGIN ${body} END $$`;
const manyFunction = (body: string) => `CREATE OR REPLACE FUNCTION "rollup_flush_many"() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN ANALYZE rollup_dirty; ${body} END $$`;

/**
 * The few contracts' flush finds the live ones among them by id first: the groups' statement joined every
 * relation to the contracts through `EXISTS`, and with plans made while the tables were small (they are
 * cached for the session) PostgreSQL walked every contract to find the few queued. (The queue read once
 * into an array, passed to each statement as a parameter, measured no better on the import or on mutations.)
 */
const QUEUED = (column: string) => `${column} = ANY(ARRAY(SELECT contract_id FROM rollup_dirty))`;
const FEW = fewFunction(
  statements(
    flush(
      QUEUED,
      true,
      (column) => `${column} = ANY(ARRAY(SELECT c.id FROM contract c WHERE ${QUEUED('c.id')} AND c.archived_at IS NULL))`,
    ),
  ),
);

const truncateFunction = (tables: string[]) => `CREATE OR REPLACE FUNCTION "rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN ${tables.map((table) => `DELETE FROM ${table};`).join(' ')} RETURN NULL; END $$`;
const SUMMARY_TABLES = ['contract_group', 'rollup_contract', 'rollup_summary', 'rollup_dirty', 'rollup_flag'];

/** Per-pair summaries beside the per-group ones (see the shared file), kept by the same flush at COMMIT. */
export class RollupPairs1795530000000 implements MigrationInterface {
  name = 'RollupPairs1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const steps = [
      ...CREATE_TABLES(false),
      ...FILL,
      FEW,
      manyFunction(statements(flush(DIRTY_SUBQUERY, true))),
      truncateFunction([...SUMMARY_TABLES, 'rollup_pair']),
    ];
    for (const statement of steps) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const before = [
      fewFunction(statements(summariesFlush(QUEUED))),
      manyFunction(statements(summariesFlush(DIRTY_SUBQUERY))),
      truncateFunction(SUMMARY_TABLES),
    ];
    for (const statement of before) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE "rollup_pair"');
    await queryRunner.query('DROP TABLE "rollup_pair_kind"');
  }
}
