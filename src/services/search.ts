import type { DataSource } from 'typeorm';
import { badUserInput } from '../errors';
import { foldText } from './fold-text';
import type { SearchSubjectType } from './search-index';
import { inList, isPostgres, runSql } from './sql';

/** One record's best matching text: what it is, which of its fields, and the text itself. */
export interface SearchEntry {
  subject_type: SearchSubjectType;
  subject_id: number;
  field: string;
  text: string;
}

export const MAX_SEARCH_RESULTS = 100;

/** How far search walks the entries in result order before it looks a tier's matches up by index. */
const WALK = 5_000;

// SQLite's indexes (migrations SearchTrigramIndex and Init), named so each tier's plan is the one measured.
const BY_RESULT_ORDER = 'INDEXED BY "IDX_823fd25b6239f4f23e0bd39218"'; // (subject_type, subject_id)
const BY_FOLDED = 'INDEXED BY "IDX_search_entry_folded"';

type Params = { exact: string; upper: string; word: string; anywhere: string };
type Found = { subject_type: string; subject_id: number; entry_id: number };

/**
 * Each tier (the whole text, its start, a word's start, anywhere) as its condition on each database and, on
 * SQLite, the index that finds its entries when they are few: the folded text's own (exact, by range for a
 * prefix: `upper` sorts after every text starting with the searched one) or the FTS5 trigram table (it
 * answers LIKE itself, for three characters in a row; a shorter text is walked whole).
 */
const TIERS: Array<{ where: string; postgres: string; index: (folded: string) => string; walk: boolean }> = [
  { where: 'folded = :exact', postgres: 'folded COLLATE "C" = :exact', index: () => `${BY_FOLDED} WHERE`, walk: false },
  {
    where: 'folded >= :exact AND folded < :upper',
    postgres: 'folded COLLATE "C" >= :exact AND folded COLLATE "C" < :upper',
    index: () => `${BY_FOLDED} WHERE`,
    walk: true,
  },
  { where: 'folded LIKE :word', postgres: 'folded LIKE :word', index: (f) => byTrigrams(f, ':word'), walk: true },
  { where: 'folded LIKE :anywhere', postgres: 'folded LIKE :anywhere', index: (f) => byTrigrams(f, ':anywhere'), walk: true },
];

const byTrigrams = (folded: string, pattern: string) =>
  folded.length >= 3
    ? `WHERE id IN (SELECT rowid FROM search_trigram WHERE search_trigram.folded LIKE ${pattern}) AND`
    : `${BY_RESULT_ORDER} WHERE`;

const PAGE = 'GROUP BY subject_type, subject_id ORDER BY subject_type, subject_id LIMIT :first';

/**
 * One tier's first records on SQLite. A text in many entries spread through the result order (every
 * generated title says "outsourcing") is found sooner by walking the entries in that order than by
 * fetching each match by index and sorting them (0.2 against 480 ms at 1,000,000 contracts); one whose
 * matches sit late in that order (public bodies' "council", after a million contract titles) sooner by
 * index (85 against 275 ms). So the first WALK entries are walked (a millisecond or two at any size), and
 * only a tier they do not fill is looked up by index. A record the walk cut short comes last in its order,
 * so a page the walk fills is the page.
 */
async function sqliteTier(
  ds: DataSource,
  tier: (typeof TIERS)[number],
  folded: string,
  params: Params,
  first: number,
  walk: number,
): Promise<Found[]> {
  if (tier.walk) {
    const walked = await runSql<Found>(
      ds,
      `SELECT subject_type, subject_id, MIN(id) AS entry_id
       FROM (SELECT id, subject_type, subject_id, folded FROM search_entry ${BY_RESULT_ORDER} ORDER BY subject_type, subject_id LIMIT :walk) w
       WHERE ${tier.where} ${PAGE}`,
      { ...params, walk, first },
    );
    if (walked.length >= first) return walked;
  }
  return runSql<Found>(
    ds,
    `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM search_entry ${tier.index(folded)} ${tier.where} ${PAGE}`,
    {
      ...params,
      first,
    },
  );
}

/** PostgreSQL's planner chooses between its byte-order and trigram indexes and the walk itself. */
const postgresTier = (ds: DataSource, tier: (typeof TIERS)[number], params: Params, first: number) =>
  runSql<Found>(ds, `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM search_entry WHERE ${tier.postgres} ${PAGE}`, {
    ...params,
    first,
  });

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere; within
 * each, by type and id. A record appears once, with its first entry of its best tier. Asked tier by tier,
 * each for no more records than a page, so a text in 100,000 entries costs a page, not a sort of them all:
 * a tier that does not fill the page has found every record of that tier, so the next need only skip those.
 */
/** `walk`: how many entries to walk in result order before the index (tests walk fewer than they hold). */
export async function searchEntries(ds: DataSource, text: string, first: number, walk = WALK): Promise<SearchEntry[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  // `upper` bounds the texts starting with `folded`: nothing sorts between it and them but such texts.
  const params: Params = { exact: folded, upper: `${folded}\u{10FFFF}`, word: `% ${folded}%`, anywhere: `%${folded}%` };
  const found = new Map<string, number>(); // "TYPE:id" → its best entry, in result order
  for (const tier of TIERS) {
    if (found.size >= first) break;
    // Records found in a better tier may be among this one's first rows: a page of rows still holds enough new ones.
    const rows = isPostgres(ds) ? await postgresTier(ds, tier, params, first) : await sqliteTier(ds, tier, folded, params, first, walk);
    for (const row of rows) {
      const key = `${row.subject_type}:${row.subject_id}`;
      if (found.size < first && !found.has(key)) found.set(key, Number(row.entry_id));
    }
  }
  if (found.size === 0) return [];
  const ids = [...found.values()];
  const entries = await runSql<SearchEntry & { id: number }>(
    ds,
    `SELECT id, subject_type, subject_id, field, text FROM search_entry WHERE ${inList(ds, 'id', 'ids')}`,
    { ids },
  );
  const byId = new Map(entries.map(({ id, ...entry }) => [Number(id), entry]));
  return ids.map((id) => byId.get(id)!);
}
