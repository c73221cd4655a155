import type { EntityManager } from 'typeorm';
import { Not } from 'typeorm';
import { badUserInput } from '../../errors';
import { foldText } from '../fold-text';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
  const taken = (slug: string) =>
    tx
      .getRepository<{ id: number; slug: string }>(entity)
      .exists({ where: { slug, ...(ownId ? { id: Not(ownId) } : {}) }, withDeleted: true });
  if (given != null) {
    if (!SLUG.test(given))
      throw badUserInput('slug', 'use lower-case letters, digits and single hyphens ("cambridgeshire-county-council").');
    if (await taken(given)) throw badUserInput('slug', `"${given}" is already used by another record.`);
    return given;
  }
  const base = foldText(name).replace(/ /g, '-').slice(0, 100).replace(/-+$/, '') || 'record';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
