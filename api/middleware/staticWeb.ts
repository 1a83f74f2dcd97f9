import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';
import { projectRoot } from '../../config';

/**
 * Serves the built dashboard (web/dist) with history-mode fallback to index.html; API paths are
 * never answered from here, so an unknown API path stays a problem+json 404.
 */
export function staticWeb(opts: { root?: string } = {}): Middleware {
  const root = opts.root ?? path.join(projectRoot, 'web', 'dist');
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api/') || !existsSync(root)) return next();
    try {
      const file = await send(ctx, ctx.path === '/' ? '/index.html' : ctx.path, {
        root,
        index: 'index.html',
        maxage: ctx.path.startsWith('/assets/') ? 31_536_000_000 : 0,
        immutable: ctx.path.startsWith('/assets/'),
      });
      if (file) return;
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
    // A missing asset stays a 404; a page address gets the app, which routes it (or shows its 404).
    // Page addresses may hold dots (a report workflow id ends in `.000Z`), so a browser's page
    // request, which asks for HTML by name, is a page whatever its last segment looks like.
    const wantsPage = !path.extname(ctx.path) || (ctx.get('Accept').includes('text/html') && !ctx.path.startsWith('/assets/'));
    if (!wantsPage) return next();
    await send(ctx, '/index.html', { root });
  };
}
