import tseslint from 'typescript-eslint';

/**
 * Layer rules (CONVENTIONS "Dependencies run one way"): each folder lists the folders it must not
 * import. The globs match a folder at any depth of relative path (`../api/x`, `../../api`), so they
 * hold in nested files too.
 */
const layer = (name) => [`**/${name}`, `**/${name}/**`];
const banned = (folders, message, extra = {}) => ({ group: folders.flatMap(layer), message, ...extra });
/** Node built-ins and clients that do I/O: domain code is pure. */
const IO_MODULES = [
  'postgres',
  'ioredis',
  'onnxruntime-node',
  '@temporalio/client',
  'pino',
  // Node's I/O modules by name: node:stream stays allowed, since domain/csv.ts parses text already
  // in memory through csv-parse's stream interface, which is computation, not I/O.
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:http2',
  'node:child_process',
  'node:dgram',
  'node:dns',
  'node:worker_threads',
  'node:cluster',
  'fs',
  'net',
  'http',
  'https',
  'child_process',
];
const KOA = ['koa', 'koa-*', '@koa/*'];

/** One preset for the whole repository; workflows get the determinism rules on top. */
export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      '.tools/**',
      'web/dist/**',
      'dist/**',
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
              // Not even as types: the agents depend on the workflows' contract
              // (workflows/activityContracts.ts), and the arrow must not run back.
              // `**/` matches relative imports at any depth (`../activities`, `../../usecases/x`);
              // a bare `activities` would also catch a package of that name, which we do not have.
              group: ['**/activities', '**/activities/**', '**/usecases', '**/usecases/**'],
              message:
                'Workflows import no agent or use case, not even as types: declare the activity in workflows/activityContracts.ts and its types in domain/.',
            },
            {
              group: [
                '**/api',
                '**/api/**',
                '**/db',
                '**/db/**',
                '**/models',
                '**/models/**',
                '**/config',
                '**/config/**',
                '**/reports',
                '**/reports/**',
              ],
              allowTypeImports: true,
              message: 'Workflows import db, api, models, config and reports as types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // api/ is HTTP only: it reaches data through use cases. server.ts is the process entry point
    // and wires the pool and the seed roster, so it is exempt.
    files: ['api/**/*.ts'],
    ignores: ['api/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [banned(['db', 'activities'], 'api/ is HTTP only: call a use case in usecases/, which owns data access.')] },
      ],
    },
  },
  {
    // Use cases know nothing of HTTP: they throw domain errors (domain/errors.ts). Workflows only as
    // types (signal, query and input definitions).
    files: ['usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(
              ['api', 'activities'],
              'Use cases must not depend on the API or the agents; throw a domain error from domain/errors.ts.',
            ),
            { group: KOA, message: 'Use cases know nothing of HTTP.' },
            banned(['workflows'], 'Use cases import workflows as types only (definitions, inputs).', { allowTypeImports: true }),
          ],
        },
      ],
    },
  },
  {
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(['api'], 'Agents must not depend on the API; share code through usecases/ or domain/.'),
            { group: KOA, message: 'Agents know nothing of HTTP.' },
            banned(['workflows'], 'Agents import workflows as types only.', { allowTypeImports: true }),
          ],
        },
      ],
    },
  },
  {
    // The connector process (MQTT, OPC UA) is an adapter beside the API and the worker: it writes
    // through db/ and the domain's reading mapping, and knows nothing of HTTP, agents or workflows.
    files: ['connectors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(
              ['api', 'activities', 'workflows', 'temporal', 'worker'],
              'connectors/ is its own process: use db/, domain/ and usecases/.',
            ),
            { group: KOA, message: 'Connectors know nothing of HTTP routing.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(['api', 'usecases', 'activities', 'workflows', 'models'], 'db/ holds queries only: it may use domain/ and config/.'),
            {
              // The report builders (reports/) call db/, so db/ must not call back; its own db/reports/
              // queries stay importable. Report types live in domain/report.ts.
              group: ['../reports', '../reports/**', '../../reports', '../../reports/**'],
              message: 'db/ must not import reports/ (the builders depend on db/); put shared report types in domain/report.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(['db', 'api', 'usecases', 'activities', 'workflows', 'models'], 'domain/ is the centre: it imports no other layer.'),
            { group: IO_MODULES, message: 'domain/ has no I/O: pass data in, or move the code to db/ or usecases/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['models/**/*.ts', 'stats/**/*.ts', 'scheduling/**/*.ts', 'reports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [banned(['api', 'usecases', 'activities'], 'Domain services must not depend on the API, the use cases or the agents.')],
        },
      ],
    },
  },
);
