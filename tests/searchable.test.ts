import type { DataSource } from 'typeorm';
import { loadSeed } from '../seed/load';
import {
  Citation,
  Claim,
  Contract,
  Event,
  OffshoreLocation,
  Person,
  PublicBody,
  Quantity,
  SearchEntry,
  Source,
  Supplier,
  Union,
} from '../src/entities';
import { searchRows } from '../src/services/search-index';
import { SEARCHABLE, type SearchableType, searchTextsOf } from '../src/services/searchable';
import { openTestDatabase } from './support/test-database';

// Every writer indexes from one table (SEARCHABLE): the seed's index is what the table says of each record,
// entry for entry, so a record is found by the same texts however it was written.
const ENTITIES: Record<SearchableType, new () => { id: number }> = {
  SOURCE: Source,
  PUBLIC_BODY: PublicBody,
  SUPPLIER: Supplier,
  UNION: Union,
  OFFSHORE_LOCATION: OffshoreLocation,
  PERSON: Person,
  CONTRACT: Contract,
  QUANTITY: Quantity,
  CLAIM: Claim,
  EVENT: Event,
  CITATION: Citation,
};

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
  await loadSeed(ds);
});
afterAll(() => close?.());

test.each(Object.keys(SEARCHABLE) as SearchableType[])('the seed indexes each %s by exactly the texts SEARCHABLE names', async (type) => {
  const rows = await ds.getRepository(ENTITIES[type]).find();
  const expected = rows.flatMap((row) => searchRows(searchTextsOf(type, row)).map((t) => `${row.id} ${t.field} ${t.text}`)).sort();
  const indexed = await ds.getRepository(SearchEntry).find({ where: { subjectType: type as SearchEntry['subjectType'] } });
  expect(rows.length).toBeGreaterThan(0);
  expect(indexed.map((e) => `${e.subjectId} ${e.field} ${e.text}`).sort()).toEqual(expected);
});
