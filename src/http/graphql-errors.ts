import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { TIMEOUT_MESSAGE } from '../errors';
import { DatabaseUnavailableError } from '../database/sqlite/file-guard';
import { StatementTimeoutError } from '../database/sqlite/read-pool';
import { DatabaseBusyError } from '../database/sqlite/writer';

/** Codes that describe the client's request: their messages are meant for the caller and are kept. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'TIMEOUT',
  'BATCH_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'DATABASE_BUSY',
  'SERVER_BUSY',
]);

export const isClientError = (error: GraphQLFormattedError) => CLIENT_CODES.has(String(error.extensions?.code));

/** PostgreSQL's code for a statement cancelled by statement_timeout. */
const PG_QUERY_CANCELED = '57014';

// Connection-level failures of the PostgreSQL pool: refused, reset, shut down, or no connection free in time.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const isConnectionFailure = (cause: unknown) => {
  const error = cause as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = error?.driverError?.code ?? error?.code;
  return (
    (code != null && CONNECTION_CODES.has(code)) ||
    /timeout exceeded when trying to connect|Connection terminated/.test(error?.message ?? '')
  );
};

/** The error a GraphQL error wraps, however deep (resolver errors wrap the thrown one). */
const rootCause = (error: unknown): unknown => {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
};

/**
 * Outside development, anything that is not the client's own mistake is answered as a bare internal
 * error — no message, stack, SQL or path — and the request id is added so the log can be found.
 */
export function formatError(maskInternals: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const cause = rootCause(error);
    if (cause instanceof DatabaseBusyError) {
      // Not the client's fault, but nothing is broken either: the write was not made and may be sent again.
      return { ...formatted, message: cause.message, extensions: { code: 'DATABASE_BUSY', retryable: true, retryAfter: 1 } };
    }
    if (cause instanceof DatabaseUnavailableError) {
      return { ...formatted, message: cause.message, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    if (isConnectionFailure(cause)) {
      return { ...formatted, message: 'The database cannot be reached; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    if (cause instanceof StatementTimeoutError || (cause as { driverError?: { code?: string } })?.driverError?.code === PG_QUERY_CANCELED) {
      // A reader ended at the request's deadline (SQLite), or PostgreSQL's statement_timeout.
      return { message: TIMEOUT_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'TIMEOUT' } };
    }
    if (!maskInternals || isClientError(formatted)) return formatted;
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
