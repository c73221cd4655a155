import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnsSql, SUMMARY_COLUMNS } from '../shared/1795520000000-rollup-summaries';
import { CREATE_TABLES, KEPT_PAIRS } from '../shared/1795530000000-rollup-pairs';
import { WIDE_PAIRS } from '../shared/1795540000000-rollup-wide-pairs';

/** The dimensions with a group per buyer or supplier: their pairs run to a million rows a kind or more. */
const MANY_GROUPS = ['PUBLIC_BODY', 'SUPPLIER'];

/** Each kind with many groups, its own partition: (d1, d2) as kept when this migration was written. */
const WIDE_KINDS = [...KEPT_PAIRS, ...WIDE_PAIRS].filter(([, d2]) => MANY_GROUPS.includes(d2));

const name = (...parts: string[]) => `rollup_pair_${parts.map((p) => p.toLowerCase()).join('_')}`;
const COLUMNS = ['d1', 'k1', 'd2', 'k2', ...SUMMARY_COLUMNS].join(', ');

/**
 * rollup_pair partitioned by kind (PostgreSQL only): by d2, the buyer's and the supplier's pairs each by d1,
 * so every kind with many groups is a table of its own, and the few-group kinds share one. A roll-up of one
 * kind read the whole table: PostgreSQL's planner chose a parallel scan of all 12.4M rows (3 GB at 1,000,000
 * contracts) for any kind of a million rows or more, index or not, so each such pair took ~1 s however few
 * rows it had (union × buyer's 1.0M: 1.07 s; buyer × supplier's 3.0M: 1.5 s). Each kind its own table, its
 * scan reads only its rows (0.22 s and 0.6 s in psql). SQLite keeps the table whole: its primary key
 * (WITHOUT ROWID) already stores each kind's rows together, and a kind's read touches only them.
 *
 * Same columns, primary key and name: every statement and function that reads or writes rollup_pair is
 * unchanged (an upsert routes each row to its kind's table; a kind added later goes to a default table).
 * The kept rows are copied, not recomputed. Both tables are locked first, so another instance's write
 * waits for the new table rather than writing to the old one. A flush that took them the other way round
 * (the statement-by-statement flush writes the pairs before it reads the kinds) may deadlock with this;
 * PostgreSQL then aborts one of the two, either this migration (the server does not start, and starting
 * it again runs the migration again) or that write (its transaction rolls back whole): no kept row is
 * left wrong either way.
 */
export class RollupPairPartitions1795550000000 implements MigrationInterface {
  name = 'RollupPairPartitions1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const steps = [
      'LOCK TABLE rollup_pair_kind IN ACCESS EXCLUSIVE MODE',
      'LOCK TABLE rollup_pair IN ACCESS EXCLUSIVE MODE',
      `CREATE TABLE "rollup_pair_parted" (
        "d1" varchar NOT NULL, "k1" varchar NOT NULL, "d2" varchar NOT NULL, "k2" varchar NOT NULL,
        ${columnsSql(SUMMARY_COLUMNS)}) PARTITION BY LIST (d2)`,
      ...MANY_GROUPS.flatMap((d2) => [
        `CREATE TABLE "${name(d2)}" PARTITION OF "rollup_pair_parted" FOR VALUES IN ('${d2}') PARTITION BY LIST (d1)`,
        ...WIDE_KINDS.filter(([, b]) => b === d2).map(
          ([d1]) => `CREATE TABLE "${name(d1, d2)}" PARTITION OF "${name(d2)}" FOR VALUES IN ('${d1}')`,
        ),
        `CREATE TABLE "${name(d2, 'other')}" PARTITION OF "${name(d2)}" DEFAULT`,
      ]),
      `CREATE TABLE "${name('few')}" PARTITION OF "rollup_pair_parted" DEFAULT`,
      // Copied before the key is made: one index build per table, not an insert into it per row.
      `INSERT INTO rollup_pair_parted (${COLUMNS}) SELECT ${COLUMNS} FROM rollup_pair`,
      'DROP TABLE rollup_pair',
      'ALTER TABLE rollup_pair_parted RENAME TO rollup_pair',
      'ALTER TABLE rollup_pair ADD CONSTRAINT "rollup_pair_pkey" PRIMARY KEY ("d1", "d2", "k1", "k2")',
      'ANALYZE rollup_pair',
    ];
    for (const statement of steps) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const steps = [
      'LOCK TABLE rollup_pair_kind IN ACCESS EXCLUSIVE MODE',
      'LOCK TABLE rollup_pair IN ACCESS EXCLUSIVE MODE',
      'ALTER TABLE rollup_pair RENAME TO rollup_pair_parted',
      'ALTER TABLE rollup_pair_parted RENAME CONSTRAINT "rollup_pair_pkey" TO "rollup_pair_parted_pkey"',
      // The table as RollupPairs made it.
      CREATE_TABLES(false).find((statement) => statement.startsWith('CREATE TABLE "rollup_pair" '))!,
      `INSERT INTO rollup_pair (${COLUMNS}) SELECT ${COLUMNS} FROM rollup_pair_parted`,
      'DROP TABLE rollup_pair_parted',
      'ANALYZE rollup_pair',
    ];
    for (const statement of steps) await queryRunner.query(statement);
  }
}
