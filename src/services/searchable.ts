import type { SearchSubjectType, SearchText } from './search-index';

type Named = { name: string; aliases: string[] };
const nameAndAliases = (row: Named): SearchText[] => [
  { field: 'name', text: row.name },
  ...row.aliases.map((text) => ({ field: 'alias', text })),
];

/**
 * What is searchable of each kind of record: the one table every writer indexes from (the mutations, the
 * seed, the importer and the benchmark's generator), so a record is found by the same texts however it was
 * written. Each entry takes only the fields it reads, so a writer holding a plain row can use it.
 */
export const SEARCHABLE = {
  SOURCE: (s: { title: string; fileName?: string | null }): SearchText[] => [
    { field: 'title', text: s.title },
    { field: 'fileName', text: s.fileName },
  ],
  PUBLIC_BODY: nameAndAliases,
  SUPPLIER: nameAndAliases,
  UNION: (u: Named & { acronym?: string | null }): SearchText[] => [...nameAndAliases(u), { field: 'acronym', text: u.acronym }],
  OFFSHORE_LOCATION: nameAndAliases,
  PERSON: nameAndAliases,
  CONTRACT: (c: { title: string; description?: string | null }): SearchText[] => [
    { field: 'title', text: c.title },
    { field: 'description', text: c.description },
  ],
  QUANTITY: (q: { wording: string }): SearchText[] => [{ field: 'wording', text: q.wording }],
  CLAIM: (c: { statement: string; proposition: string }): SearchText[] => [
    { field: 'statement', text: c.statement },
    { field: 'proposition', text: c.proposition },
  ],
  EVENT: (e: { title: string }): SearchText[] => [{ field: 'title', text: e.title }],
  CITATION: (c: { quote: string }): SearchText[] => [{ field: 'quote', text: c.quote }],
} satisfies Partial<Record<SearchSubjectType, (row: never) => SearchText[]>>;

export type SearchableType = keyof typeof SEARCHABLE;

/** The searchable texts of a record of a type, or none for a type nothing searches (offshoring entries, roles). */
export const searchTextsOf = (type: SearchSubjectType | SearchableType, row: object): SearchText[] =>
  type in SEARCHABLE ? (SEARCHABLE[type as SearchableType] as (row: object) => SearchText[])(row) : [];
