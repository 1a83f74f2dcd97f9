import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { API_NODE_FLAGS } from '../api/nodeFlags';
import { WORKER_NODE_FLAGS } from '../temporal/nodeFlags';
import { projectRoot } from '../config';
import { dropDatabase, ensureDatabase, migrate } from '../db/migrate';
import { waitForTemporal } from '../temporal/client';
import { startDevServer } from '../temporal/devServer';
import { prebuildWorkflowBundle } from '../temporal/bundle';
import { buildServerIfStale, entryArgs } from '../scripts/build-server';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smart_maintenance_bench';
export const BENCH_KEY = 'bench-admin-key-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

/**
 * What a worker's resident memory is made of, from its /metrics: the main thread's V8 heap, the
 * memory V8 tracks outside it, and the rest: the workflow thread's own V8 heap (prom-client sees
 * the main isolate only) and native memory (the Temporal core, ONNX Runtime, the node binary and
 * libraries). Undefined when unreachable.
 */
export async function workerMemoryParts(metricsUrl: string, rss: number | null): Promise<Record<string, number> | undefined> {
  try {
    const text = await (await fetch(metricsUrl)).text();
    const mib = (name: string) => {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
      return m ? Math.round(Number(m[1]) / 104857.6) / 10 : NaN;
    };
    const heap = mib('sm_worker_nodejs_heap_size_total_bytes');
    const external = mib('sm_worker_nodejs_external_memory_bytes');
    const sessions = /^sm_worker_onnx_sessions (\d+)$/m.exec(text)?.[1];
    return {
      heap_total_mib: heap,
      heap_used_mib: mib('sm_worker_nodejs_heap_size_used_bytes'),
      external_mib: external,
      other_mib: rss === null ? NaN : Math.round((rss - heap - external) * 10) / 10,
      onnx_sessions: sessions === undefined ? NaN : Number(sessions),
    };
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is nearly idle (at least `idleShare` of CPU time idle over one second),
 * at most `timeoutMs`; returns the last idle share. Used before each measured phase so a figure
 * does not include what was still running from before it: the worker bundling its workflows at
 * start, autovacuum after a warm-up, the previous section's write-behind.
 */
export async function waitForQuiet(timeoutMs = 60_000, idleShare = 0.9): Promise<number> {
  const read = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: (f[3] ?? 0) + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  };
  const started = Date.now();
  for (;;) {
    const a = read();
    await new Promise((r) => setTimeout(r, 1000));
    const b = read();
    const share = (b.idle - a.idle) / Math.max(1, b.total - a.total);
    if (share >= idleShare || Date.now() - started > timeoutMs) return Math.round(share * 100) / 100;
  }
}

export interface BenchStack {
  baseUrl: string;
  sql: postgres.Sql;
  temporalAddress: string;
  taskQueuePrefix: string;
  api: ChildProcess;
  worker: ChildProcess;
  /** The `worker`'s own Prometheus endpoint (heap and external memory figures). */
  workerMetricsUrl: string;
  /** The Temporal dev server (its CPU is part of what a workflow costs). */
  temporal: ChildProcess;
  env: Record<string, string>;
  /** Whether the services run the esbuild bundles (as `npm start` does) or the TypeScript through tsx. */
  bundled: boolean;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy in ${timeoutMs} ms`);
}

/**
 * The whole system as `npm start` runs it — Temporal dev server, a worker process, an API process —
 * against a bench database recreated for the run, on free loopback ports.
 */
export async function startBenchStack(): Promise<BenchStack> {
  // The bench database is dropped and recreated: only a database whose name says it is one.
  // (Several benches may share a PostgreSQL server, each with its own BENCH_DATABASE_URL.)
  if (!/_bench$/.test(new URL(BENCH_DATABASE_URL).pathname)) {
    throw new Error('BENCH_DATABASE_URL must name a database ending in _bench: the bench drops and recreates it');
  }
  await dropDatabase(BENCH_DATABASE_URL);
  await ensureDatabase(BENCH_DATABASE_URL);
  const sql = postgres(BENCH_DATABASE_URL, { max: 4, onnotice: () => {} });
  await migrate(sql);

  const temporalPort = await freePort();
  const temporal = startDevServer({ port: temporalPort });
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  await waitForTemporal(temporalAddress, 90_000);

  // Built once and loaded by the worker, exactly as `npm start` does: a worker bundling its own
  // workflows with webpack holds about 110 MiB more (scripts/worker-memory.ts).
  const { codePath: workflowBundlePath } = await prebuildWorkflowBundle(path.join(projectRoot, '.data', 'bench', 'workflow-bundle'));
  const apiPort = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: BENCH_DATABASE_URL,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE_PREFIX: 'bench',
    REDIS_PREFIX: 'bench:',
    API_PORT: String(apiPort),
    API_KEYS: `bench=${BENCH_KEY}@admin`,
    // The workflow bench runs unattended Golden Paths with auto_decision, a demo-only setting.
    DEMO_AUTO_DECISIONS: 'true',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DRIFT_RATE_LIMIT_PER_MINUTE: '100000000',
    PREDICT_BATCH_ROWS_PER_MINUTE: '100000000',
    // The load comes from one loopback address, which the per-address limits do not exempt.
    AUTH_FAILURES_PER_MINUTE: '100000000',
    KEYLESS_REQUESTS_PER_MINUTE: '100000000',
    METRICS_PORT: '0',
    // Runs within one hour share the bench key's start budget; the bench measures, it does not abuse.
    WORKFLOW_STARTS_PER_HOUR: '100000000',
    WORKER_METRICS_PORT: '0',
    WORKER_SDK_METRICS_PORT: '0',
    DATA_DIR: path.join(projectRoot, '.data', 'bench'),
    WORKFLOW_BUNDLE_PATH: workflowBundlePath,
  } as Record<string, string>;
  // The bundles `npm start` runs (scripts/build-server.ts), one process per service, so its memory
  // is measurable.
  const bundled = await buildServerIfStale((line) => console.error(line));
  // This worker alone serves /metrics (the scale section's extra workers share `env`), so the
  // bench can split its resident memory into V8 heap, external and the rest.
  const workerMetricsPort = await freePort();
  const worker = spawn(process.execPath, [...WORKER_NODE_FLAGS, ...entryArgs('worker', bundled)], {
    cwd: projectRoot,
    env: { ...env, WORKER_METRICS_PORT: String(workerMetricsPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // BENCH_API_NODE_ARGS (e.g. `--cpu-prof`) lets a profiling run pass flags to the API process only.
  const apiArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...API_NODE_FLAGS, ...apiArgs, ...entryArgs('api', bundled)], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', apiArgs.length ? 'inherit' : 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHttp(`${baseUrl}/health`, 90_000);
  await waitForQuiet();

  return {
    baseUrl,
    sql,
    temporalAddress,
    taskQueuePrefix: 'bench',
    api,
    worker,
    workerMetricsUrl: `http://127.0.0.1:${workerMetricsPort}/metrics`,
    temporal,
    env,
    bundled,
    async stop() {
      for (const p of [api, worker, temporal]) p.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      for (const p of [api, worker, temporal]) if (p.exitCode === null) p.kill('SIGKILL');
      await sql.end();
    },
  };
}
