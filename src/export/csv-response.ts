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

/** Fields that RFC 4180 quotes: those holding a comma, a quote, a CR or an LF (a lone one too). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for no value, text defused and quoted when it must be, numbers and booleans as written. */
function field(value: Cell): string {
  if (value == null) return '';
  if (typeof value !== 'string') return String(value);
  const text = defuseFormulas(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV records, each ended by CRLF. */
export const csvRecords = (rows: Cell[][]) => rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');

/**
 * Streams rows as RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, quote,
 * CR or LF. Text that a spreadsheet would run as a formula (=, +, -, @ …, at the start of the cell or of any
 * line in it) is prefixed with an apostrophe. Rows come in batches of a few hundred, each written as one
 * chunk in a turn of the event loop of its own: a stream chunk per row cost more than the rows themselves
 * (100,000 rows were 100,000 writes, and the garbage of each). Written by hand rather than by csv-stringify:
 * its per-field machinery was a tenth of the main thread's time in a 100,000-row export (13.8 s against
 * 12.4 s on PostgreSQL), for byte-identical output. A failure after the first row destroys the connection,
 * so a client sees a broken download, never a short file that looks complete.
 */
export async function streamCsv(res: Response, columns: string[], batches: AsyncIterable<Cell[][]>): Promise<void> {
  async function* text() {
    yield csvRecords([columns]);
    for await (const rows of batches) {
      if (rows.length) yield csvRecords(rows);
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
