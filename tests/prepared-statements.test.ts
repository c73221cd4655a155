import type { DataSource, QueryRunner } from 'typeorm';
import { PREPARED_PER_CONNECTION, RUNS_BEFORE_PREPARING } from '../src/database/postgres/prepared-statements';
import { loadConfig, serverDatabaseOptions } from '../src/config';
import { openDatabase } from '../src/database/open';
import { runSql } from '../src/services/sql';
import { createTestDatabase, openTestDatabase } from './support/test-database';

// PostgreSQL's prepared statements; on SQLite, that a statement's text does not change with its values, so
// TypeORM's statement cache and the readers' find it again.
const onPostgres = process.env.TEST_DATABASE_URL ? test : test.skip;
const onSqlite = process.env.TEST_DATABASE_URL ? test.skip : test;

let ds: DataSource;
let close: () => Promise<void>;
let runner: QueryRunner;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
  // One runner: one connection, whose prepared statements pg_prepared_statements lists.
  runner = ds.createQueryRunner();
  await runner.connect();
});
afterAll(async () => {
  await runner?.release();
  await close?.();
});

const preparedTexts = async (): Promise<string[]> =>
  (await runner.query('SELECT statement FROM pg_prepared_statements')).map((row: { statement: string }) => row.statement);

onPostgres('a statement run with parameters is prepared on its third run, and answers the same before and after', async () => {
  const text = 'SELECT $1::int + 1 AS next, $2::text AS word';
  const answers = [];
  for (let run = 1; run <= RUNS_BEFORE_PREPARING + 2; run += 1) {
    answers.push(await runner.query(text, [run, `run ${run}`]));
    expect((await preparedTexts()).includes(text)).toBe(run >= RUNS_BEFORE_PREPARING);
  }
  expect(answers).toEqual([1, 2, 3, 4, 5].map((run) => [{ next: run + 1, word: `run ${run}` }]));
});

onPostgres('a text without parameters is never prepared: it may hold several statements', async () => {
  const text = 'SELECT 41 AS a; SELECT 42 AS b';
  for (let run = 0; run < RUNS_BEFORE_PREPARING + 1; run += 1) await runner.query(text);
  expect((await preparedTexts()).filter((statement) => statement.includes('41 AS a'))).toEqual([]);
});

onPostgres('a connection keeps a bounded number prepared, and texts past the bound still run', async () => {
  const texts = Array.from({ length: PREPARED_PER_CONNECTION + 5 }, (_, i) => `SELECT $1::int * ${i + 2} AS product`);
  for (const text of texts) {
    for (let run = 0; run < RUNS_BEFORE_PREPARING; run += 1)
      expect(await runner.query(text, [3])).toEqual([{ product: 3 * (texts.indexOf(text) + 2) }]);
  }
  expect((await preparedTexts()).length).toBe(PREPARED_PER_CONNECTION);
});

onPostgres('with DATABASE_PREPARED_STATEMENTS=false nothing is prepared (for a pooler that cannot keep them)', async () => {
  const database = await createTestDatabase();
  const unprepared = await openDatabase(
    database.target,
    false,
    undefined,
    serverDatabaseOptions(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' })),
  );
  const own = unprepared.createQueryRunner();
  try {
    await own.connect();
    for (let run = 0; run < RUNS_BEFORE_PREPARING + 2; run += 1) await own.query('SELECT $1::int AS n', [run]);
    expect(await own.query('SELECT statement FROM pg_prepared_statements')).toEqual([]);
  } finally {
    await own.release();
    await unprepared.destroy();
    await database.drop();
  }
});

onSqlite('whole numbers are bound as INTEGER parameters, not written into the text: one text for every id', async () => {
  const sql = 'SELECT typeof(:n) AS type, json_object(:name, :n) AS json, :n * 2 AS twice WHERE :id IN (0, 1, 2)';
  const [first, firstValues] = ds.driver.escapeQueryWithParameters(sql, { n: 42, name: 'a', id: 1 });
  const [second] = ds.driver.escapeQueryWithParameters(sql, { n: 7, name: 'a', id: 2 });
  expect(second).toBe(first);
  expect(first).not.toMatch(/42/);
  expect(firstValues).toEqual([42n, 'a', 42n, 42n, 1n]);
  // The same type and value as the digits were: INTEGER, so JSON says 42, not 42.0.
  expect(await runSql(ds, sql, { n: 42, name: 'a', id: 0 })).toEqual([{ type: 'integer', json: '{"a":42}', twice: 84 }]);
  // A fraction, a number too large to be exact, and a list are sent as before.
  expect(await runSql(ds, 'SELECT typeof(:x) AS x, :big AS big', { x: 0.5, big: 2 ** 60 })).toEqual([{ x: 'real', big: 2 ** 60 }]);
  expect(await runSql(ds, 'SELECT COUNT(*) AS n FROM contract WHERE id IN (:...ids)', { ids: [-1, -2] })).toEqual([{ n: 0 }]);
});
