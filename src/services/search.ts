import type { DataSource } from 'typeorm';
import { badUserInput } from '../errors';
import { foldText } from './fold-text';
import type { SearchSubjectType } from './search-index';
import { runSql } from './sql';

/** One record's best matching text: what it is, which of its fields, and the text itself. */
export interface SearchEntry {
  subject_type: SearchSubjectType;
  subject_id: number;
  field: string;
  text: string;
}

export const MAX_SEARCH_RESULTS = 100;

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere.
 * The best entry per record is chosen in SQL, so a record appears once however many of its texts match.
 */
export async function searchEntries(ds: DataSource, text: string, first: number): Promise<SearchEntry[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  return runSql<SearchEntry>(
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
}
