import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger';

/** What one request's log line says; the GraphQL layer adds the operation's name and cost. */
export interface RequestLog {
  requestId: string;
  method: string;
  path: string;
  status?: number;
  durationMs?: number;
  operationName?: string | null;
  cost?: number;
  client?: string;
}

const REQUEST_ID = /^[\w.-]{8,100}$/;

export const requestLogOf = (res: Response): RequestLog => res.locals.requestLog as RequestLog;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new one), returns it in the
 * X-Request-Id header, and logs one line when the response is finished.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.get('x-request-id');
    const log: RequestLog = {
      requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
      method: req.method,
      path: req.path,
    };
    res.locals.requestLog = log;
    res.setHeader('X-Request-Id', log.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.status = res.statusCode;
      log.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(log, 'request');
    });
    next();
  };
}
