/**
 * What text the atlas stores, for every writer (mutations and the importer alike): Unicode NFC (so one
 * name has one spelling in bytes, and matching and slugs agree), no lone surrogates (SQLite stored one as
 * invalid UTF-8; PostgreSQL refuses it), no control characters but tab, line feed and carriage return, and
 * for names and titles no surrounding whitespace and never whitespace alone.
 */
export class TextRuleError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

// C0 controls but \t \n \r, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text as stored, or a TextRuleError naming `field`. */
export function cleanText(value: string, field: string): string {
  if (LONE_SURROGATE.test(value))
    throw new TextRuleError(field, 'contains a lone UTF-16 surrogate (half of a character); send valid Unicode.');
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new TextRuleError(field, `contains the control character U+${code}; only tab and line breaks are allowed.`);
  }
  const cleaned = value.normalize('NFC').trim();
  if (!cleaned && value) throw new TextRuleError(field, 'must not be only whitespace.');
  return cleaned;
}

/**
 * A quote and its source's text as they are compared: a quote is verbatim when it is in the text with only
 * white space differing (line breaks and runs of spaces in a document are not the writer's to reproduce).
 */
export const forQuoteMatching = (text: string): string => text.replace(/\s+/g, ' ').trim();
