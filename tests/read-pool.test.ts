import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NOT_A_READ, ReadPool, StatementTimeoutError } from '../src/database/sqlite/read-pool';

// The SQLite reader threads: a long statement runs beside the event loop, not on it, and one past its
// deadline is abandoned at once (its thread ended and replaced) rather than when SQLite finishes.
const SLOW = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000000) SELECT count(*) AS c FROM n';

let dir: string;
let file: string;
let pool: ReadPool;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-pool-'));
  file = path.join(dir, 'pool.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
  db.close();
  pool = new ReadPool(file, 2);
});
afterAll(async () => {
  await pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("reads answer rows; a statement that writes is handed back; errors carry SQLite's code", async () => {
  expect(await pool.read('SELECT name FROM t ORDER BY id', [], null)).toEqual([{ name: 'a' }, { name: 'b' }]);
  expect(await pool.read('SELECT name FROM t WHERE id = ?', [2], null)).toEqual([{ name: 'b' }]);
  expect(await pool.read("INSERT INTO t (name) VALUES ('c')", [], null)).toBe(NOT_A_READ);
  await expect(pool.read('SELECT nope FROM t', [], null)).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
});

test('a large answer arrives whole and in order, however many parts it was sent in', async () => {
  for (const count of [1999, 2000, 2001, 4000, 4500]) {
    const rows = await pool.read(
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${count}) SELECT x FROM n`,
      [],
      null,
    );
    expect([count, (rows as Array<{ x: number }>).map((r) => r.x)]).toEqual([count, Array.from({ length: count }, (_, i) => i + 1)]);
  }
  expect(await pool.read('SELECT name FROM t WHERE id < 0', [], null)).toEqual([]);
});

test('a statement past its deadline is refused at the deadline while the event loop keeps turning; the pool then serves the next read', async () => {
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 10);
  const started = Date.now();
  const outcome = await pool.read(SLOW, [], Date.now() + 300).catch((error: unknown) => error);
  const took = Date.now() - started;
  clearInterval(ticker);
  expect(outcome).toBeInstanceOf(StatementTimeoutError);
  expect(took).toBeLessThan(1500);
  // The loop turned all along: about one tick per 10 ms, not none until SQLite finished.
  expect(ticks).toBeGreaterThan(10);
  expect(await pool.read('SELECT count(*) AS c FROM t', [], Date.now() + 5000)).toEqual([{ c: 2 }]);
  expect(pool.stats()).toMatchObject({ readers: 2, queued: 0 });
});

test('statements queue for a free reader, and a queued one can also time out without ever running', async () => {
  const slow = [pool.read(SLOW, [], Date.now() + 400), pool.read(SLOW, [], Date.now() + 400)];
  const queued = pool.read('SELECT 1 AS one', [], Date.now() + 100);
  // Every outcome is awaited together: the two slow deadlines are a millisecond apart or not, so the second
  // can pass first, and a rejection nobody waits on yet is reported as unhandled and fails the test (CI did).
  const outcomes = await Promise.allSettled([queued, ...slow]);
  for (const outcome of outcomes) {
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StatementTimeoutError);
  }
  expect(await pool.read('SELECT 1 AS one', [], null)).toEqual([{ one: 1 }]);
});
