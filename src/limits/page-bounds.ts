import { getNamedType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { badUserInput } from '../errors';

/**
 * How many items a field's `first` (and `last`) may ask for, declared on the field
 * (`@Extensions(pageBounds({ min: 1, max: 100 }))`). A connection declares nothing: 0 to MAX_PAGE_SIZE.
 */
export interface PageBounds {
  min: number;
  /** None: as many as there are (a roll-up's groups, priced by how many the database will form). */
  max?: number;
  /** What to do instead, said after the refusal. */
  hint: string;
}

export const pageBounds = (bounds: PageBounds) => ({ pageBounds: bounds });

const CONNECTION_HINT = 'page through longer lists with `after` / `before`.';

/**
 * Every `first` and `last` of the API checked here, and only here: a size out of bounds is the client's
 * mistake whatever it would cost, refused as BAD_USER_INPUT naming the argument before the cost is looked
 * at (a `first: 100000` was answered "would cost 100001", hiding the real limit). Run by the cost pass,
 * which already reads every field's arguments, variables included, before anything executes.
 */
export const pageSizeBound =
  (maxPageSize: number): ComplexityEstimator =>
  ({ field, args }) => {
    const declared = field.extensions?.pageBounds as PageBounds | undefined;
    const connection = getNamedType(field.type).name.endsWith('Connection');
    const bounds = declared ?? (connection ? { min: 0, max: maxPageSize, hint: CONNECTION_HINT } : undefined);
    if (!bounds) return undefined;
    for (const name of ['first', 'last'] as const) {
      const size = args[name];
      if (typeof size !== 'number' || (size >= bounds.min && (bounds.max == null || size <= bounds.max))) continue;
      const range = bounds.max == null ? `at least ${bounds.min}` : `between ${bounds.min} and ${bounds.max}`;
      throw badUserInput(name, `must be ${range}, not ${size}: ${bounds.hint}`);
    }
    return undefined;
  };
