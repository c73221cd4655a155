/** Each kind of record a search entry can point at, and its table, as of migration SearchOrphans. */
export const SEARCH_SUBJECT_TABLES: Record<string, string> = {
  SOURCE: 'source',
  PUBLIC_BODY: 'public_body',
  SUPPLIER: 'supplier',
  UNION: 'trade_union',
  OFFSHORE_LOCATION: 'offshore_location',
  PERSON: 'person',
  PERSON_ROLE: 'person_role',
  CONTRACT: 'contract',
  OFFSHORING: 'offshoring',
  QUANTITY: 'quantity',
  CLAIM: 'claim',
  EVENT: 'event',
  CITATION: 'citation',
};

/** The same statement on both databases: the entries of one kind whose record is gone. */
export const orphanEntries = (type: string, table: string) =>
  `search_entry.subject_type = '${type}' AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.id = search_entry.subject_id)`;
