import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BULK_FLUSH, DIRTY_SUBQUERY, flush as summariesFlush } from '../shared/1795520000000-rollup-summaries';
import { CREATE_TABLES, deltaFlush, FILL, flush } from '../shared/1795530000000-rollup-pairs';

/**
 * Up to how many queued contracts the flush is one statement writing only what changed (`deltaFlush`): it
 * compares old and new rows without an index, so its cost grows with the square of the queue (1.5 ms for
 * one contract against 6 ms one statement at a time; 23 against 19 ms for 30; 180 against 56 ms for 100).
 */
const DELTA_FLUSH = 20;

const statements = (list: string[]) => list.map((statement) => `${statement};`).join('\n');

/**
 * Index lookups whatever the statistics: the plans are cached for the session, and may have been made on
 * small tables. No JIT: the plans' costs, inflated by what is switched off, always passed its threshold, and
 * compiling the delta statement took 1.8 s a flush in a session that had JIT on (the server's connections
 * have it off).
 */
const BY_INDEX = 'SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off';
const flushFunction = (name: string, body: string, settings = '') =>
  `CREATE OR REPLACE FUNCTION "${name}"() RETURNS void LANGUAGE plpgsql ${settings} AS $$ BEGIN ${body} END $$`;

/**
 * The flush at COMMIT (the deferred trigger's function), by the size of the queue: a mutation's or a
 * release's few contracts in one statement writing only what changed; up to a bulk load, the summaries'
 * and pairs' statements one by one, by index; a bulk load's by hash.
 */
const dispatch = (tiers: string) => `CREATE OR REPLACE FUNCTION "rollup_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE queued bigint;
  BEGIN
    SELECT COUNT(*) INTO queued FROM (SELECT 1 FROM rollup_dirty LIMIT ${BULK_FLUSH}) q;
    IF queued = 0 THEN DELETE FROM rollup_flag; RETURN NULL;
    ${tiers}
    ELSE PERFORM rollup_flush_many();
    END IF;
    DELETE FROM rollup_flag;
    RETURN NULL;
  END $$`;

/**
 * The queued live contracts found by id first: the summaries' groups statement joined every relation to the
 * contracts through `EXISTS`, and with plans made while the tables were small PostgreSQL walked every
 * contract to find the few queued.
 */
const QUEUED = (column: string) => `${column} = ANY(ARRAY(SELECT contract_id FROM rollup_dirty))`;
const LIVE_QUEUED = `SELECT c.id FROM contract c WHERE ${QUEUED('c.id')} AND c.archived_at IS NULL`;

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
      flushFunction('rollup_flush_delta', `${deltaFlush(QUEUED, LIVE_QUEUED)};`, BY_INDEX),
      flushFunction('rollup_flush_few', statements(flush(QUEUED, true, (column) => `${column} = ANY(ARRAY(${LIVE_QUEUED}))`)), BY_INDEX),
      flushFunction('rollup_flush_many', `ANALYZE rollup_dirty; ${statements(flush(DIRTY_SUBQUERY, true))}`),
      dispatch(`ELSIF queued <= ${DELTA_FLUSH} THEN PERFORM rollup_flush_delta();
    ELSIF queued < ${BULK_FLUSH} THEN PERFORM rollup_flush_few();`),
      truncateFunction([...SUMMARY_TABLES, 'rollup_pair']),
    ];
    for (const statement of steps) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const before = [
      dispatch(`ELSIF queued < ${BULK_FLUSH} THEN PERFORM rollup_flush_few();`),
      'DROP FUNCTION "rollup_flush_delta"()',
      flushFunction('rollup_flush_few', statements(summariesFlush(QUEUED)), BY_INDEX),
      flushFunction('rollup_flush_many', `ANALYZE rollup_dirty; ${statements(summariesFlush(DIRTY_SUBQUERY))}`),
      truncateFunction(SUMMARY_TABLES),
    ];
    for (const statement of before) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE "rollup_pair"');
    await queryRunner.query('DROP TABLE "rollup_pair_kind"');
  }
}
