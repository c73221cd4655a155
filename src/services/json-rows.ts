import type { DataSource } from 'typeorm';
import { isPostgres, runSql } from './sql';

type Row = Record<string, unknown>;

/**
 * The rows of a statement that may answer tens of thousands, built by the database into one JSON text and
 * parsed at once. Row by row, the drivers made each row a JavaScript object through their native or protocol
 * layers (100,000 rows of 5 columns: SQLite's own scan 30–60 ms, better-sqlite3's rows 250–600 ms, then as
 * much again to copy them from the reader thread); as one text, the database's JSON takes ~110 ms, the copy
 * a few and `JSON.parse` ~50. The rows arrive in no particular order: callers sort them. `columns` names
 * every column of the statement (SQLite's JSON has no row-to-object of its own); values keep their types
 * (numbers, text, null), as the drivers read them.
 */
export async function runSqlAsJson(ds: DataSource, sql: string, params: Record<string, unknown>, columns: string[]): Promise<Row[]> {
  const built = isPostgres(ds)
    ? `SELECT COALESCE(json_agg(r), '[]'::json) AS rows FROM (${sql}) r`
    : `SELECT json_group_array(json_object(${columns.map((c) => `'${c}', r.${c}`).join(', ')})) AS rows FROM (${sql}) r`;
  const [{ rows }] = await runSql<{ rows: string | Row[] }>(ds, built, params);
  return typeof rows === 'string' ? (JSON.parse(rows) as Row[]) : rows;
}
