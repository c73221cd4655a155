import type { EntityManager } from 'typeorm';
import { SearchEntry } from '../entities';
import type { SubjectType } from '../schema/enums';
import { foldText } from './fold-text';

/** What a search entry points at: any cited record, or a citation itself (its quote). */
export type SearchSubjectType = SubjectType | 'CITATION';

export interface SearchText {
  field: string;
  text: string | null | undefined;
}

/** Writes the searchable texts of one record, replacing any it had. Runs inside the caller's transaction. */
export async function indexSubject(
  manager: EntityManager,
  subjectType: SearchSubjectType,
  subjectId: number,
  texts: SearchText[],
  replace = true,
) {
  if (replace) await manager.delete(SearchEntry, { subjectType, subjectId });
  const rows = texts
    .filter((t): t is { field: string; text: string } => !!t.text && foldText(t.text).length > 0)
    .map((t) =>
      manager.create(SearchEntry, {
        subjectType: subjectType as SubjectType,
        subjectId,
        field: t.field,
        text: t.text,
        folded: foldText(t.text),
      }),
    );
  if (rows.length) await manager.insert(SearchEntry, rows);
}
