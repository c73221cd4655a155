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

/** Past this many entries matching, walking the entries in result order fills a page sooner than an index. */
const INDEX_WORTH_IT = 2_000;

// SQLite's indexes (migrations SearchTrigramIndex and Init), named so each tier's plan is the one measured.
const BY_RESULT_ORDER = 'INDEXED BY "IDX_823fd25b6239f4f23e0bd39218"'; // (subject_type, subject_id)
const BY_FOLDED = 'INDEXED BY "IDX_search_entry_folded"';

type Params = { exact: string; upper: string; word: string; anywhere: string };

/** A bounded count: how many rows `from` has, up to INDEX_WORTH_IT (the look stops there). */
async function few(ds: DataSource, from: string, params: Params): Promise<boolean> {
  const [{ n }] = await runSql<{ n: number }>(ds, `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} LIMIT :cap) few`, {
    ...params,
    cap: INDEX_WORTH_IT,
  });
  return n < INDEX_WORTH_IT;
}

/**
 * How well a text matches, best first (the whole text, its start, a word's start, anywhere), each as the
 * condition and, on SQLite, the way to find its entries. Few matches are found by an index and sorted: the
 * folded text's own index (exact, by range for a prefix) or the FTS5 trigram table (it answers LIKE itself,
 * for three characters in a row). Many (every generated title says "outsourcing") are found by walking the
 * entries in result order until a page is found, which stops early, where fetching 100,000 matches by id
 * measured twice the time of reading them all. PostgreSQL's planner makes the same choices itself, between
 * its byte-order and trigram indexes and the walk.
 */
const TIERS: Array<(ds: DataSource, params: Params, folded: string) => Promise<string>> = [
  async (ds) => (isPostgres(ds) ? 'folded COLLATE "C" = :exact' : `${BY_FOLDED} WHERE folded = :exact`),
  async (ds, params) => {
    if (isPostgres(ds)) return 'folded COLLATE "C" >= :exact AND folded COLLATE "C" < :upper';
    const range = 'folded >= :exact AND folded < :upper';
    return (await few(ds, `search_entry ${BY_FOLDED} WHERE ${range}`, params))
      ? `${BY_FOLDED} WHERE ${range}`
      : `${BY_RESULT_ORDER} WHERE ${range}`;
  },
  (ds, params, folded) => containing(ds, params, folded, 'word'),
  (ds, params, folded) => containing(ds, params, folded, 'anywhere'),
];

async function containing(ds: DataSource, params: Params, folded: string, pattern: 'word' | 'anywhere'): Promise<string> {
  const like = `folded LIKE :${pattern}`;
  if (isPostgres(ds)) return like;
  const trigrams = `search_trigram WHERE search_trigram.folded LIKE :${pattern}`;
  return folded.length >= 3 && (await few(ds, trigrams, params))
    ? `WHERE ${like} AND id IN (SELECT rowid FROM ${trigrams})`
    : `${BY_RESULT_ORDER} WHERE ${like}`;
}

/**
 * One ranked list across every type: exact match first, then prefix, then word start, then anywhere; within
 * each, by type and id. A record appears once, with its first entry of its best tier. Asked tier by tier,
 * each for no more records than a page, so a text in 100,000 entries costs a page, not a sort of them all:
 * a tier that does not fill the page has found every record of that tier, so the next need only skip those.
 */
export async function searchEntries(ds: DataSource, text: string, first: number): Promise<SearchEntry[]> {
  const folded = foldText(text);
  if (!folded) throw badUserInput('text', 'must contain at least one letter or digit.');
  // `upper` bounds the texts starting with `folded`: nothing sorts between it and them but such texts.
  const params: Params = { exact: folded, upper: `${folded}\u{10FFFF}`, word: `% ${folded}%`, anywhere: `%${folded}%` };
  const found = new Map<string, number>(); // "TYPE:id" → its best entry, in result order
  for (const tier of TIERS) {
    if (found.size >= first) break;
    const where = await tier(ds, params, folded);
    const rows = await runSql<{ subject_type: string; subject_id: number; entry_id: number }>(
      ds,
      `SELECT subject_type, subject_id, MIN(id) AS entry_id FROM search_entry ${isPostgres(ds) ? `WHERE ${where}` : where}
       GROUP BY subject_type, subject_id ORDER BY subject_type, subject_id LIMIT :first`,
      // Records found in a better tier may be among this one's first rows: a page of rows still holds enough new ones.
      { ...params, first },
    );
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
