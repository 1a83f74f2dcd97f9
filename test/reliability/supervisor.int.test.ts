import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../../config';
import { mainTaskQueue } from '../../temporal/taskQueues';
import { freePort, waitUntil } from '../support/processes';
import { TEST_REDIS_URL } from '../support/testEnv';

/**
 * The "kill the worker under `npm start`": the real launcher (scripts/start.ts) runs with
 * its own Temporal dev server, data directory and ports; the worker it started is SIGKILLed, the
 * supervisor must log why and start a new worker that polls again; then SIGTERM to the launcher
 * must leave no child behind. The workers load the workflow bundle the launcher prebuilt.
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

describe('npm start under its supervisor', () => {
  it('restarts a SIGKILLed worker, which polls again, and leaves no child behind after SIGTERM', async () => {
    const [apiPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    const run = `sup-${randomUUID().slice(0, 8)}`;
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${run}:`,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${uiPort}`,
      TEMPORAL_TASK_QUEUE_PREFIX: run,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      METRICS_PORT: '0',
      WORKER_METRICS_PORT: '0',
      WORKER_SDK_METRICS_PORT: '0',
      // The models are not what this test is about; loading them costs seconds per worker start.
      DISABLE_MODEL_LOADING: 'true',
      SUPERVISOR_BACKOFF_INITIAL_MS: '200',
    };
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
    const [apiPid] = startedPids('api');
    for (const pid of [temporalPid, workerPid, apiPid]) {
      expect(pid).toBeGreaterThan(0);
      pids.add(pid!);
    }

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

      process.kill(workerPid!, 'SIGKILL');
      const restarted = await waitUntil('a new worker started', () => check(startedPids('worker')[1]), { timeoutMs: 30_000 });
      pids.add(restarted);
      expect(restarted).not.toBe(workerPid);
      expect(output).toContain('[start] worker exited (signal SIGKILL); restarting in 200 ms (restart 1 of 5)');
      await polling(restarted);
      // Only the worker was restarted.
      expect(startedPids('api')).toEqual([apiPid]);
      expect(startedPids('temporal')).toEqual([temporalPid]);
    } finally {
      await connection.close();
    }

    launcher.kill('SIGTERM');
    const exit = await Promise.race([launcherExit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(exit, output.slice(-2000)).toEqual({ code: 0, signal: null });
    expect(output).not.toMatch(/restarting in \d+ ms \(restart 2 of/);
    for (const pid of pids) expect(isAlive(pid), `pid ${pid} still running`).toBe(false);
  }, 240_000);
});
