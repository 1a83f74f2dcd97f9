import tseslint from 'typescript-eslint';

/** One preset for the whole repository; workflows get the determinism rules on top. */
export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      '.tools/**',
      'web/dist/**',
      'models/.venv/**',
      'bench-results/**',
      'test-artifacts/**',
      '**/*.cjs',
      'web/**/*.vue',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through config/ (getConfig), not process.env.',
        },
      ],
    },
  },
  {
    // Only the config module, test/bench/script entry points and build tooling may read the environment directly.
    files: ['config/**', 'test/**', 'bench/**', 'scripts/**', 'web/vite.config.mts', 'api/routes/health.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Workflow code is replayed and must be deterministic: no Node built-ins, no I/O clients, and
    // activities only as types (called through proxyActivities).
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'net', 'child_process', 'worker_threads'],
              message: 'Workflows must not use Node built-ins (non-deterministic).',
            },
            {
              group: ['postgres', 'ioredis', 'onnxruntime-node', 'pino', 'koa', '@koa/*'],
              message: 'Workflows must not do I/O; call an activity.',
            },
            {
              group: ['../activities/*', '../activities', '../api/*', '../db/*', '../services/*', '../models/*'],
              allowTypeImports: true,
              message: 'Import activities and services as types only.',
            },
          ],
        },
      ],
    },
  },
);
