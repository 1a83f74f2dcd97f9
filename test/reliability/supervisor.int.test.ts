import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../../config';
import { mainTaskQueue } from '../../temporal/taskQueues';
import { freePort, waitUntil } from '../support/processes';
import { TEST_REDIS_URL } from '../support/testEnv';

/**
 * The "kill the worker, and separately the API, under `npm start`": the real launcher
 * (scripts/start.ts) runs with its own Temporal dev server, data directory and ports, and with
 * API_PROCESSES=2 sharing one port. A Golden Path is left waiting for its human decision; the
 * worker is SIGKILLed there, and the supervisor must log why and start a new worker that polls
 * again. Then one API process is SIGKILLed under a steady stream of requests: the other one keeps
 * answering on the same port until the killed one is back. The decision is then submitted and the
 * run completes on the new worker, which rebuilt its state from the history. SIGTERM to the
 * launcher must leave no child behind. The workers load the workflow bundle the launcher prebuilt,
 * and every service runs from the esbuild bundles under dist/server/.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'sm-supervisor-'));
let launcher: ChildProcess | undefined;
let output = '';
const pids = new Set<number>();

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Pids of `name` in the order the supervisor started them (from its "started (pid N)" lines). */
function startedPids(name: string): number[] {
  return [...output.matchAll(new RegExp(`\\[start\\] ${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
}

async function freshDatabase(sharedUrl: string, suffix: string): Promise<string> {
  const url = new URL(sharedUrl);
  url.pathname = `${url.pathname}_${suffix}`;
  const admin = new URL(sharedUrl);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
  } finally {
    await sql.end();
  }
  return url.toString();
}

/** Pids of API processes that logged "api listening", in order. */
function listeningApiPids(): number[] {
  return [...output.matchAll(/"pid":(\d+)[^\n]*"msg":"api listening"|"msg":"api listening"[^\n]*"pid":(\d+)/g)].map((m) =>
    Number(m[1] ?? m[2]),
  );
}

describe('npm start under its supervisor', () => {
  it('restarts a SIGKILLed worker and API process while a Golden Path waits, keeps answering on the shared port, and completes the run', async () => {
    // A database of its own, dropped first: the admin key is generated only when no key exists,
    // and other files leave keys in the shared test database. `npm start` creates and migrates it.
    const databaseUrl = await freshDatabase(inject('databaseUrl'), 'supervisor');
    const [apiPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    const run = `sup-${randomUUID().slice(0, 8)}`;
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${run}:`,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${uiPort}`,
      TEMPORAL_TASK_QUEUE_PREFIX: run,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      API_PROCESSES: '2',
      METRICS_PORT: '0',
      WORKER_METRICS_PORT: '0',
      WORKER_SDK_METRICS_PORT: '0',
      // The connector process must not take the fixed default metrics port.
      CONNECTORS_METRICS_PORT: '0',
      SUPERVISOR_BACKOFF_INITIAL_MS: '200',
      // The admin key belongs to the admin user, so a very urgent order would wait for a second
      // person; this test is about restarts, not four eyes.
      DECISION_FOUR_EYES_PRIORITY: 'none',
    };
    const base = `http://127.0.0.1:${apiPort}`;
    // The same entry `npm start` runs after its bootstrap: `tsx scripts/start.ts` (here without the
    // tsx CLI's wrapper process, so the pid is the launcher's own).
    launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
    launcher.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const launcherExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      launcher!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const check = <T>(value: T | undefined): T | undefined => {
      if (launcher!.exitCode !== null) throw new Error(`npm start exited: ${output.slice(-3000)}`);
      return value;
    };

    await waitUntil('npm start to print its URLs', () => check(output.includes('Smart Maintenance is starting') || undefined), {
      timeoutMs: 150_000,
      intervalMs: 250,
    });
    // The worker loads the bundle the launcher built, instead of running webpack itself.
    expect(output).toMatch(/\[start\] workflow bundle (built in \d+ ms|unchanged): .*workflow-bundle-[0-9a-f]{16}\.js/);
    expect(output).not.toContain('prebuilt workflow bundle not found');
    const [temporalPid] = startedPids('temporal');
    const [workerPid] = startedPids('worker');
    const [api1Pid] = startedPids('api-1');
    const [api2Pid] = startedPids('api-2');
    for (const pid of [temporalPid, workerPid, api1Pid, api2Pid]) {
      expect(pid).toBeGreaterThan(0);
      pids.add(pid!);
    }
    // Tracked too, so a failed run never leaves a connector process behind.
    for (const pid of startedPids('connectors')) pids.add(pid);
    // The services run the esbuild bundles (scripts/build-server.ts), not their TypeScript through tsx.
    const argv = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(argv(workerPid!)).toContain(path.join(projectRoot, 'dist', 'server', 'worker.cjs'));
    expect(argv(api1Pid!)).toContain(path.join(projectRoot, 'dist', 'server', 'api.cjs'));
    expect(argv(startedPids('connectors')[0]!)).toContain(path.join(projectRoot, 'dist', 'server', 'connectors.cjs'));
    for (const pid of [workerPid!, api1Pid!]) expect(argv(pid)).not.toContain('tsx');
    await waitUntil('both API processes listening', () => check(listeningApiPids().length >= 2 || undefined), { timeoutMs: 90_000 });
    expect(new Set(listeningApiPids())).toEqual(new Set([api1Pid, api2Pid]));
    // Two API processes bootstrapped side by side: exactly one generated the admin key.
    expect(output.match(/Generated an admin API key/g)).toHaveLength(1);
    const key = readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();
    const api = async (route: string, init: { method?: string; json?: unknown } = {}) => {
      const res = await fetch(`${base}${route}`, {
        method: init.method ?? 'GET',
        headers: { 'X-API-Key': key, ...(init.json ? { 'Content-Type': 'application/json' } : {}) },
        body: init.json ? JSON.stringify(init.json) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
    };

    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection });
      const taskQueue = mainTaskQueue(env);
      const polling = (pid: number) =>
        waitUntil(
          `worker ${pid} polling ${taskQueue}`,
          async () => {
            check(undefined);
            const res = await client.workflowService.describeTaskQueue({
              namespace: 'default',
              taskQueue: { name: taskQueue },
              taskQueueType: 1,
            });
            return res.pollers?.some((p) => p.identity?.startsWith(`${pid}@`)) ? true : undefined;
          },
          { timeoutMs: 90_000, intervalMs: 250 },
        );
      await polling(workerPid!);

      // A Golden Path that stops at its human decision: nothing in flight when the worker dies.
      const started = await api('/api/v1/demo/golden-path', { method: 'POST', json: { sensor_events: 40, scenario: 'drift' } });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const correlationId = started.body!.correlation_id as string;
      const status = () => api(`/api/v1/demo/golden-path/status/${correlationId}`).then((r) => r.body);
      const waiting = await waitUntil(
        'the run waiting for its decision',
        async () => {
          const doc = check(await status());
          if (doc?.status === 'failed') throw new Error(JSON.stringify(doc));
          return doc?.status === 'waiting_for_decision' ? doc : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );

      process.kill(workerPid!, 'SIGKILL');
      const restarted = await waitUntil('a new worker started', () => check(startedPids('worker')[1]), { timeoutMs: 30_000 });
      pids.add(restarted);
      expect(restarted).not.toBe(workerPid);
      expect(output).toContain('[start] worker exited (signal SIGKILL); restarting in 200 ms (restart 1 of 5)');
      await polling(restarted);

      // One API process dies under a steady stream of requests to the shared port.
      let answered = 0;
      let answeredWhileDown = 0;
      let failed = 0;
      let killed = false;
      let back = false;
      let streaming = true;
      // Three clients, each one request at a time: a request in flight on the killed process may hang
      // until its timeout, and one stuck client must not hide that the others are answered meanwhile.
      const CLIENTS = 3;
      const requestLoop = async () => {
        while (streaming) {
          const res = await api('/api/v1/demo/settings').catch(() => ({ status: 0 }));
          if (res.status === 200) {
            answered += 1;
            if (killed && !back) answeredWhileDown += 1;
          } else failed += 1;
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const stream = Promise.all(Array.from({ length: CLIENTS }, requestLoop));
      await waitUntil('requests answered before the kill', () => (answered >= 20 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 20,
      });
      process.kill(api1Pid!, 'SIGKILL');
      killed = true;
      const api1Again = await waitUntil('a new api-1 started', () => check(startedPids('api-1')[1]), { timeoutMs: 30_000 });
      pids.add(api1Again);
      await waitUntil('the new api-1 listening', () => check(listeningApiPids().includes(api1Again) || undefined), {
        timeoutMs: 90_000,
      });
      back = true;
      const answeredBack = answered;
      await waitUntil('requests answered after the restart', () => (answered >= answeredBack + 20 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 20,
      });
      streaming = false;
      await stream;
      expect(output).toContain('[start] api-1 exited (signal SIGKILL); restarting in 200 ms (restart 1 of 5)');
      // api-2 answered alone while api-1 was down; at most each client's request in flight on api-1 was lost.
      expect(answeredWhileDown).toBeGreaterThan(0);
      expect(failed).toBeLessThanOrEqual(CLIENTS);

      // The decision goes to the new worker, which replays the history and finishes the run.
      const decided = await api('/api/v1/decisions/submit', {
        method: 'POST',
        json: {
          request_id: waiting.decision_request_id,
          decision: 'approved',
          operator_id: 'eva.santos',
          justification: 'after the restart',
        },
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
      const done = await waitUntil(
        'the run completed',
        async () => {
          const doc = check(await status());
          return doc?.status === 'completed' || doc?.status === 'failed' ? doc : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      expect(done.status).toBe('completed');

      // Only the killed processes were restarted.
      expect(startedPids('worker')).toEqual([workerPid, restarted]);
      expect(startedPids('api-1')).toEqual([api1Pid, api1Again]);
      expect(startedPids('api-2')).toEqual([api2Pid]);
      expect(startedPids('temporal')).toEqual([temporalPid]);
    } finally {
      await connection.close();
    }

    launcher.kill('SIGTERM');
    const exit = await Promise.race([launcherExit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(exit, output.slice(-2000)).toEqual({ code: 0, signal: null });
    expect(output).not.toMatch(/restarting in \d+ ms \(restart 2 of/);
    for (const pid of pids) expect(isAlive(pid), `pid ${pid} still running`).toBe(false);
  }, 300_000);
});
