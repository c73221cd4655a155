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

// SQLite's indexes (migrations SearchTrigramIndex and SearchWalkIndex), named so each tier's plan is the one measured.
const BY_RESULT_ORDER = 'INDEXED BY "IDX_search_entry_walk"'; // (subject_type, subject_id, id)
const BY_FOLDED = 'INDEXED BY "IDX_search_entry_folded"';

type Params = { exact: string; upper: string; word: string; anywhere: string };
type Found = SearchEntry & { tier: number };
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

/**
 * A tier's first records, none while `open` is false (PostgreSQL's one statement, searchSql): a LIMIT of 0
 * is a gate checked before anything is scanned (in SQLite a condition in the WHERE clause did not stop the
 * trigram lookup being filled; PostgreSQL reads both the same way).
 */
const page = (open: string | null) =>
  `GROUP BY subject_type, subject_id ORDER BY subject_type, subject_id LIMIT ${open ? `CASE WHEN ${open} THEN :first ELSE 0 END` : ':first'}`;

/** A tier's first records found by index, then sorted; a text too short for the trigrams is walked whole. */
function byIndex(ds: DataSource, tier: Tier, folded: string, open: string | null): string {
  const indexed = !tier.pattern || folded.length >= 3;
  if (isPostgres(ds)) {
    // A subquery kept apart (OFFSET 0), so the planner looks the matches up by index instead of walking every entry in order.
    const from = indexed ? `(SELECT * FROM search_entry WHERE ${tier.postgres} OFFSET 0) m` : 'search_entry';
    return `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM ${from} ${indexed ? '' : `WHERE ${tier.postgres}`} ${page(open)}`;
  }
  const where = !tier.pattern
    ? `${BY_FOLDED} WHERE ${tier.sqlite}`
    : indexed
      ? `WHERE id IN (SELECT rowid FROM search_trigram WHERE search_trigram.folded LIKE ${tier.pattern}) AND ${tier.sqlite}`
      : `${BY_RESULT_ORDER} WHERE ${tier.sqlite}`;
  return `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM search_entry ${where} ${page(open)}`;
}

/**
 * A tier's first records among the first `walk` entries in result order. A text in many entries spread
 * through that order (every generated title says "outsourcing") is found sooner by walking the entries in
 * that order than by fetching each match by index and sorting them (0.2 against 480 ms at 1,000,000
 * contracts on SQLite); one whose matches sit late in it (public bodies' "council", after a million contract
 * titles) sooner by index (85 against 275 ms; PostgreSQL's planner, left to choose, walked: 500 ms). So the
 * first `walk` entries are walked (a millisecond or two at any size; the walk stops once the page is full),
 * and only a tier they do not fill is looked up by index (byIndex). A record the walk cut short comes last
 * in its order, so a page the walk fills is the page.
 */
function walkedSql(ds: DataSource, tier: Tier, open: string | null): string {
  const postgres = isPostgres(ds);
  // By id within a record too, so a record the walk cuts short keeps its first entries, on PostgreSQL as on SQLite.
  const inOrder = `SELECT id, subject_type, subject_id, folded FROM search_entry ${postgres ? '' : BY_RESULT_ORDER}
    ORDER BY subject_type, subject_id, id LIMIT :walk`;
  return `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM (${inOrder}) w
    WHERE ${postgres ? tier.postgres : tier.sqlite} ${page(open)}`;
}

/** Records with their entries' field and text, read in the same statement: of one tier, or of several (a `tier` column). */
const withEntries = (records: string, tier?: number) => `SELECT ${tier ?? 'r.tier'} AS tier, r.subject_type, r.subject_id, e.field, e.text
  FROM (${records}) r JOIN search_entry e ON e.id = r.entry_id ORDER BY ${tier ? '' : 'r.tier, '}r.subject_type, r.subject_id`;

/**
 * Every tier in one statement (PostgreSQL), each tier's records as `r1`…`r4`: a tier is asked only while
 * the tiers before it hold fewer records than a page, and its index only when its walk did not fill one
 * (`page`'s gate). PostgreSQL computes each part once; SQLite computed a part again for each later part
 * that asked how many it held, so there the tiers are statements of their own (tierByTier).
 */
function searchSql(ds: DataSource, folded: string): string {
  const tables: string[] = [];
  const parts = TIERS.map((tier, i) => {
    const before = tables.map((table) => `SELECT subject_type, subject_id FROM ${table}`).join(' UNION ');
    const open = before ? `(SELECT COUNT(*) FROM (${before}) f) < :first` : null;
    const n = i + 1;
    tables.push(`r${n}`);
    if (!tier.walk) return `r${n} AS MATERIALIZED (${byIndex(ds, tier, folded, open)})`;
    const walked = `(SELECT COUNT(*) FROM w${n}) >= :first`;
    return `w${n} AS MATERIALIZED (${walkedSql(ds, tier, open)}),
      i${n} AS MATERIALIZED (${byIndex(ds, tier, folded, open ? `${open} AND NOT ${walked}` : `NOT ${walked}`)}),
      r${n} AS MATERIALIZED (SELECT * FROM w${n} WHERE ${walked} UNION ALL SELECT * FROM i${n})`;
  });
  const found = tables.map((table, i) => `SELECT ${i + 1} AS tier, subject_type, subject_id, entry_id FROM ${table}`).join(' UNION ALL ');
  return `WITH ${parts.join(',\n')} ${withEntries(found)}`;
}

/**
 * The tiers one statement each (SQLite, where a statement costs no round trip), each for no more records
 * than a page, stopping once the page is full.
 */
async function tierByTier(ds: DataSource, folded: string, params: Params & { walk: number; first: number }): Promise<Found[]> {
  const rows: Found[] = [];
  const records = new Set<string>();
  for (const [i, tier] of TIERS.entries()) {
    if (records.size >= params.first) break;
    let found: Found[] = [];
    if (tier.walk) found = await runSql<Found>(ds, withEntries(walkedSql(ds, tier, null), i + 1), params);
    if (found.length < params.first) found = await runSql<Found>(ds, withEntries(byIndex(ds, tier, folded, null), i + 1), params);
    for (const row of found) records.add(`${row.subject_type}:${row.subject_id}`);
    rows.push(...found);
  }
  return rows;
}

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere; within
 * each, by type and id. A record appears once, with its first entry of its best tier. Each tier is asked for
 * no more records than a page: a tier that does not fill the page has found every record of that tier, so
 * the next need only skip those. `walk`: how many entries to walk in result order before the index (tests
 * walk fewer than they hold).
 */
export async function searchEntries(ds: DataSource, text: string, first: number, walk = WALK): Promise<SearchEntry[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  // `upper` bounds the texts starting with `folded`: nothing sorts between it and them but such texts.
  const params = { exact: folded, upper: `${folded}\u{10FFFF}`, word: `% ${folded}%`, anywhere: `%${folded}%`, walk, first };
  const rows = isPostgres(ds) ? await runSql<Found>(ds, searchSql(ds, folded), params) : await tierByTier(ds, folded, params);
  const found = new Map<string, SearchEntry>(); // "TYPE:id" → its best entry, in result order
  for (const { tier: _, ...entry } of rows) {
    const key = `${entry.subject_type}:${entry.subject_id}`;
    if (found.size < first && !found.has(key)) found.set(key, { ...entry, subject_id: Number(entry.subject_id) });
  }
  return [...found.values()];
}
