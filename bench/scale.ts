/**
 * `npm run bench -- --only=scale`: the same workflow load with 1, 2 and 4 workers, and the same
 * HTTP load with 1 and 2 API processes, each row as a ratio to its single-process row, with the
 * CPU each process used (in cores) and the machine's busy cores: on a 2-core machine a second
 * process can only help while the first one leaves a core idle, and the CPU columns show when
 * that stops being true.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { API_NODE_FLAGS } from '../api/nodeFlags';
import { projectRoot } from '../config';
import { entryArgs } from '../scripts/build-server';
import { forkSharedApi } from '../scripts/fleet';
import { WORKER_NODE_FLAGS } from '../temporal/nodeFlags';
import { mainTaskQueue } from '../temporal/taskQueues';
import type { BenchSection } from './benchSection';
import { measureCpu, pidsNamed } from './cpu';
import { closeLeanConnections, leanHttpCall } from './leanHttp';
import { closedLoop, percentiles } from './load';
import { BENCH_KEY, waitForQuiet, type BenchStack } from './stack';

const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
const WORKER_COUNTS = [1, 2, 4];
const API_COUNTS = [1, 2];
/** Workflow load: this many clients, each starting a prediction-to-maintenance run and awaiting its result, back to back. */
const WF_CLIENTS = 32;
const WF_TOTAL = 300;
const RUN_TIMEOUT_MS = 90_000;
/** HTTP load: single-reading ingests from this many keep-alive clients, flat out. */
const HTTP_CLIENTS = 32;
const HTTP_TOTAL = 4000;

type Row = [string, string, string];

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

async function stopAll(procs: ChildProcess[]): Promise<void> {
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.exitCode !== null || p.signalCode !== null) return resolve();
          const t = setTimeout(() => p.kill('SIGKILL'), 10_000);
          p.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
          p.kill('SIGTERM');
        }),
    ),
  );
}

