import type { DataSource } from 'typeorm';
import type { Loaders } from '.';
import { searchEntries } from '../services/search';
import { loadSubject } from './subjects';

export interface SearchMatch {
  node: object;
  field: string;
  text: string;
}

/** The records behind the best matches of `text`, in rank order; a record gone since it was indexed is left out. */
export async function searchHits(ds: DataSource, loaders: Loaders, text: string, first: number): Promise<SearchMatch[]> {
  const rows = await searchEntries(ds, text, first);
  const nodes = await Promise.all(
    rows.map((row) =>
      row.subject_type === 'CITATION'
        ? loaders.citation.load(Number(row.subject_id))
        : loadSubject(loaders, row.subject_type, Number(row.subject_id)),
    ),
  );
  return rows.flatMap((row, i) => (nodes[i] ? [{ node: nodes[i] as object, field: row.field, text: row.text }] : []));
}
