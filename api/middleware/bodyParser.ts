import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { hasNoNul } from '../../domain/reading';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors';
import { fieldError } from '../../domain/fieldErrorText';

declare module 'koa' {
  interface Request {
    body?: unknown;
    rawBody?: string;
    /** The JSON body as sent, before the route's schema replaced `body` with its parsed form. */
    json?: unknown;
  }
}

type BodyKind = 'json' | 'csv';

/**
 * Reads the body up to `limit` bytes (413 beyond it) and parses it by kind. Malformed JSON is a
 * 400 that says where it broke; a wrong Content-Type is a 415.
 */
export function bodyParser(opts: { limit: number; kinds?: BodyKind[] }): Middleware {
  const kinds = opts.kinds ?? ['json'];
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method)) return next();
    const declared = Number(ctx.get('Content-Length'));
    if (Number.isFinite(declared) && declared > opts.limit) throw new PayloadTooLargeError(opts.limit);
    if (ctx.method === 'DELETE' && !ctx.request.length && !ctx.get('Transfer-Encoding')) return next();
    const isJson = ctx.request.is('application/json', 'application/*+json');
    const isCsv = ctx.request.is('text/csv', 'text/plain', 'multipart/form-data');
    const hasBody = Boolean(ctx.get('Content-Length') && declared > 0) || Boolean(ctx.get('Transfer-Encoding'));
    if (!hasBody) {
      ctx.request.body = undefined;
      return next();
    }
    const kind: BodyKind | undefined = isJson && kinds.includes('json') ? 'json' : isCsv && kinds.includes('csv') ? 'csv' : undefined;
    if (!kind) throw new UnsupportedMediaTypeError(kinds.map((k) => (k === 'json' ? 'application/json' : 'text/csv')));
    let text: string;
    try {
      text = await getRawBody(ctx.req, { limit: opts.limit, encoding: 'utf8', length: ctx.get('Content-Length') || undefined });
    } catch (err) {
      const e = err as { type?: string };
      if (e.type === 'entity.too.large') throw new PayloadTooLargeError(opts.limit);
      if (e.type === 'encoding.unsupported') throw new UnsupportedMediaTypeError(['charset=utf-8']);
      throw new BadRequestError('The request body could not be read', 'body_unreadable');
    }
    ctx.request.rawBody = text;
    if (kind === 'json') {
      try {
        ctx.request.body = ctx.request.json = JSON.parse(text);
      } catch (err) {
        throw new BadRequestError(`Malformed JSON: ${(err as Error).message}`, 'malformed_json', { code: 'malformed_json' });
      }
      // PostgreSQL text and jsonb cannot hold U+0000; no field of ours needs it, so refuse it at the door.
      // The text test is a fast filter; the walk confirms a string really holds U+0000.
      if (text.includes('\\u0000') && !hasNoNul(ctx.request.body)) {
        throw new ValidationError([fieldError('(body)', 'nul_character', 'strings must not contain the NUL character (U+0000)')]);
      }
    } else {
      ctx.request.body = text;
    }
    return next();
  };
}
