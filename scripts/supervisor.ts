/**
 * The process supervisor behind `npm start`: it starts each child, restarts one that dies with
 * exponential backoff inside a restart budget, and stops every child (last added first) on a
 * signal or once a child's budget is spent.
 *
 * Why a budget and not "restart forever": a worker that crashes at start-up (bad config, a
 * migration it needs missing) would otherwise loop quietly; after `maxRestarts` restarts inside
 * `windowMs` the supervisor stops everything and exits non-zero, so the failure is seen.
 */
import type { ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  /** Restarts of one child allowed within `windowMs`; one more death after that gives up. */
  maxRestarts: number;
  /** Sliding window over which restarts are counted. */
  windowMs: number;
  /** Delay before the first restart in the window; doubled for each further one. */
  initialBackoffMs: number;
  /** Upper bound of the delay. */
  maxBackoffMs: number;
  /** How long a child has after SIGTERM before it gets SIGKILL. */
  stopGraceMs?: number;
  log?: (line: string) => void;
  /** Called once, after every child is stopped, with the exit code the launcher should use. */
  onStopped?: (exitCode: number) => void;
}

export interface ChildSpec {
  name: string;
  /** Spawns the child; called again for every restart. */
  start: () => ChildProcess;
}

interface Supervised {
  spec: ChildSpec;
  proc: ChildProcess;
  /** Times of the restarts inside the window (oldest first). */
  restarts: number[];
  timer?: NodeJS.Timeout;
}

/** Delay before restart number `n` (1-based) within the window: initial × 2^(n-1), capped. */
export function backoffMs(n: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, n - 1));
}

export class Supervisor {
  private readonly children: Supervised[] = [];
  private stopping: Promise<void> | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: SupervisorOptions) {
    this.log = opts.log ?? ((line) => console.error(line));
  }

  /** True once stop() began: no child is started or restarted after that. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** The current process of the child called `name`. */
  current(name: string): ChildProcess | undefined {
    return this.children.find((c) => c.spec.name === name)?.proc;
  }

  /** Starts `spec` and keeps it running. Children are stopped in the reverse order they were added. */
  add(spec: ChildSpec): ChildProcess {
    if (this.stopping) throw new Error(`supervisor is stopping; ${spec.name} not started`);
    const child: Supervised = { spec, proc: spec.start(), restarts: [] };
    this.children.push(child);
    this.watch(child);
    return child.proc;
  }

  private watch(child: Supervised): void {
    const { proc, spec } = child;
    this.log(`[start] ${spec.name} started (pid ${proc.pid ?? '?'})`);
    let gone = false;
    const died = (why: string) => {
      if (gone) return;
      gone = true;
      this.onDeath(child, proc, why);
    };
    proc.once('exit', (code, signal) => died(signal ? `signal ${signal}` : `exit code ${code}`));
    // A child that could not be spawned at all (a missing binary) emits 'error' and never 'exit'.
    proc.on('error', (err) => {
      this.log(`[start] ${spec.name}: ${err.message}`);
      if (proc.pid === undefined) died(err.message);
    });
  }

  private onDeath(child: Supervised, proc: ChildProcess, why: string): void {
    const { spec } = child;
    if (this.stopping || child.proc !== proc) return;
    const now = Date.now();
    child.restarts = child.restarts.filter((t) => now - t < this.opts.windowMs);
    if (child.restarts.length >= this.opts.maxRestarts) {
      this.log(
        `[start] ${spec.name} exited (${why}) after ${child.restarts.length} restarts in ` +
          `${Math.round(this.opts.windowMs / 1000)} s; restart budget spent, stopping everything`,
      );
      void this.stop(1);
      return;
    }
    child.restarts.push(now);
    const n = child.restarts.length;
    const delay = backoffMs(n, this.opts.initialBackoffMs, this.opts.maxBackoffMs);
    this.log(`[start] ${spec.name} exited (${why}); restarting in ${delay} ms (restart ${n} of ${this.opts.maxRestarts})`);
    child.timer = setTimeout(() => {
      child.timer = undefined;
      if (this.stopping) return;
      try {
        child.proc = spec.start();
      } catch (err) {
        this.log(`[start] ${spec.name} could not be restarted: ${(err as Error).message}; stopping everything`);
        void this.stop(1);
        return;
      }
      this.watch(child);
    }, delay);
  }

  /** Stops every child, last added first (API, worker, Temporal), then calls onStopped(exitCode). */
  stop(exitCode: number): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      for (const child of this.children) clearTimeout(child.timer);
      for (const child of [...this.children].reverse()) await this.stopOne(child);
      this.opts.onStopped?.(exitCode);
    })();
    return this.stopping;
  }

  private async stopOne({ spec, proc }: Supervised): Promise<void> {
    if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const grace = this.opts.stopGraceMs ?? 15_000;
    const exited = new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), grace);
      proc.once('exit', () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    proc.kill('SIGTERM');
    if (!(await exited)) {
      this.log(`[start] ${spec.name} did not stop in ${grace} ms; killing it`);
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    }
  }
}
