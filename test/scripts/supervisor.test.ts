import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor, backoffMs, type SupervisorOptions } from '../../scripts/supervisor';

/** Small fake children: `node -e` scripts that crash at once, or run until signalled. */
const CRASH = 'process.exit(3)';
const RUN = 'setInterval(() => {}, 1000)';
/** Ignores SIGTERM, so only the SIGKILL after the grace period ends it. */
const STUBBORN = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";

const spawned: ChildProcess[] = [];
function node(script: string): ChildProcess {
  const proc = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  spawned.push(proc);
  return proc;
}

const alive = (proc: ChildProcess) => proc.exitCode === null && proc.signalCode === null;
const exited = (proc: ChildProcess) =>
  alive(proc) ? new Promise<void>((resolve) => proc.once('exit', () => resolve())) : Promise.resolve();

afterEach(() => {
  for (const proc of spawned.splice(0)) if (alive(proc)) proc.kill('SIGKILL');
});

function harness(overrides: Partial<SupervisorOptions> = {}) {
  const lines: string[] = [];
  let resolveStopped: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (resolveStopped = resolve));
  const supervisor = new Supervisor({
    maxRestarts: 5,
    windowMs: 60_000,
    initialBackoffMs: 50,
    maxBackoffMs: 400,
    stopGraceMs: 2000,
    log: (line) => lines.push(line),
    onStopped: (code) => resolveStopped(code),
    ...overrides,
  });
  return { supervisor, lines, stopped };
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('backoffMs', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, 500, 15_000))).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });
});

describe('Supervisor', () => {
  it('restarts a child that crashed, logging its exit code, and keeps the others running', async () => {
    const { supervisor, lines } = harness();
    const other = supervisor.add({ name: 'temporal', start: () => node(RUN) });
    let starts = 0;
    const first = supervisor.add({ name: 'worker', start: () => node(++starts === 1 ? CRASH : RUN) });
    await until('the worker restarted', () => starts === 2);
    const second = supervisor.current('worker')!;
    expect(second.pid).not.toBe(first.pid);
    expect(alive(other)).toBe(true);
    expect(lines).toContain('[start] worker exited (exit code 3); restarting in 50 ms (restart 1 of 5)');
    await until('the restarted worker running', () => second.pid !== undefined);
    expect(alive(second)).toBe(true);
    await supervisor.stop(0);
  });

  it('logs the signal that killed a child and restarts it', async () => {
    const { supervisor, lines } = harness();
    const first = supervisor.add({ name: 'api', start: () => node(RUN) });
    first.kill('SIGKILL');
    await until('the api restarted', () => supervisor.current('api') !== first);
    expect(lines).toContain('[start] api exited (signal SIGKILL); restarting in 50 ms (restart 1 of 5)');
    await supervisor.stop(0);
  });

  it('doubles the delay before each restart within the window', async () => {
    const { supervisor, lines, stopped } = harness({ maxRestarts: 4, initialBackoffMs: 40, maxBackoffMs: 200 });
    const startedAt: number[] = [];
    supervisor.add({
      name: 'worker',
      start: () => {
        startedAt.push(Date.now());
        return node(CRASH);
      },
    });
    expect(await stopped).toBe(1);
    const delays = lines.flatMap((l) => /restarting in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays).toEqual([40, 80, 160, 200]);
    // Each gap holds the delay plus the crash itself, so it is at least the announced delay.
    const gaps = startedAt.slice(1).map((t, i) => t - startedAt[i]!);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(delays[i]! - 5));
  });

  it('gives up once the budget is spent: stops every other child and reports a non-zero exit code', async () => {
    const { supervisor, lines, stopped } = harness({ maxRestarts: 2 });
    const temporal = supervisor.add({ name: 'temporal', start: () => node(RUN) });
    let workerStarts = 0;
    supervisor.add({
      name: 'worker',
      start: () => {
        workerStarts++;
        return node(CRASH);
      },
    });
    const api = supervisor.add({ name: 'api', start: () => node(RUN) });
    expect(await stopped).toBe(1);
    expect(workerStarts).toBe(3);
    expect(alive(temporal)).toBe(false);
    expect(alive(api)).toBe(false);
    expect(api.signalCode).toBe('SIGTERM');
    expect(temporal.signalCode).toBe('SIGTERM');
    expect(lines.at(-1)).toContain(
      '[start] worker exited (exit code 3) after 2 restarts in 60 s; restart budget spent, stopping everything',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(workerStarts).toBe(3);
  });

  it('treats a child that cannot be spawned at all as dead, and gives up once the budget is spent', async () => {
    const { supervisor, lines, stopped } = harness({ maxRestarts: 1 });
    const other = supervisor.add({ name: 'api', start: () => node(RUN) });
    supervisor.add({ name: 'temporal', start: () => spawn('/nonexistent/temporal-cli', [], { stdio: 'ignore' }) });
    expect(await stopped).toBe(1);
    expect(lines.filter((l) => /temporal exited \(spawn \/nonexistent\/temporal-cli ENOENT\); restarting in 50 ms/.test(l))).toHaveLength(
      1,
    );
    expect(lines.at(-1)).toContain('restart budget spent, stopping everything');
    expect(alive(other)).toBe(false);
  });

  it('forgets restarts older than the window', async () => {
    const { supervisor, lines } = harness({ maxRestarts: 1, windowMs: 150, initialBackoffMs: 200, maxBackoffMs: 200 });
    let starts = 0;
    supervisor.add({ name: 'worker', start: () => node(++starts <= 3 ? CRASH : RUN) });
    await until('the fourth start', () => starts === 4);
    expect(lines.filter((l) => l.includes('restarting in'))).toHaveLength(3);
    expect(lines.some((l) => l.includes('budget spent'))).toBe(false);
    await supervisor.stop(0);
  });

  it('on stop restarts nothing and stops every child, last added first', async () => {
    const { supervisor, stopped } = harness({ initialBackoffMs: 100 });
    const order: string[] = [];
    const add = (name: string) => {
      const proc = supervisor.add({ name, start: () => node(RUN) });
      proc.once('exit', () => order.push(name));
      return proc;
    };
    const temporal = add('temporal');
    const worker = add('worker');
    const api = add('api');
    // A child dying while the stop is under way must not come back.
    worker.kill('SIGKILL');
    await exited(worker);
    void supervisor.stop(0);
    expect(await stopped).toBe(0);
    expect(order).toEqual(['worker', 'api', 'temporal']);
    expect([temporal, worker, api].every((p) => !alive(p))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(supervisor.current('worker')).toBe(worker);
    expect(() => supervisor.add({ name: 'late', start: () => node(RUN) })).toThrow(/stopping/);
  });

  it('SIGKILLs a child that ignores SIGTERM for longer than the grace period', async () => {
    const { supervisor, lines, stopped } = harness({ stopGraceMs: 300 });
    const stubborn = supervisor.add({ name: 'api', start: () => node(STUBBORN) });
    // Let the child install its SIGTERM handler first.
    await new Promise((r) => setTimeout(r, 500));
    void supervisor.stop(0);
    expect(await stopped).toBe(0);
    expect(stubborn.signalCode).toBe('SIGKILL');
    expect(lines).toContain('[start] api did not stop in 300 ms; killing it');
  });
});
