import type { EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import { badUserInput } from '../../errors';
import { foldText } from '../fold-text';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CANDIDATES_AT_ONCE = 10;

/**
 * The slug for a record: the one given, which must be free, or one made from its name, made free by a
 * counter ("acme", "acme-2" …).
 */
export async function chooseSlug(
  tx: EntityManager,
  entity: new () => { id: number; slug: string },
  given: string | null | undefined,
  name: string,
  ownId?: number,
): Promise<string> {
  /** Which of these slugs a record other than this one holds (archived records keep theirs). */
  const taken = async (slugs: string[]) => {
    const rows = await tx.getRepository<{ id: number; slug: string }>(entity).find({
      select: { slug: true },
      where: { slug: In(slugs), ...(ownId ? { id: Not(ownId) } : {}) },
      withDeleted: true,
    });
    return new Set(rows.map((row) => row.slug));
  };
  if (given != null) {
    if (!SLUG.test(given))
      throw badUserInput('slug', 'use lower-case letters, digits and single hyphens ("cambridgeshire-county-council").');
    if ((await taken([given])).size) throw badUserInput('slug', `"${given}" is already used by another record.`);
    return given;
  }
  const base = foldText(name).replace(/ /g, '-').slice(0, 100).replace(/-+$/, '') || 'record';
  // Candidates asked ten at a time: a common name's counter is found in one statement, not one per number.
  for (let from = 1; ; from += CANDIDATES_AT_ONCE) {
    const candidates = Array.from({ length: CANDIDATES_AT_ONCE }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
    const used = await taken(candidates);
    const free = candidates.find((candidate) => !used.has(candidate));
    if (free) return free;
  }
}
