import type { DataSource, ObjectLiteral } from 'typeorm';

/**
 * Runs SQL written with TypeORM's named parameters (`:id`, `:...ids`) on either driver:
 * TypeORM turns them into `?` for SQLite and `$n` for PostgreSQL.
 */
export async function runSql<T = ObjectLiteral>(ds: DataSource, sql: string, params: ObjectLiteral = {}): Promise<T[]> {
  const [query, values] = ds.driver.escapeQueryWithParameters(sql, params);
  return ds.query(query, values);
}

export const isPostgres = (ds: DataSource) => ds.options.type === 'postgres';

/**
 * `column IN (…)` of a list parameter: on PostgreSQL one array parameter (a page of 1,000 ids was 1,000
 * parameters to send, and an IN list to plan, in each of a part's statements), on SQLite the list itself.
 */
export const inList = (ds: DataSource, column: string, param: string) =>
  isPostgres(ds) ? `${column} = ANY(:${param})` : `${column} IN (:...${param})`;

/** A sort key for text that orders the same on both databases (byte order of the lower-cased text). */
export const textSortKey = (ds: DataSource, column: string) => (isPostgres(ds) ? `LOWER(${column}) COLLATE "C"` : `LOWER(${column})`);

/** The rows of an archivable table that are current: hand-written SQL reads these, as the ORM does by itself. */
export const live = (table: string) => `(SELECT * FROM ${table} WHERE archived_at IS NULL)`;

/** Separates the items of a `listAgg` (unit separator) and the parts of one item (record separator). */
export const ITEM_SEPARATOR = '\u001f';
export const PART_SEPARATOR = '\u001e';

/** A one-character text in SQL, by its code: a control character has no portable literal. */
const charSql = (ds: DataSource, character: string) => `${isPostgres(ds) ? 'chr' : 'char'}(${character.charCodeAt(0)})`;

/**
 * The values of `expression` over a group as one text, in `order`, separated by ITEM_SEPARATOR (null for
 * none). Control characters are refused in every stored text (writes and imports), so they cannot occur
 * inside an item.
 */
export const listAgg = (ds: DataSource, expression: string, order: string) =>
  `${isPostgres(ds) ? 'string_agg' : 'group_concat'}(${expression}, ${charSql(ds, ITEM_SEPARATOR)} ORDER BY ${order})`;

/** Between the parts of one item of a `listAgg`: `a || <this> || b`. */
export const partSeparatorSql = (ds: DataSource) => charSql(ds, PART_SEPARATOR);
