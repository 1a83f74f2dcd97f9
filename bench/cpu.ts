import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Pids of every process whose command name is `comm` (e.g. all PostgreSQL backends). */
export function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: (total - (f[3] ?? 0) - (f[4] ?? 0)) / TICKS, total: total / TICKS };
}

/**
 * Measures the CPU each named process group used while `body` ran, in cores (CPU seconds per
 * wall second), beside the machine's busy cores: on a 2-core machine, the limit shows as a sum
 * near 2. Groups are resolved when measuring starts (PostgreSQL backends come and go, so the
 * "postgres" group is read as all processes of that name at the start and at the end).
 */
export async function measureCpu<T>(
  groups: Record<string, () => number[]>,
  body: () => Promise<T>,
): Promise<{ result: T; seconds: number; cores: Record<string, number>; machineBusyCores: number }> {
  const sample = () =>
    Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids().reduce((a, p) => a + cpuSeconds(p), 0)]));
  const self0 = process.cpuUsage();
  const before = sample();
  const m0 = machineCpu();
  const t0 = performance.now();
  const result = await body();
  const seconds = (performance.now() - t0) / 1000;
  const after = sample();
  const m1 = machineCpu();
  const self = process.cpuUsage(self0);
  const round = (x: number) => Math.round(x * 100) / 100;
  const cores: Record<string, number> = {};
  for (const name of Object.keys(groups)) cores[name] = round(Math.max(0, after[name]! - before[name]!) / seconds);
  cores.bench = round((self.user + self.system) / 1e6 / seconds);
  // /proc/stat's total counts every core; busy seconds over wall seconds is busy cores.
  return { result, seconds, cores, machineBusyCores: round((m1.busy - m0.busy) / seconds) };
}
