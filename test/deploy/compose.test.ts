import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, projectRoot } from '../../config';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { WORKER_NODE_FLAGS } from '../../temporal/nodeFlags';
import { SERVER_ENTRIES } from '../../scripts/build-server';

interface ComposeService {
  image?: string;
  container_name?: string;
  ports?: unknown[];
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: (string | { source?: string; target?: string })[];
  command?: string[];
  entrypoint?: string[];
  deploy?: { replicas?: number };
}

interface ComposeModel {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const PASSWORD = 'compose-test-password-0123';
const emptyEnvFile = path.join(mkdtempSync(path.join(tmpdir(), 'sm-compose-')), 'empty.env');
writeFileSync(emptyEnvFile, '');
const composeBinary = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
const haveCompose = composeBinary.status === 0;
if (!haveCompose)
  console.warn(
    '[compose.test] docker-compose is not installed: skipping the `docker-compose config` checks (apt-get install docker-compose)',
  );

function compose(args: string[], env: Record<string, string> = { POSTGRES_PASSWORD: PASSWORD }) {
  // No inherited POSTGRES_PASSWORD or .env values: the file must resolve from what the test gives it.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(POSTGRES_|API_KEYS|SM_)/.test(k)));
  // An empty --env-file: a developer's own .env must not make these checks pass or fail.
  const files = ['--project-directory', projectRoot, '--env-file', emptyEnvFile, '-f', path.join(projectRoot, 'docker-compose.yml')];
  return spawnSync('docker-compose', [...files, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...base, ...env, COMPOSE_PROJECT_NAME: 'sm-compose-test' },
  });
}

/** The resolved model (once per file): Compose v2 prints JSON itself; v1 prints YAML, which its own Python can read. */
let cached: ComposeModel | undefined;
function resolvedModel(): ComposeModel {
  return (cached ??= resolve());
}

function resolve(): ComposeModel {
  const asJson = compose(['config', '--format', 'json']);
  // v1 answers an unknown option with its help text (and exit status 0), hence the shape check.
  if (asJson.status === 0 && asJson.stdout.trimStart().startsWith('{')) return JSON.parse(asJson.stdout) as ComposeModel;
  const yaml = compose(['config']);
  expect(yaml.status, yaml.stderr).toBe(0);
  const shebang = readFileSync(spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim(), 'utf8').split(
    '\n',
  )[0]!;
  const python = shebang.replace(/^#!\s*/, '').split(' ')[0]!;
  const converted = spawnSync(python, ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: yaml.stdout,
    encoding: 'utf8',
  });
  expect(converted.status, converted.stderr).toBe(0);
  return JSON.parse(converted.stdout) as ComposeModel;
}

/** Names of every field config/index.ts reads, from its source (the schema is not exported). */
function configFieldNames(): Set<string> {
  const source = readFileSync(path.join(projectRoot, 'config', 'index.ts'), 'utf8');
  return new Set([...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!));
}

const LONG_RUNNING = ['postgres', 'redis', 'temporal', 'temporal-ui', 'worker', 'api', 'connectors'];

