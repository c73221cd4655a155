import type { DataSource } from 'typeorm';
import { badUserInput } from '../errors';
import type { Loaders } from '../loaders';
import { foldText } from './fold-text';
import type { SearchSubjectType } from './search-index';
import { runSql } from './sql';
import { loadSubject } from './subjects';

export interface SearchMatch {
  node: object;
  field: string;
  text: string;
}

export const MAX_SEARCH_RESULTS = 100;

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere.
 * The best entry per record is chosen in SQL, so a record appears once however many of its texts match.
 */
export async function search(ds: DataSource, loaders: Loaders, text: string, first: number): Promise<SearchMatch[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  const rows = await runSql<{ subject_type: SearchSubjectType; subject_id: number; field: string; text: string }>(
    ds,
    `SELECT subject_type, subject_id, field, text FROM (
       SELECT subject_type, subject_id, field, text, rank,
              ROW_NUMBER() OVER (PARTITION BY subject_type, subject_id ORDER BY rank, id) AS nth
       FROM (
         SELECT id, subject_type, subject_id, field, text,
                CASE WHEN folded = :exact THEN 0 WHEN folded LIKE :prefix THEN 1 WHEN folded LIKE :word THEN 2 ELSE 3 END AS rank
         FROM search_entry WHERE folded LIKE :anywhere
       ) matched
     ) best WHERE nth = 1
     ORDER BY rank, subject_type, subject_id LIMIT :first`,
    { exact: folded, prefix: `${folded}%`, word: `% ${folded}%`, anywhere: `%${folded}%`, first },
  );
  const nodes = await Promise.all(
    rows.map((row) =>
      row.subject_type === 'CITATION'
        ? loaders.citation.load(Number(row.subject_id))
        : loadSubject(loaders, row.subject_type, Number(row.subject_id)),
    ),
  );
  return rows.flatMap((row, i) => (nodes[i] ? [{ node: nodes[i] as object, field: row.field, text: row.text }] : []));
}
