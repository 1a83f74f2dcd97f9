import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` (pure code, parallel), `integration` (real PostgreSQL, Redis and both
 * Temporal servers, started once by the global setup; files run one at a time because they share
 * those servers), `security` (test/security: one test per security finding, on the same servers)
 * and `e2e` (the whole stack and a real browser).
 */
export default defineConfig({
  test: {
    projects: [
      {
        // .vue component tests run here too; Vuetify imports CSS, which only the Vite pipeline can load.
        plugins: [vue()],
        test: {
          server: { deps: { inline: ['vuetify'] } },
          name: 'unit',
          // Unit files first (in parallel), then the integration files, which share servers.
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', 'test/security/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/**/*.int.test.ts'],
          exclude: ['test/security/**', 'node_modules/**'],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The security issue's findings, one test each (the scope x route matrix included): unit and
        // integration files together, on the same kind of servers as `integration`. Dashboard
        // findings mount .vue components, hence the same Vue plugin and Vuetify inlining as `unit`.
        plugins: [vue()],
        test: {
          server: { deps: { inline: ['vuetify'] } },
          name: 'security',
          sequence: { groupOrder: 2 },
          include: ['test/security/**/*.test.ts'],
          exclude: ['test/security/**/*.e2e.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['test/**/*.e2e.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
