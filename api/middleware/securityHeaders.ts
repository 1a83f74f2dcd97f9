import type { Middleware } from 'koa';

/**
 * For everything that is not a page (JSON, CSV, PDF, the metrics text): nothing may load or run,
 * should a browser ever render one of them as a document.
 */
export const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The dashboard's policy. Everything is served from this origin and loaded as files (Vite emits no
 * inline script), so `'self'` is enough for scripts; no `'unsafe-eval'`, no `'unsafe-inline'`.
 * Vuetify writes its theme into a <style> element at runtime: that element carries the nonce
 * (handed to Vuetify through the `csp-nonce` meta tag Vite writes into index.html), so styles need
 * `'nonce-…'`, not `'unsafe-inline'`. Style attributes set from script go through the CSSOM, which
 * CSP does not restrict. Without a nonce (Swagger UI's page, whose CSS is all files) styles are `'self'` only.
 */
export function dashboardCsp(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers every response carries: no MIME sniffing, no Referer, no framing, and a CSP that allows
 * nothing (pages replace it with their own). Responses under `noStorePrefix` (the API, whose bodies
 * can hold a freshly created API key or other private data) must not be stored by any cache.
 *
 * Mounted outside problemDetails(), so error responses get the same headers.
 */
export function securityHeaders(opts: { noStorePrefix: string }): Middleware {
  const prefixSlash = `${opts.noStorePrefix}/`;
  return async (ctx, next) => {
    // res.setHeader, not ctx.set: this runs on every request, and ctx.set allocates per header
    // (measured on the ingest route when the hot paths were tuned; see the README's performance notes).
    const res = ctx.res;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', NO_CONTENT_CSP);
    const noStore = ctx.path === opts.noStorePrefix || ctx.path.startsWith(prefixSlash);
    if (noStore) res.setHeader('Cache-Control', 'no-store');
    await next();
    if (noStore && !ctx.headerSent) {
      // A route may add directives (the event stream's no-transform); no-store stays in front.
      const cache = ctx.response.get('Cache-Control');
      if (!/\bno-store\b/.test(cache)) ctx.set('Cache-Control', cache ? `no-store, ${cache}` : 'no-store');
    }
  };
}
