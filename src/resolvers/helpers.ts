import { isCurrent } from '../loaders/batch';
import { notFound } from '../errors';

/** A lookup by slug that found nothing is an error the client can act on, not a silent null. */
export async function foundOr404<T>(found: Promise<T | null>, type: string, slug: string): Promise<T> {
  const row = await found;
  if (row == null) throw notFound(type, 'slug', slug);
  return row;
}

/** Drops the misses of a `loadMany`. */
export const present = <T>(rows: Array<T | null | Error>): T[] => rows.filter((r): r is T => r != null && !(r instanceof Error));

/** The figures of one measure, or all of them when no measure is asked for. */
export const ofMeasure = <Q extends { measure: string }>(figures: Q[], measure: string | null | undefined): Q[] =>
  measure ? figures.filter((q) => q.measure === measure) : figures;

/** The links whose party (loaded in the same order) is current: archived parties leave lists. */
export const withLiveParty = <L>(links: L[], parties: Array<{ archivedAt: Date | null } | null | Error>): L[] =>
  links.filter((_, i) => isCurrent(parties[i]));