describe.skipIf(!haveCompose)('docker-compose.yml', () => {
  it('passes `docker-compose config -q` with only POSTGRES_PASSWORD given', () => {
    const result = compose(['config', '-q']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses to resolve without POSTGRES_PASSWORD and names the variable', () => {
    const result = compose(['config', '-q'], {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('POSTGRES_PASSWORD');
  });

  it('has the whole system: TimescaleDB, Redis, Temporal with setup and UI, migrate, worker, API and connectors', () => {
    const { services, volumes } = resolvedModel();
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'connectors',
      'migrate',
      'postgres',
      'redis',
      'temporal',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
    expect(services.postgres!.image).toMatch(/^timescale\/timescaledb:.*pg15$/);
    expect(services.temporal!.image).toMatch(/^temporalio\/auto-setup:\d+\.\d+\.\d+$/);
    expect(services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', POSTGRES_PWD: PASSWORD });
    expect(services['temporal-setup']!.image).toMatch(/^temporalio\/admin-tools:/);
    expect(services['temporal-ui']!.image).toMatch(/^temporalio\/ui:\d+\.\d+\.\d+$/);
    expect(Object.keys(volumes ?? {}).sort()).toEqual(['api-data', 'connectors-data', 'postgres-data', 'redis-data']);
    expect(services.connectors!.command).toEqual(['node', 'dist/server/connectors.cjs']);
  });

  it('gives every long-running service a health check', () => {
    const { services } = resolvedModel();
    for (const name of LONG_RUNNING) {
      const test = services[name]!.healthcheck?.test;
      expect(test, `${name} has no healthcheck`).toBeDefined();
      expect([test].flat().join(' '), name).not.toMatch(/^NONE/);
    }
    expect([services.api!.healthcheck!.test].flat().join(' ')).toContain('http://127.0.0.1:8000/health');
    expect([services.worker!.healthcheck!.test].flat().join(' ')).toContain('http://127.0.0.1:9464/metrics');
    expect([services.connectors!.healthcheck!.test].flat().join(' ')).toContain('http://127.0.0.1:9466/health');
  });

  it('starts the API, workers and connectors only after migrations and search attributes succeeded', () => {
    const { services } = resolvedModel();
    for (const name of ['api', 'worker', 'connectors']) {
      expect(services[name]!.depends_on, name).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        'temporal-setup': { condition: 'service_completed_successfully' },
      });
    }
    expect(services.migrate!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(services.temporal!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(services.migrate!.command).toEqual(['node', 'dist/server/migrate.cjs']);
  });

  it('runs every service of the image from its prebuilt bundle, never through tsx', () => {
    const { services } = resolvedModel();
    // The image's services: those built from the Dockerfile (the others are upstream images).
    const ours = Object.entries(services).filter(([, s]) => s.image === 'smart-maintenance:latest');
    expect(ours.map(([name]) => name).sort()).toEqual(['api', 'connectors', 'migrate', 'worker']);
    for (const [name, s] of ours) {
      const command = s.command ?? [];
      expect(command[0], name).toBe('node');
      expect(command.join(' '), name).not.toMatch(/tsx|\.ts\b/);
      // The last argument is a bundle scripts/build-server.ts writes (the image runs `npm run build:server`).
      expect(
        Object.keys(SERVER_ENTRIES).map((entry) => `dist/server/${entry}.cjs`),
        name,
      ).toContain(command.at(-1));
    }
  });

  it('keeps the worker scalable: no container name and no published port', () => {
    const { services } = resolvedModel();
    expect(services.worker!.container_name).toBeUndefined();
    expect(services.worker!.ports ?? []).toEqual([]);
    expect(services.worker!.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'dist/server/worker.cjs']);
    for (const [name, s] of Object.entries(services)) expect(s.container_name, name).toBeUndefined();
  });

  it('runs one connector process, reachable only inside the network', () => {
    const { services } = resolvedModel();
    // Two would each run every connector and fight over the same MQTT client id.
    expect(services.connectors!.deploy?.replicas ?? 1).toBe(1);
    expect(services.connectors!.ports ?? []).toEqual([]);
  });

  it('persists data in named volumes', () => {
    const { services } = resolvedModel();
    const mounts = (name: string) =>
      (services[name]!.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':').slice(0, 2).join(':') : `${v.source}:${v.target}`));
    expect(mounts('postgres')).toContain('postgres-data:/var/lib/postgresql/data');
    expect(mounts('redis')).toContain('redis-data:/data');
    expect(mounts('api')).toContain('api-data:/app/.data');
    // The OPC UA client certificate a plant server was told to trust.
    expect(mounts('connectors')).toContain('connectors-data:/app/.data');
  });

  it('hands the app containers a configuration that config/index.ts accepts, with no unknown variable', () => {
    const { services } = resolvedModel();
    const known = configFieldNames();
    for (const name of ['api', 'worker', 'migrate', 'connectors']) {
      const env = Object.fromEntries(Object.entries(services[name]!.environment ?? {}).map(([k, v]) => [k, v ?? '']));
      expect(
        Object.keys(env).filter((k) => !known.has(k)),
        `${name}: variables config/index.ts does not read`,
      ).toEqual([]);
      const config = parseConfig(env);
      expect(config).toMatchObject({
        NODE_ENV: 'production',
        API_HOST: '0.0.0.0',
        WORKER_METRICS_HOST: '0.0.0.0',
        CONNECTORS_METRICS_HOST: '0.0.0.0',
        CONNECTORS_METRICS_PORT: 9466,
        TEMPORAL_ADDRESS: 'temporal:7233',
        REDIS_URL: 'redis://redis:6379/0',
        DATABASE_URL: `postgres://postgres:${PASSWORD}@postgres:5432/smart_maintenance`,
      });
    }
  });
});

describe('the search-attribute registration', () => {
  const expected = ALL_SEARCH_ATTRIBUTES.map((a) => `${a.name}:Keyword`).sort();

  it('has only Keyword attributes to register, as the scripts assume', () => {
    expect(ALL_SEARCH_ATTRIBUTES.map((a) => a.type)).toEqual(ALL_SEARCH_ATTRIBUTES.map(() => 'KEYWORD'));
  });

  it('registers exactly the attributes workflows/searchAttributes.ts declares (compose script)', () => {
    const script = readFileSync(path.join(projectRoot, 'deploy', 'temporal', 'register-search-attributes.sh'), 'utf8');
    const list = /^SEARCH_ATTRIBUTES="([^"]+)"/m.exec(script)![1]!.split(/\s+/).sort();
    expect(list).toEqual(expected);
  });

  it('registers exactly the same attributes in the Kubernetes job', () => {
    const job = readFileSync(path.join(projectRoot, 'deploy', 'k8s', 'temporal-search-attributes-job.yaml'), 'utf8');
    const list = /name: SEARCH_ATTRIBUTES\s+value: (.+)$/m.exec(job)![1]!.trim().split(/\s+/).sort();
    expect(list).toEqual(expected);
  });
});
