import type { DataSource } from 'typeorm';
import { badUserInput } from '../errors';
import { foldText } from './fold-text';
import type { SearchSubjectType } from './search-index';
import { isPostgres, runSql } from './sql';

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
type Found = SearchEntry & { entry_id: number };
type Tier = { sqlite: string; postgres: string; pattern?: string; walk: boolean };

/**
 * Each tier (the whole text, its start, a word's start, anywhere) as its condition on each database. Exact
 * and prefix read the folded text's byte-order index (a prefix by range: `upper` sorts after every text
 * starting with the searched one); word start and anywhere the trigram index (SQLite's FTS5 table answers
 * LIKE itself, PostgreSQL's GIN index serves it), which needs three characters in a row.
 */
const TIERS: Tier[] = [
  { sqlite: 'folded = :exact', postgres: 'folded COLLATE "C" = :exact', walk: false },
  { sqlite: 'folded >= :exact AND folded < :upper', postgres: 'folded COLLATE "C" >= :exact AND folded COLLATE "C" < :upper', walk: true },
  { sqlite: 'folded LIKE :word', postgres: 'folded LIKE :word', pattern: ':word', walk: true },
  { sqlite: 'folded LIKE :anywhere', postgres: 'folded LIKE :anywhere', pattern: ':anywhere', walk: true },
];

const PAGE = 'GROUP BY subject_type, subject_id ORDER BY subject_type, subject_id LIMIT :first';

/** A tier's records with their best entry's field and text, read in the same statement (no statement more a search). */
const withEntries = (records: string) => `SELECT r.subject_type, r.subject_id, r.entry_id, e.field, e.text
  FROM (${records}) r JOIN search_entry e ON e.id = r.entry_id ORDER BY r.subject_type, r.subject_id`;

/** A tier's first records found by index, then sorted; a text too short for the trigrams is walked whole. */
function byIndex(ds: DataSource, tier: Tier, folded: string): string {
  const indexed = !tier.pattern || folded.length >= 3;
  if (isPostgres(ds)) {
    // A subquery kept apart (OFFSET 0), so the planner looks the matches up by index instead of walking every entry in order.
    const from = indexed ? `(SELECT * FROM search_entry WHERE ${tier.postgres} OFFSET 0) m` : 'search_entry';
    return `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM ${from} ${indexed ? '' : `WHERE ${tier.postgres}`} ${PAGE}`;
  }
  const where = !tier.pattern
    ? `${BY_FOLDED} WHERE ${tier.sqlite}`
    : indexed
      ? `WHERE id IN (SELECT rowid FROM search_trigram WHERE search_trigram.folded LIKE ${tier.pattern}) AND ${tier.sqlite}`
      : `${BY_RESULT_ORDER} WHERE ${tier.sqlite}`;
  return `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM search_entry ${where} ${PAGE}`;
}

/**
 * One tier's first records. A text in many entries spread through the result order (every generated title
 * says "outsourcing") is found sooner by walking the entries in that order than by fetching each match by
 * index and sorting them (0.2 against 480 ms at 1,000,000 contracts on SQLite); one whose matches sit late
 * in that order (public bodies' "council", after a million contract titles) sooner by index (85 against
 * 275 ms; PostgreSQL's planner, left to choose, walked: 500 ms). So the first `walk` entries are walked (a
 * millisecond or two at any size), and only a tier they do not fill is looked up by index. A record the walk
 * cut short comes last in its order, so a page the walk fills is the page.
 */
async function tierRecords(ds: DataSource, tier: Tier, folded: string, params: Params, first: number, walk: number): Promise<Found[]> {
  if (tier.walk) {
    // By id within a record too, so a record the walk cuts short keeps its first entries, on PostgreSQL as on SQLite.
    const inOrder = `SELECT id, subject_type, subject_id, folded FROM search_entry ${isPostgres(ds) ? '' : BY_RESULT_ORDER}
      ORDER BY subject_type, subject_id, id LIMIT :walk`;
    const walked = await runSql<Found>(
      ds,
      withEntries(`SELECT subject_type, subject_id, MIN(id) AS entry_id FROM (${inOrder}) w
        WHERE ${isPostgres(ds) ? tier.postgres : tier.sqlite} ${PAGE}`),
      { ...params, walk, first },
    );
    if (walked.length >= first) return walked;
  }
  return runSql<Found>(ds, withEntries(byIndex(ds, tier, folded)), { ...params, first });
}

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere; within
 * each, by type and id. A record appears once, with its first entry of its best tier. Asked tier by tier,
 * each for no more records than a page, so a text in 100,000 entries costs a page, not a sort of them all:
 * a tier that does not fill the page has found every record of that tier, so the next need only skip those.
 * `walk`: how many entries to walk in result order before the index (tests walk fewer than they hold).
 */
export async function searchEntries(ds: DataSource, text: string, first: number, walk = WALK): Promise<SearchEntry[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  // `upper` bounds the texts starting with `folded`: nothing sorts between it and them but such texts.
  const params: Params = { exact: folded, upper: `${folded}\u{10FFFF}`, word: `% ${folded}%`, anywhere: `%${folded}%` };
  const found = new Map<string, SearchEntry>(); // "TYPE:id" → its best entry, in result order
  for (const tier of TIERS) {
    if (found.size >= first) break;
    // Records found in a better tier may be among this one's first rows: a page of rows still holds enough new ones.
    const rows = await tierRecords(ds, tier, folded, params, first, walk);
    for (const { entry_id: _, ...entry } of rows) {
      const key = `${entry.subject_type}:${entry.subject_id}`;
      if (found.size < first && !found.has(key)) found.set(key, { ...entry, subject_id: Number(entry.subject_id) });
    }
  }
  return [...found.values()];
}
