import { badUserInput } from '../errors';

/** The path of the first string holding a NUL byte, if any. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * No argument may hold a NUL byte: PostgreSQL refuses them in text (SQLite stores them), so they would
 * fail deep in the database on one driver and not the other. Found by the fuzz test.
 */
export function rejectNulBytes(args: Record<string, unknown>): void {
  const path = nulPath(args, '');
  if (path) throw badUserInput(path, 'must not contain a NUL byte (\\u0000).');
}
