import type { DataSource } from 'typeorm';
import type { Loaders } from '.';
import type { SubjectType } from '../schema/enums';
import { searchEntries } from '../services/search';
import type { SearchSubjectType } from '../services/search-index';
import { loadSubject } from './subjects';

/** A search hit as the search statement reads it: which record, and the text of it that matched. */
export interface SearchMatch {
  subjectType: SearchSubjectType;
  subjectId: number;
  field: string;
  text: string;
}

/** The best matches of `text`, in rank order; their records are read only if the operation asks for them (hitRecord). */
export async function searchHits(ds: DataSource, text: string, first: number): Promise<SearchMatch[]> {
  const rows = await searchEntries(ds, text, first);
  return rows.map((row) => ({ subjectType: row.subject_type, subjectId: row.subject_id, field: row.field, text: row.text }));
}

/**
 * A hit's record. It exists: an entry is written, replaced and removed in the same transaction as its
 * record (archiving removes it), and one request reads one snapshot of both.
 */
export async function hitRecord(loaders: Loaders, hit: SearchMatch): Promise<object> {
  const record =
    hit.subjectType === 'CITATION'
      ? await loaders.citation.load(hit.subjectId)
      : await loadSubject(loaders, hit.subjectType as SubjectType, hit.subjectId);
  if (!record) throw new Error(`Search entry of ${hit.subjectType} ${hit.subjectId} has no record.`);
  return record;
}
