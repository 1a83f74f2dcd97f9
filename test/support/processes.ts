import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { API_NODE_FLAGS } from '../../api/nodeFlags';
import { WORKER_NODE_FLAGS } from '../../temporal/nodeFlags';
import { projectRoot } from '../../config';

/**
 * The platform's real entry points run as child processes, so reliability tests can SIGKILL them
 * the way an OOM killer or a lost node would. Every child is tracked: `killAllServices()` in an
 * afterAll/afterEach hook (and a process 'exit' safety net) leaves no orphan behind a failed test.
 */

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A free loopback TCP port (released before returning, so a child can bind it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far (kept whole: tests grep it). */
  output(): string;
  /** Resolves with the exit code (or null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** SIGKILL now and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Service entry points this module knows how to start with `node --import tsx`. */
export type Entry = 'api/server.ts' | 'worker/runWorker.ts' | 'connectors/runConnectors.ts';

/**
 * Starts `node --import tsx <entry>` from the project root with exactly `env` on top of PATH and
 * HOME (nothing else from the test process leaks in, so a developer's shell cannot redirect it).
 */
export function spawnService(entry: Entry, env: Record<string, string>): ServiceProcess {
  const flags = entry === 'api/server.ts' ? API_NODE_FLAGS : entry === 'worker/runWorker.ts' ? WORKER_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', entry], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn ${entry}`);
  live.add(child);
  const chunks: string[] = [];
  child.stdout!.on('data', (d: Buffer) => chunks.push(d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    pid: child.pid,
    output: () => chunks.join(''),
    exited,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 3000) {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** SIGKILLs every child this module started that is still running. For afterAll/afterEach. */
export async function killAllServices(): Promise<void> {
  const waits = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
}

/** Polls `check` until it returns a value other than undefined, or fails naming `what`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
}

export interface ApiProcess {
  readonly baseUrl: string;
  readonly port: number;
  /** The current process (replaced by `restart`). */
  proc: ServiceProcess;
  /** All output of every incarnation of this API, in order. */
  output(): string;
  /** Starts a new process on the same port with the same environment, once the old one is gone. */
  restart(): Promise<void>;
}

/**
 * `api/server.ts` as a child process on a free port; resolves once it answers HTTP (any status:
 * /health may well be 503 when a test has taken a dependency away on purpose).
 */
export async function startApiProcess(env: Record<string, string>, opts: { readyTimeoutMs?: number } = {}): Promise<ApiProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Every test client is loopback, which the per-address limits do not exempt: raised unless a test
  // sets them; no metrics listener unless a test asks for one (a fixed port would clash).
  const fullEnv = {
    NODE_ENV: 'test',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    AUTH_FAILURES_PER_MINUTE: '1000000',
    KEYLESS_REQUESTS_PER_MINUTE: '1000000',
    METRICS_PORT: '0',
    ...env,
  };
  const earlier: string[] = [];
  const launch = async (): Promise<ServiceProcess> => {
    const proc = spawnService('api/server.ts', fullEnv);
    try {
      await waitUntil(
        `the API on ${baseUrl}`,
        async () => {
          if (proc.child.exitCode !== null) throw new Error(`the API exited with ${proc.child.exitCode}: ${proc.output().slice(-2000)}`);
          const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(3000) });
          await res.arrayBuffer();
          return true;
        },
        { timeoutMs: opts.readyTimeoutMs ?? 90_000, intervalMs: 100 },
      );
    } catch (err) {
      await proc.kill();
      throw new Error(`${(err as Error).message}\n${proc.output().slice(-2000)}`);
    }
    return proc;
  };
  const api: ApiProcess = {
    baseUrl,
    port,
    proc: await launch(),
    output: () => earlier.join('') + api.proc.output(),
    async restart() {
      await api.proc.kill();
      earlier.push(api.proc.output());
      api.proc = await launch();
    },
  };
  return api;
}

/** `worker/runWorker.ts` as a child process (it bundles the workflows and loads the models itself). */
export function startWorkerProcess(env: Record<string, string>): ServiceProcess {
  return spawnService('worker/runWorker.ts', {
    NODE_ENV: 'test',
    WORKER_METRICS_PORT: '0',
    WORKER_SDK_METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
}