function spawnWorker(stack: BenchStack): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_FLAGS, ...entryArgs('worker', stack.bundled)], {
    cwd: projectRoot,
    env: stack.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Waits until every one of `pids` polls the workflow queue (Temporal names a poller `<pid>@<host>`). */
async function waitForPollers(client: Client, taskQueue: string, pids: number[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, taskQueueType: 1 });
    const seen = new Set((res.pollers ?? []).map((p) => Number(p.identity?.split('@')[0])));
    if (pids.every((p) => seen.has(p))) return;
    if (Date.now() > deadline) throw new Error(`workers ${pids.join(', ')} not all polling ${taskQueue}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A prediction-to-maintenance request's features (also the soak's workflow load). */
export const features = {
  Air_temperature_K: 298.1,
  Process_temperature_K: 308.6,
  Rotational_speed_rpm: 1551,
  Torque_Nm: 42.8,
  Tool_wear_min: 0,
  Type: 'M',
};

/**
 * A run's result. Under load the dev server sometimes refuses the history long poll with
 * RESOURCE_EXHAUSTED ("Workflow is busy"), which the client does not retry; the bench does.
 */
export async function resultOf(client: Client, workflowId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.workflow.getHandle(workflowId).result();
      return;
    } catch (err) {
      if (attempt >= 20 || !/RESOURCE_EXHAUSTED|busy/i.test(String((err as Error).cause ?? err))) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/**
 * `total` prediction-to-maintenance runs from WF_CLIENTS clients; each latency is start → result.
 * A failed run is counted (with the first error kept), never thrown: one failure must not leave
 * the other clients polling a connection the section then closes.
 */
async function workflowLoad(stack: BenchStack, client: Client, total: number) {
  const run = randomUUID().slice(0, 6);
  let failures = 0;
  let firstError: string | undefined;
  const { latencies, seconds } = await closedLoop(WF_CLIENTS, total, async (i) => {
    try {
      const res = await leanHttpCall(`${stack.baseUrl}/api/v1/workflows/predictionToMaintenance`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ sensor_id: `scale-${run}-${i % 8}`, features }),
      });
      if (res.status !== 202) throw new Error(`start answered ${res.status}: ${res.body.slice(0, 300)}`);
      const workflowId = (JSON.parse(res.body) as { workflow_id: string }).workflow_id;
      // A run the server cannot finish (seen with the dev server on an overloaded machine) is
      // counted as failed after RUN_TIMEOUT_MS instead of holding the whole section.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        resultOf(client, workflowId),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${workflowId} not completed within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      failures++;
      firstError ??= String((err as Error).cause ?? (err as Error).message).slice(0, 300);
    }
  });
  return { wps: Math.round(((latencies.length - failures) / seconds) * 10) / 10, failures, firstError, ...percentiles(latencies) };
}

/** `total` single-reading ingests against `baseUrl` from HTTP_CLIENTS clients. */
async function httpLoad(baseUrl: string, total: number) {
  const run = randomUUID().slice(0, 6);
  let failures = 0;
  const { latencies, seconds } = await closedLoop(HTTP_CLIENTS, total, async (i) => {
    const res = await leanHttpCall(`${baseUrl}/api/v1/data/ingest`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': `scale-${run}-${i}` },
      body: JSON.stringify({ sensor_id: `scale-${run}-${i % 16}`, value: Math.sin(i), sensor_type: 'vibration' }),
    });
    if (res.status !== 200) failures++;
  });
  return { rps: Math.round(latencies.length / seconds), failures, ...percentiles(latencies) };
}

const fmtCores = (cores: Record<string, number>, busy: number) =>
  `CPU in cores: ${Object.entries(cores)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}; machine busy ${busy} of 2`;
const ratio = (x: number, base: number) => `×${Math.round((x / Math.max(1e-9, base)) * 100) / 100}`;

export const scaleSection: BenchSection = {
  name: 'scale',
  async run(stack) {
    const rows: Row[] = [];
    const json: Record<string, unknown> = { workflows: [], http: [] };
    // Without the client's own retry interceptor: its backoff timers outlive the section and
    // fire on the closed connection (an uncaught "Channel has been shut down"); resultOf() retries
    // what needs retrying.
    const connection = await Connection.connect({ address: stack.temporalAddress, interceptors: [] });
    const client = new Client({ connection });
    const taskQueue = mainTaskQueue({ TEMPORAL_TASK_QUEUE_PREFIX: stack.taskQueuePrefix });
    const extraWorkers: ChildProcess[] = [];
    try {
      // Warm-up on the one worker: the JIT, the model sessions, the connection pools.
      await workflowLoad(stack, client, 64);
      let base: { wps: number; p99: number } | undefined;
      for (const n of WORKER_COUNTS) {
        while (extraWorkers.length < n - 1) extraWorkers.push(spawnWorker(stack));
        const workers = [stack.worker, ...extraWorkers];
        await waitForPollers(
          client,
          taskQueue,
          workers.map((w) => w.pid!),
        );
        await workflowLoad(stack, client, 16 * n); // each new worker's first runs pay its JIT
        await waitForQuiet(15_000);
        const m = await measureCpu(
          {
            ...Object.fromEntries(workers.map((w, i) => [`worker-${i + 1}`, () => [w.pid!]])),
            api: () => [stack.api.pid!],
            temporal: () => [stack.temporal.pid!],
            postgres: () => pidsNamed('postgres'),
          },
          () => workflowLoad(stack, client, WF_TOTAL),
        );
        base ??= m.result;
        console.error(`[bench scale] ${n} worker(s): ${JSON.stringify(m)}`);
        (json.workflows as unknown[]).push({ workers: n, ...m.result, cores: m.cores, machine_busy_cores: m.machineBusyCores });
        rows.push([
          `scale: prediction-to-maintenance workflows, ${n} worker${n > 1 ? 's' : ''} (${WF_CLIENTS} clients)`,
          `${m.result.wps} /s, p99 ${Math.round(m.result.p99)} ms, ${m.result.failures} failed`,
          `${ratio(m.result.wps, base.wps)} throughput, ${ratio(m.result.p99, base.p99)} p99 of 1 worker; ${fmtCores(m.cores, m.machineBusyCores)}`,
        ]);
      }
    } finally {
      await stopAll(extraWorkers);
      await connection.close();
    }

    // HTTP: the stack's own API process (a plain child, as `npm start` runs one), then two API
    // processes sharing a port through the cluster module (as `npm start` runs API_PROCESSES=2).
    const shared: ChildProcess[] = [];
    try {
      let base: { rps: number; p99: number } | undefined;
      for (const m of API_COUNTS) {
        let baseUrl = stack.baseUrl;
        let apis = [stack.api];
        if (m > 1) {
          const port = await freePort();
          const env = { ...stack.env, API_PORT: String(port) };
          const listening = listeningOn(port, m);
          for (let i = 0; i < m; i++)
            shared.push(forkSharedApi({ name: `api-${i + 1}`, index: i, env: {} }, env, API_NODE_FLAGS, stack.bundled));
          baseUrl = `http://127.0.0.1:${port}`;
          apis = shared;
          await listening;
        }
        await httpLoad(baseUrl, 2000); // warm-up
        await waitForQuiet(15_000);
        const r = await measureCpu(
          {
            ...Object.fromEntries(apis.map((a, i) => [`api-${i + 1}`, () => [a.pid!]])),
            postgres: () => pidsNamed('postgres'),
            redis: () => pidsNamed('redis-server'),
          },
          () => httpLoad(baseUrl, HTTP_TOTAL),
        );
        base ??= r.result;
        console.error(`[bench scale] ${m} API process(es): ${JSON.stringify(r)}`);
        (json.http as unknown[]).push({ api_processes: m, ...r.result, cores: r.cores, machine_busy_cores: r.machineBusyCores });
        rows.push([
          `scale: single ingests, ${m} API process${m > 1 ? 'es (cluster, shared port)' : ''} (${HTTP_CLIENTS} clients)`,
          `${r.result.rps} req/s, p99 ${Math.round(r.result.p99)} ms, ${r.result.failures} failed`,
          `${ratio(r.result.rps, base.rps)} throughput, ${ratio(r.result.p99, base.p99)} p99 of 1 process; ${fmtCores(r.cores, r.machineBusyCores)}` +
            (m > 1 ? ' (bench = load generator and cluster primary)' : ''),
        ]);
        closeLeanConnections();
      }
    } finally {
      await stopAll(shared);
    }
    return { rows, json };
  },
};

/** Resolves once each of `count` cluster workers listens on `port` (the primary is told of each). */
function listeningOn(port: number, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const pids = new Set<number>();
    const timer = setTimeout(() => reject(new Error(`${count} API processes not listening on ${port}`)), 180_000);
    const onListening = (worker: ClusterWorker, address: { port: number }) => {
      if (address.port !== port || worker.process.pid === undefined) return;
      pids.add(worker.process.pid);
      if (pids.size < count) return;
      clearTimeout(timer);
      cluster.off('listening', onListening);
      resolve();
    };
    cluster.on('listening', onListening);
  });
}
