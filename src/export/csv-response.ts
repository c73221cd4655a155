import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type Cell = string | number | boolean | null | undefined;

/**
 * Streams rows as RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, quote
 * or line break. Cells that a spreadsheet would run as a formula (=, +, -, @ …) are prefixed with an
 * apostrophe. A failure after the first row destroys the connection, so a client sees a broken download,
 * never a short file that looks complete.
 */
export async function streamCsv(res: Response, columns: string[], rows: AsyncIterable<Cell[]>): Promise<void> {
  const csv = stringify({
    header: true,
    columns,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
  await pipeline(Readable.from(rows), csv, res);
}

/** The values of a list cell, in one field: "a; b; c". */
export const joined = (values: Iterable<string | null | undefined>) => [...new Set([...values].filter((v): v is string => !!v))].join('; ');

/** The documents behind some quotes, by file name (a source held without a file, by its slug). */
export const sourceNames = (citations: Array<{ source: { fileName: string | null; slug: string } }>) =>
  joined(citations.map((c) => c.source.fileName ?? c.source.slug));
