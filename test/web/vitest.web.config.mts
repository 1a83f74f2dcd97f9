import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * The web tests need .vue files compiled and Vuetify inlined (its ESM build imports CSS files,
 * which Node cannot load). Run alone with
 *   npx vitest run --config test/web/vitest.web.config.mts
 * The root `unit` project can get the same by adding `plugins: [vue()]` and
 * `server: { deps: { inline: ['vuetify'] } }`.
 */
export default defineConfig({
  plugins: [vue()],
  test: {
    name: 'web',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/web/**/*.test.ts'],
    environment: 'node',
    server: { deps: { inline: ['vuetify'] } },
    testTimeout: 20_000,
  },
});
