import type { EntityManager } from 'typeorm';
import { Citation, Source } from '../../entities';
import { badUserInput } from '../../errors';
import type { SubjectType } from '../../schema/enums';
import type { CitationInput } from '../../schema/inputs/common';
import { indexSubject } from '../search-index';
import { searchTextsOf } from '../searchable';
import { forQuoteMatching } from '../text-rules';
import { resolveRow } from './references';

/** A quote must be verbatim in its source, when the source's text is held (only white space may differ). */
export async function checkVerbatim(tx: EntityManager, source: number | Source, quote: string, field: string): Promise<void> {
  if (typeof source === 'number') source = await tx.getRepository(Source).findOneByOrFail({ id: source });
  if (source.text != null && !forQuoteMatching(source.text).includes(forQuoteMatching(quote))) {
    throw badUserInput(field, `is not in the text of the source "${source.slug}" (quotes must be verbatim).`);
  }
}

/** Attaches quotes to a record, refusing any that is not verbatim in a source whose text is held. */
export async function attachCitations(
  tx: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  citations: CitationInput[] | null | undefined,
  field = 'citations',
): Promise<Citation[]> {
  const saved: Citation[] = [];
  for (const [i, c] of (citations ?? []).entries()) {
    const source = await resolveRow(tx, `${field}[${i}].source`, c.source, Source);
    await checkVerbatim(tx, source, c.quote, `${field}[${i}].quote`);
    const citation = await tx.save(
      tx.create(Citation, { sourceId: source.id, quote: c.quote, note: c.note ?? null, subjectType, subjectId }),
    );
    await indexSubject(tx, 'CITATION', citation.id, searchTextsOf('CITATION', citation));
    saved.push(citation);
  }
  return saved;
}
