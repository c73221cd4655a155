import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubjectType } from '../../schema/enums';
import { badUserInput } from '../../errors';
import { foldText } from '../fold-text';

let counter = 0;
const param = (base: string) => `${base}_${++counter}`;

/** `column IN (…)` when a list is given; an empty list matches nothing, an absent one everything. */
export function whereIn(qb: SelectQueryBuilder<ObjectLiteral>, column: string, values: readonly unknown[] | null | undefined) {
  whereList(qb, values, (list) => `${column} IN (${list})`);
}

/** `EXISTS (subquery)` where the subquery compares something to the list, bound where it writes `list`. */
export function whereExists(
  qb: SelectQueryBuilder<ObjectLiteral>,
  values: readonly unknown[] | null | undefined,
  subquery: (list: string) => string,
) {
  whereList(qb, values, (list) => `EXISTS (${subquery(list)})`);
}

/**
 * `column IN (subquery)`, the subquery selecting ids by the list. For a list of records that each reach few
 * rows (a buyer's contracts): SQLite then starts from them, where with EXISTS it walks the whole table in
 * the list's order looking for them. (PostgreSQL plans both forms alike.)
 */
export function whereInSubquery(
  qb: SelectQueryBuilder<ObjectLiteral>,
  column: string,
  values: readonly unknown[] | null | undefined,
  subquery: (list: string) => string,
) {
  whereList(qb, values, (list) => `${column} IN (${subquery(list)})`);
}

function whereList(
  qb: SelectQueryBuilder<ObjectLiteral>,
  values: readonly unknown[] | null | undefined,
  condition: (list: string) => string,
) {
  if (values == null) return;
  if (values.length === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  const p = param('list');
  // Deduplicated: a list variable repeated into several filters, or one value many times, binds each value once.
  qb.andWhere(condition(`:...${p}`), { [p]: [...new Set(values)] });
}

/** Matches names, aliases, titles and quotes of the row, case- and accent-insensitively. */
export function whereTextMatches(
  qb: SelectQueryBuilder<ObjectLiteral>,
  idColumn: string,
  subjectType: SubjectType,
  text: string | null | undefined,
) {
  if (text == null) return;
  const folded = foldText(text);
  // As search(text:): text with no letter or digit ("%", "!!!") would match everything.
  if (!folded) throw badUserInput('search', 'must contain at least one letter or digit.');
  const p = param('text');
  const t = param('type');
  qb.andWhere(
    `EXISTS (SELECT 1 FROM search_entry se WHERE se.subject_type = :${t} AND se.subject_id = ${idColumn} AND se.folded LIKE :${p})`,
    { [p]: `%${folded}%`, [t]: subjectType },
  );
}

/** `column` points at the current (unarchived) row of `table` whose slug is given (a filter by a related record's slug). */
export function whereRefSlug(qb: SelectQueryBuilder<ObjectLiteral>, column: string, table: string, slug: string | null | undefined) {
  if (slug == null) return;
  const p = param('slug');
  qb.andWhere(`${column} IN (SELECT ref.id FROM ${table} ref WHERE ref.slug = :${p} AND ref.archived_at IS NULL)`, { [p]: slug });
}
