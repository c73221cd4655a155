import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger';
import { requestLogOf } from './request-log';

const KNOWN: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.'],
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON.'],
  'encoding.unsupported': [415, 'BAD_REQUEST', "The request body's encoding is not supported."],
  'charset.unsupported': [415, 'BAD_REQUEST', "The request body's charset is not supported."],
};

/**
 * Errors raised before GraphQL runs (body parsing, size), as GraphQL-shaped JSON with a status and a code;
 * anything unexpected is logged with the request id and answered without internals.
 */
export function httpErrorHandler(logger: Logger) {
  return (error: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = requestLogOf(res)?.requestId;
    const known = error.type ? KNOWN[error.type] : undefined;
    if (known) {
      const [status, code, message] = known;
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
      return;
    }
    logger.error({ requestId, err: error }, 'unexpected error outside GraphQL');
    res.status(500).json({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
}
