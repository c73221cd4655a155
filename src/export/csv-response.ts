import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';

export type Cell = string | number | boolean | null | undefined;

// What a spreadsheet takes as the start of a formula (OWASP's list, with the full-width forms Excel also
// reads). A cell is a formula when one of these starts it, and a line break inside a quoted cell starts a
// new line that some importers read as a new cell, so every line of a cell is defused, not only its first.
const FORMULA_START = /(^|[\r\n])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** A text cell a spreadsheet shows as text: each line that would start a formula starts with an apostrophe. */
export const defuseFormulas = (text: string) => text.replace(FORMULA_START, "$1'$2");

/**
 * Streams rows as RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, quote,
 * CR or LF (csv-stringify alone quotes a lone LF only when it is the record delimiter). Text that a
 * spreadsheet would run as a formula (=, +, -, @ …, at the start of the cell or of any line in it) is
 * prefixed with an apostrophe. Rows come in batches of a few hundred, each written as one chunk in a turn of
 * the event loop of its own: a stream chunk per row cost more than the rows themselves (100,000 rows were
 * 100,000 writes, and the garbage of each). A failure after the first row destroys the connection, so a
 * client sees a broken download, never a short file that looks complete.
 */
export async function streamCsv(res: Response, columns: string[], batches: AsyncIterable<Cell[][]>): Promise<void> {
  const options = {
    columns,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { boolean: (value: boolean) => String(value), string: defuseFormulas },
  } as const;
  async function* text() {
    yield stringify([], { ...options, header: true });
    for await (const rows of batches) {
      if (rows.length) yield stringify(rows, options);
      // A turn of the event loop between batches: /healthz and other requests' answers go in between.
      await setImmediate();
    }
  }
  await pipeline(Readable.from(text()), res);
}

/** The values of a list cell, in one field: "a; b; c". */
export const joined = (values: Iterable<string | null | undefined>) => [...new Set([...values].filter((v): v is string => !!v))].join('; ');

/** The documents behind some quotes, by file name (a source held without a file, by its slug). */
export const sourceNames = (citations: Array<{ source: { fileName: string | null; slug: string } }>) =>
  joined(citations.map((c) => c.source.fileName ?? c.source.slug));
