import type { DataSource } from 'typeorm';
import { SearchEntry } from '../src/entities';
import { SubjectType } from '../src/schema/enums';
import { foldText } from '../src/services/fold-text';
import { searchRows } from '../src/services/search-index';
import { searchEntries, type SearchEntry as SearchHit } from '../src/services/search';
import { runSql } from '../src/services/sql';
import { openTestDatabase } from './support/test-database';

// Search reads indexes (an FTS5 trigram table on SQLite, pg_trgm and a byte-order index on PostgreSQL) and
// ranks tier by tier (one statement on PostgreSQL, a statement a tier on SQLite); its answers must be
// exactly those of the one statement that reads every entry, on texts common enough to be walked (over
// 2,000 entries) and rare enough to be looked up, and after the entries change (the SQLite index is kept
// by triggers).
let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

/** What search answered before the indexes: rank every entry containing the text, keep each record's best. */
const EVERY_ENTRY = `SELECT subject_type, subject_id, field, text FROM (
    SELECT subject_type, subject_id, field, text, rank,
           ROW_NUMBER() OVER (PARTITION BY subject_type, subject_id ORDER BY rank, id) AS nth
    FROM (
      SELECT id, subject_type, subject_id, field, text,
             CASE WHEN folded = :exact THEN 0 WHEN folded LIKE :prefix THEN 1 WHEN folded LIKE :word THEN 2 ELSE 3 END AS rank
      FROM search_entry WHERE folded LIKE :anywhere
    ) matched
  ) best WHERE nth = 1
  ORDER BY rank, subject_type, subject_id LIMIT :first`;

const SUPPLIERS = ['Serco', 'Capita', 'Xansa plc', 'Arvato', 'Sopra Steria', 'Liberata'];
const SERVICES = ['back office', 'finance', 'hr', 'it', 'payroll'];

/** 3,000 contract titles (every one says "outsourcing"), supplier names and aliases, some rare texts. */
async function fill(from: number, count: number) {
  const rows: Array<Partial<SearchEntry>> = [];
  for (let i = from; i < from + count; i += 1) {
    const title = `${SERVICES[i % SERVICES.length]} outsourcing to ${SUPPLIERS[i % SUPPLIERS.length]} (${i})`;
    rows.push(...searchRows([{ field: 'title', text: title }]).map((r) => ({ ...r, subjectType: SubjectType.CONTRACT, subjectId: i })));
    if (i % 10 === 0) {
      const name = i % 20 === 0 ? `Cambridgeshire County Council ${i}` : `Café Númérique ${i}`;
      rows.push(
        ...searchRows([
          { field: 'name', text: name },
          { field: 'alias', text: `${SUPPLIERS[i % SUPPLIERS.length]}` },
        ]).map((r) => ({ ...r, subjectType: SubjectType.SUPPLIER, subjectId: i })),
      );
    }
  }
  for (let i = 0; i < rows.length; i += 500) await ds.getRepository(SearchEntry).insert(rows.slice(i, i + 500));
}

const TERMS = [
  'outsourcing', // every title: walked
  'serco', // a sixth of titles and an exact alias
  'xansa plc', // exact alias, prefix of names
  'capita',
  'to sopra', // two words
  'ourcing', // mid-word, made of common trigrams
  'cambridgeshire county council 20', // exact and prefix of others
  'cambridge',
  'cafe numerique', // accents folded
  'numer',
  'liberata (77)', // punctuation folds away
  '1234', // rare, inside a number
  '5123', // rare, only in entries added by the second test
  '7', // short: no index has it
  'hr',
  'zzqx', // nothing
];

async function expectSameAsEveryEntry() {
  for (const term of TERMS) {
    const folded = foldText(term);
    for (const first of [1, 7, 20, 100]) {
      const expected = await runSql<SearchHit>(ds, EVERY_ENTRY, {
        exact: folded,
        prefix: `${folded}%`,
        word: `% ${folded}%`,
        anywhere: `%${folded}%`,
        first,
      });
      const actual = await searchEntries(ds, term, first);
      // A walk shorter than the entries: it stops inside records and tiers, and the index must finish the page.
      const shortWalk = await searchEntries(ds, term, first, 700);
      const shape = (rows: Array<Pick<SearchHit, 'subject_type' | 'subject_id' | 'field' | 'text'>>) =>
        rows.map((r) => [r.subject_type, Number(r.subject_id), r.field, r.text]);
      expect({ term, first, hits: shape(actual) }).toEqual({ term, first, hits: shape(expected) });
      expect({ term, first, hits: shape(shortWalk) }).toEqual({ term, first, hits: shape(expected) });
    }
  }
}

test('the indexed search answers exactly what reading every entry answers, common texts and rare alike', async () => {
  await fill(1, 3000);
  // Past the 2,000 entries where search stops looking up by index and walks instead; "1234" is in one.
  const [{ n }] = await runSql<{ n: number }>(ds, "SELECT COUNT(*) AS n FROM search_entry WHERE folded LIKE '%outsourcing%'");
  expect(Number(n)).toBe(3000);
  expect((await searchEntries(ds, '1234', 20)).map((h) => h.text)).toEqual(['payroll outsourcing to Sopra Steria (1234)']);
  await expectSameAsEveryEntry();
});

test('after entries are deleted, changed and added, the index still answers as every entry does', async () => {
  await ds.query('DELETE FROM search_entry WHERE subject_id BETWEEN 1000 AND 1999');
  await ds.query("UPDATE search_entry SET text = 'Serco Group', folded = 'serco group' WHERE subject_id = 77 AND field = 'title'");
  await fill(5000, 500);
  expect(await searchEntries(ds, '1234', 20)).toEqual([]);
  expect((await searchEntries(ds, 'serco group', 5)).map((h) => [h.subject_id, h.text])).toEqual([[77, 'Serco Group']]);
  await expectSameAsEveryEntry();
});
