import { readFileSync } from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import { dashboardCsp } from '../middleware/securityHeaders';

// Resolved by path: requiring the package itself would load the whole UI bundle into the API.
const assetDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'application/javascript',
  'swagger-ui-standalone-preset.js': 'application/javascript',
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Smart Maintenance API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;
/**
 * Swagger UI's page: its bundle and init script are files from this origin. It renders with React,
 * whose style props go through the CSSOM (not restricted by CSP), and its CSS uses data: images.
 */
export const DOCS_CSP = dashboardCsp();

// persistAuthorization: false, so an API key typed into "Authorize" is not written to localStorage.
const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'BaseLayout' });`;

/** The OpenAPI document and an interactive page over it, served from local assets (no CDN). */
export function docsRoutes(getDocument: () => unknown): Router {
  const router = new Router();
  router.get('/openapi.json', (ctx) => {
    ctx.body = getDocument();
  });
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.body = getDocument();
  });
  router.get('/docs', (ctx) => {
    ctx.set('Content-Security-Policy', DOCS_CSP);
    ctx.type = 'text/html';
    ctx.body = page;
  });
  router.get('/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = init;
  });
  router.get('/docs/assets/:file', (ctx) => {
    const type = ASSETS[ctx.params.file!];
    if (!type) return;
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = readFileSync(path.join(assetDir, ctx.params.file!));
  });
  return router;
}
