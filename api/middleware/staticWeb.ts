import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context, Middleware } from 'koa';
import send from 'koa-send';
import { projectRoot } from '../../config';
import { dashboardCsp } from './securityHeaders';

/**
 * The placeholder Vite writes wherever the page's CSP nonce goes (`html.cspNonce` in
 * web/vite.config.mts: the `csp-nonce` meta tag and the nonce attributes). Keep the two equal.
 */
export const CSP_NONCE_PLACEHOLDER = 'SM_CSP_NONCE_PLACEHOLDER';

/**
 * index.html with a fresh nonce for this response, and the policy naming it. Never cached: a
 * stored copy would reuse the nonce.
 */
async function sendIndex(ctx: Context, root: string): Promise<void> {
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const nonce = randomBytes(18).toString('base64');
  ctx.set('Content-Security-Policy', dashboardCsp(nonce));
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/**
 * Serves the built dashboard (web/dist) with history-mode fallback to index.html; API paths are
 * never answered from here, so an unknown API path stays a problem+json 404.
 */
export function staticWeb(opts: { root?: string } = {}): Middleware {
  const root = opts.root ?? path.join(projectRoot, 'web', 'dist');
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    // /metrics moved to its own listener (#22): a scraper still pointed here gets a 404, not the app.
    if (ctx.path.startsWith('/api/') || ctx.path === '/metrics' || !existsSync(root)) return next();
    if (ctx.path === '/' || ctx.path === '/index.html') return sendIndex(ctx, root);
    try {
      const file = await send(ctx, ctx.path, {
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
    await sendIndex(ctx, root);
  };
}
