import type { Middleware } from 'koa';
import { DomainError } from '../../domain/errors';
import { fromDomainError, HttpError, UnavailableError, ValidationError } from '../errors';

/**
 * Turns every error into application/problem+json (RFC 9457): domain errors through their one
 * mapping (api/errors.ts), HTTP errors as they are. Unexpected errors become a plain
 * 500 whose body says nothing about the cause; the cause goes to the log only.
 */
export function problemDetails(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new HttpError(404, 'not_found', `No route for ${ctx.method} ${ctx.path}`, {
          detailCode: 'no_route',
          detailParams: { method: ctx.method, path: ctx.path },
        });
      }
    } catch (raw) {
      const err = toHttpError(raw);
      if (err.status >= 500) ctx.state.log?.error({ err: raw }, 'request failed');
      else ctx.state.log?.debug({ code: err.code }, err.message);
      ctx.status = err.status;
      for (const [k, v] of Object.entries(err.headers)) ctx.set(k, v);
      ctx.type = 'application/problem+json';
      ctx.body = {
        type: `https://smart-maintenance.dev/problems/${err.code}`,
        title: titleFor(err.status),
        status: err.status,
        code: err.code,
        detail: err.expose ? err.message : 'An unexpected error occurred',
        ...(err.expose && err.detailCode ? { detail_code: err.detailCode, detail_params: err.detailParams } : {}),
        instance: ctx.path,
        request_id: ctx.state.requestId,
        ...(err.expose ? err.extensions : {}),
      };
    }
  };
}

/**
 * Losing the database (or another dependency) mid-request is an outage, not a bug: the client
 * should retry later (SPEC 10). Socket-level codes, postgres.js connection codes, and SQLSTATE
 * class 08 (connection exception) and 57P01-57P03 (server shutting down or starting).
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

function isDependencyUnreachable(raw: unknown): boolean {
  const code = (raw as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNREACHABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

/**
 * SQLSTATE class 22 (data exception: a NUL byte in text, an out-of-range number or date, an
 * invalid escape) is a value PostgreSQL refuses to store or compare, so the request was at fault.
 * Schemas catch the known cases first; this keeps any one they miss from becoming a 500.
 */
function isDataException(raw: unknown): boolean {
  const e = raw as { code?: unknown; name?: unknown } | null;
  return typeof e?.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code) && e.name === 'PostgresError';
}

function toHttpError(raw: unknown): HttpError {
  if (raw instanceof HttpError) return raw;
  if (raw instanceof DomainError) return fromDomainError(raw);
  if (isDependencyUnreachable(raw)) return new UnavailableError('A dependency (the database) is unreachable; retry later', 5, raw);
  // The server's message names the value's problem, never data from other rows, so it is shown.
  if (isDataException(raw))
    return new ValidationError([], `The database cannot store or compare a value of this request: ${(raw as Error).message}`.slice(0, 500));
  const e = raw as { status?: number; statusCode?: number; expose?: boolean; message?: string; type?: string };
  const status = e?.status ?? e?.statusCode;
  // Koa and its helpers throw http-errors with a status; keep their 4xx, hide anything else.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'http_error', e.expose === false ? titleFor(status) : String(e.message));
  }
  return new HttpError(500, 'internal_error', 'An unexpected error occurred', { expose: false });
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return titles[status] ?? 'Error';
}
