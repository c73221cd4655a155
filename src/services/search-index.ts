import { type EntityManager, In } from 'typeorm';
import { SearchEntry } from '../entities';
import type { SubjectType } from '../schema/enums';
import { foldText } from './fold-text';

/** What a search entry points at: any cited record, or a citation itself (its quote). */
export type SearchSubjectType = SubjectType | 'CITATION';

export interface SearchText {
  field: string;
  text: string | null | undefined;
}

/** The index rows of some texts: each with its folded form, none for a text that folds to nothing. */
export const searchRows = (texts: SearchText[]): Array<{ field: string; text: string; folded: string }> =>
  texts.flatMap(({ field, text }) => {
    const folded = text ? foldText(text) : '';
    return text && folded ? [{ field, text, folded }] : [];
  });

/** Writes the searchable texts of one record, replacing any it had. Runs inside the caller's transaction. */
export async function indexSubject(
  manager: EntityManager,
  subjectType: SearchSubjectType,
  subjectId: number,
  texts: SearchText[],
  replace = true,
) {
  if (replace) await manager.delete(SearchEntry, { subjectType, subjectId });
  const rows = searchRows(texts).map((row) => manager.create(SearchEntry, { subjectType: subjectType as SubjectType, subjectId, ...row }));
  if (rows.length) await manager.insert(SearchEntry, rows);
}

/**
 * Removes the searchable texts of records, and of the quotes attached to them (a quote is searchable too):
 * for records leaving search (archived) or deleted outright, so no search entry outlives its record. Runs
 * inside the caller's transaction, before the quotes are deleted (they are found through their subject).
 */
export async function unindexSubjects(manager: EntityManager, subjectType: SearchSubjectType, subjectIds: number[]) {
  if (!subjectIds.length) return;
  await manager.delete(SearchEntry, { subjectType: subjectType as SubjectType, subjectId: In(subjectIds) });
  await manager
    .createQueryBuilder()
    .delete()
    .from(SearchEntry)
    .where(
      "subject_type = 'CITATION' AND subject_id IN (SELECT c.id FROM citation c WHERE c.subject_type = :type AND c.subject_id IN (:...ids))",
      { type: subjectType, ids: subjectIds },
    )
    .execute();
}
