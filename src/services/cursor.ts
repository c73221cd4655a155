import { createHash } from 'node:crypto';
import { badUserInput } from '../errors';

/** The nested pages of a record's contracts (a union's, a buyer's …), all in title order. */
export const CONTRACTS_OF = 'contracts-of:title';

export type CursorValues = Array<string | number>;

/**
 * A short mark of the list and order a cursor belongs to. A cursor is the keyset position in one list in
 * one order; taken to another list of the same shape (suppliers by name, then public bodies by name) or to
 * the same list in the other direction, its values would still parse and select an arbitrary page.
 */
const listMark = (list: string) => createHash('sha256').update(list).digest('base64url').slice(0, 8);

export const encodeCursor = (list: string, values: CursorValues): string =>
  Buffer.from(JSON.stringify([listMark(list), ...values])).toString('base64url');

export function decodeCursor(cursor: string, list: string, arity: number, field: string): CursorValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === arity + 1 && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
    const [mark, ...values] = parsed as CursorValues;
    if (mark === listMark(list)) return values;
    throw badUserInput(field, "is a cursor from another list or order; take cursors from this list's own `edges.cursor` or `pageInfo`.");
  }
  throw badUserInput(field, 'is not a cursor from this list (cursors are opaque; take them from `edges.cursor` or `pageInfo`).');
}
