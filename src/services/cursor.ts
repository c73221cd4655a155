import { badUserInput } from '../errors';

export type CursorValues = Array<string | number>;

export const encodeCursor = (values: CursorValues): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string, arity: number, field: string): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(field, 'is not a cursor from this list (cursors are opaque; take them from `edges.cursor` or `pageInfo`).');
}
