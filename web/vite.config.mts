import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:8000';

// Everything the API answers itself is proxied in dev, so the dashboard talks to one origin in
// both dev and production (the API serves web/dist under `npm start`).
const proxied = ['/api', '/health', '/openapi.json'];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [vue()],
  // The API replaces this placeholder with a per-response nonce and names it in the page's CSP
  // (CSP_NONCE_PLACEHOLDER in api/middleware/staticWeb.ts; keep the two equal). Vite puts it on its
  // tags and in a `csp-nonce` meta tag, where plugins/vuetify.ts reads it for the theme <style>.
  html: { cspNonce: 'SM_CSP_NONCE_PLACEHOLDER' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The locales live next to web/, outside the Vite root.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiTarget, changeOrigin: true }])),
  },
});
