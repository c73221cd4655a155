import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../context';
import { formatError } from '../http/graphql-errors';

/** An export that failed before its first row: answered as JSON with the GraphQL errors and an HTTP status. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
    readonly headers: Array<[string, string]> = [],
  ) {
    super(errors.map((e) => e.message).join(' '));
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  TIMEOUT: 503,
  DATABASE_BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
};

export interface OperationResult<T> {
  data: T;
  /** The answer's Cache-Control, from its fields' hints. */
  cacheControl: string | undefined;
}

/**
 * Runs one of the export's own operations through the server, so a CSV gets exactly what the API answers:
 * the same validation, limits, timeouts and error masking. Any error fails the whole operation: a CSV is
 * never written from part of an answer.
 */
export async function runOperation<T>(
  apollo: ApolloServer<Context>,
  context: Context,
  query: string,
  variables: Record<string, unknown>,
): Promise<OperationResult<T>> {
  const response = await apollo.executeOperation<T>({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('an export operation answered incrementally');
  const { data, errors } = response.body.singleResult;
  if (errors?.length || !data) {
    const code = String(errors?.[0]?.extensions?.code ?? '');
    const status = response.http.status && response.http.status >= 400 ? response.http.status : (STATUS_BY_CODE[code] ?? 500);
    throw new ExportError(
      status,
      errors ?? [],
      [...response.http.headers].filter(([name]) => name === 'retry-after'),
    );
  }
  return { data: data as T, cacheControl: response.http.headers.get('cache-control') };
}

const asApiError = formatError(true);

/**
 * An error thrown by an export's own read, answered as the API would answer it: a client's mistake, a
 * deadline or the database's state keeps its code (and its status); anything else stays an internal error.
 */
export function asExportError(error: unknown): unknown {
  const formatted = asApiError(error instanceof GraphQLError ? error.toJSON() : { message: String((error as Error)?.message) }, error);
  const code = String(formatted.extensions?.code ?? '');
  if (!code || code === 'INTERNAL_SERVER_ERROR') return error;
  return new ExportError(STATUS_BY_CODE[code] ?? 503, [formatted]);
}
