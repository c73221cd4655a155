import pino, { type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** Structured JSON logs on stdout, one line per request and per unexpected error. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'outsourcing-atlas' } });
}
