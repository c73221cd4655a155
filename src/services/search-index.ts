import { type EntityManager, In } from 'typeorm';
import { Citation, SearchEntry } from '../entities';
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
 * Removes the searchable texts of records deleted outright, and of the quotes attached to them (a quote is
 * searchable too): a search entry must never outlive its record. Runs inside the caller's transaction,
 * before the records go (their quotes are found through them).
 */
export async function unindexSubjects(manager: EntityManager, subjectType: SubjectType, subjectIds: number[]) {
  if (!subjectIds.length) return;
  const quotes = await manager.find(Citation, { where: { subjectType, subjectId: In(subjectIds) }, select: { id: true } });
  if (quotes.length) await manager.delete(SearchEntry, { subjectType: 'CITATION' as SubjectType, subjectId: In(quotes.map((q) => q.id)) });
  await manager.delete(SearchEntry, { subjectType, subjectId: In(subjectIds) });
}
