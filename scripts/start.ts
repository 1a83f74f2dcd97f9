/**
 * `npm start`: brings the whole system up on one machine — Temporal dev server (SQLite under
 * .data/), migrations, WORKERS workers, and API_PROCESSES API processes serving the dashboard. A
 * child that dies is restarted with backoff within a restart budget (scripts/supervisor.ts); when
 * the budget is spent, or on Ctrl-C or SIGTERM, every child is stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from '../api/nodeFlags';
import { WORKER_NODE_FLAGS } from '../temporal/nodeFlags';
import { dataDir, getConfig, projectRoot, type Config } from '../config';
import { ensureDatabase, migrate } from '../db/migrate';
import { createSql } from '../db/sql';
import { waitForTemporal } from '../temporal/client';
import { prebuildWorkflowBundle } from '../temporal/bundle';
import { startDevServer } from '../temporal/devServer';
import { installTools } from './install-tools';
import { buildWebIfStale } from './build-web';
import { buildServerIfStale, entryArgs, type ServerEntry } from './build-server';
import { requireDependencies, isReachable } from './services';
import { Supervisor, type ChildSpec } from './supervisor';
import { fleet, forkSharedApi } from './fleet';

let supervisor: Supervisor | undefined;
/** The children's environment: the launcher's, plus where the prebuilt workflow bundle is. */
let childEnv: NodeJS.ProcessEnv = process.env;
let stopRequested: number | undefined;

/**
 * Whether the children run the esbuild bundles under dist/server/ (scripts/build-server.ts),
 * about 30 MiB less resident each than `--import tsx`; false only when esbuild is unavailable.
 */
let bundled = false;

function service(entry: ServerEntry, name: string, nodeFlags: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return supervise({
    name,
    start: () =>
      spawn(process.execPath, [...nodeFlags, ...entryArgs(entry, bundled)], {
        cwd: projectRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...childEnv, ...env },
      }),
  });
}

/** WORKERS workers, each supervised on its own. */
function startWorkers(config: Config): void {
  for (const member of fleet(config, 'worker')) service('worker', member.name, WORKER_NODE_FLAGS, member.env);
}

/** API_PROCESSES API processes, each supervised on its own; several share API_PORT (scripts/fleet.ts). */
function startApis(config: Config): void {
  const members = fleet(config, 'api');
  if (members.length === 1) {
    service('api', members[0]!.name, API_NODE_FLAGS, members[0]!.env);
    return;
  }
  for (const member of members) supervise({ name: member.name, start: () => forkSharedApi(member, childEnv, API_NODE_FLAGS, bundled) });
}

function supervise(spec: ChildSpec): ChildProcess {
  supervisor ??= createSupervisor(getConfig());
  return supervisor.add(spec);
}

function createSupervisor(config: Config): Supervisor {
  return new Supervisor({
    maxRestarts: config.SUPERVISOR_MAX_RESTARTS,
    windowMs: config.SUPERVISOR_RESTART_WINDOW_SECONDS * 1000,
    initialBackoffMs: config.SUPERVISOR_BACKOFF_INITIAL_MS,
    maxBackoffMs: config.SUPERVISOR_BACKOFF_MAX_MS,
    onStopped: (code) => process.exit(code),
  });
}

/** Stops every child (API, worker, Temporal, in that order) and exits with `exitCode`. */
function stop(exitCode: number): void {
  if (stopRequested !== undefined) return;
  stopRequested = exitCode;
  if (supervisor) void supervisor.stop(exitCode);
  else process.exit(exitCode);
}

async function run(): Promise<void> {
  const config = getConfig();
  installTools();
  await requireDependencies({ database: config.DATABASE_URL, redis: config.REDIS_URL });

  await ensureDatabase(config.DATABASE_URL);
  const sql = createSql(config.DATABASE_URL, 1);
  try {
    const applied = await migrate(sql);
    console.log(`[start] migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);
  } finally {
    await sql.end();
  }

  await buildWebIfStale();
  bundled = await buildServerIfStale();

  const temporalAddress = new URL(`grpc://${config.TEMPORAL_ADDRESS}`);
  const temporalPort = Number(temporalAddress.port || 7233);
  if (await isReachable(temporalAddress.hostname, temporalPort)) {
    console.log(`[start] using the Temporal server already listening on ${config.TEMPORAL_ADDRESS}`);
  } else {
    const dir = path.join(dataDir(config), 'temporal');
    mkdirSync(dir, { recursive: true });
    const devServer = {
      port: temporalPort,
      uiPort: Number(new URL(config.TEMPORAL_UI_URL).port || 8233),
      dbFile: path.join(dir, 'temporal.sqlite'),
    };
    const log = createWriteStream(path.join(dir, 'server.log'), { flags: 'a' });
    supervise({
      name: 'temporal',
      start: () => {
        const server = startDevServer(devServer);
        server.stdout?.pipe(log, { end: false });
        server.stderr?.pipe(log, { end: false });
        return server;
      },
    });
    await waitForTemporal(config.TEMPORAL_ADDRESS, 60_000);
    console.log('[start] Temporal dev server up');
  }

  // Built here once (and reused while the workflow sources are unchanged), so no worker runs webpack.
  const t0 = Date.now();
  const bundle = await prebuildWorkflowBundle(path.join(dataDir(config), 'workflow-bundle'));
  console.log(
    `[start] workflow bundle ${bundle.built ? `built in ${Date.now() - t0} ms` : 'unchanged'}: ${path.relative(process.cwd(), bundle.codePath)}`,
  );
  childEnv = { ...process.env, WORKFLOW_BUNDLE_PATH: bundle.codePath };

  startWorkers(config);
  startApis(config);
  // Plant connectors (MQTT, OPC UA) from the connectors table; idle until one is configured.
  service('connectors', 'connectors', []);

  const base = config.PUBLIC_URL ?? `http://localhost:${config.API_PORT}`;
  const keyFile = path.join(dataDir(config), 'admin-key');
  await waitForApi(`http://127.0.0.1:${config.API_PORT}/health`, 120_000);
  {
    console.log(
      [
        '',
        'Smart Maintenance is starting:',
        `  Dashboard      ${base}/`,
        `  Sign in        ${base}/sign-in  (first run: open the one-time link printed above)`,
        `  API docs       ${base}/docs  (OpenAPI: ${base}/openapi.json)`,
        `  Health         ${base}/health`,
        `  Temporal Web   ${config.TEMPORAL_UI_URL}`,
        `  Connectors     http://${config.CONNECTORS_METRICS_HOST}:${config.CONNECTORS_METRICS_PORT}/health`,
        existsSync(keyFile)
          ? `  Admin API key  in ${path.relative(process.cwd(), keyFile)}`
          : config.API_KEYS
            ? '  Admin API key  as set in API_KEYS'
            : '  Admin API key  none on file: `npm run admin-key` makes one',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  }
}

/** Waits until the API answers its health probe, so the URLs are printed when they work. */
async function waitForApi(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stopRequested === undefined) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 503) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

run().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  stop(1);
});
