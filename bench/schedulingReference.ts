import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIterations, generateInstance, solveSchedule, type InstanceSize } from '../scheduling';

/**
 * The best-known avoidable cost of each bench instance: the cheapest plan that very long runs of the
 * default search found over several seeds. It stands in for "the optimum" when judging the default
 * solve; it is an upper bound on the true optimum, so a gap measured against it can only be smaller
 * than the true gap if some better plan exists that nobody has found yet (the LP bound gives the
 * other side). Long runs take many minutes, so the figures live in a file, recomputed on request
 * (`--best-known`), and a recomputation only ever lowers them.
 */

export const BENCH_INSTANCES: Array<{ seed: number } & InstanceSize> = [
  { seed: 1, technicians: 8, jobs: 30, horizonDays: 7 },
  { seed: 2, technicians: 8, jobs: 30, horizonDays: 7 },
  { seed: 3, technicians: 8, jobs: 30, horizonDays: 7 },
  { seed: 4, technicians: 8, jobs: 30, horizonDays: 7 },
  { seed: 5, technicians: 12, jobs: 80, horizonDays: 7 },
  { seed: 6, technicians: 12, jobs: 80, horizonDays: 7 },
  { seed: 7, technicians: 12, jobs: 80, horizonDays: 7 },
  { seed: 8, technicians: 20, jobs: 200, horizonDays: 14 },
  { seed: 9, technicians: 20, jobs: 200, horizonDays: 14 },
  { seed: 10, technicians: 20, jobs: 200, horizonDays: 14 },
];

export interface BestKnown {
  avoidableCost: number;
  /** How it was found, so anyone can reproduce it: solveSchedule(instance, { seed, maxIterations }). */
  seed: number;
  maxIterations: number;
}

const FILE = join(__dirname, 'scheduling-best-known.json');

export function readBestKnown(): Record<string, BestKnown> {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, BestKnown>;
  } catch {
    return {};
  }
}

/**
 * Runs the default search `factor`× its default iterations with `seeds` seeds per instance and
 * keeps, per instance, the cheaper of the stored figure and the best run. Returns the merged table.
 */
export function refreshBestKnown(
  instances: ReadonlyArray<{ seed: number } & InstanceSize>,
  factor: number,
  seeds: number,
  log: (line: string) => void,
): Record<string, BestKnown> {
  for (const { seed, ...size } of instances) {
    const { problem, now } = generateInstance(seed, size);
    const maxIterations = factor * defaultIterations(size.jobs);
    let best: BestKnown | undefined;
    for (let k = 1; k <= seeds; k++) {
      const runSeed = 1000 * k + seed;
      const result = solveSchedule(problem, { now, seed: runSeed, maxIterations });
      const avoidableCost = result.quality.avoidableCost;
      log(`instance ${seed}: seed ${runSeed} × ${maxIterations} iterations → ${avoidableCost.toFixed(2)}`);
      if (result.hardViolations === 0 && (best === undefined || avoidableCost < best.avoidableCost)) {
        best = { avoidableCost, seed: runSeed, maxIterations };
      }
    }
    // Re-read just before writing, so runs for different instances in parallel keep each other's figures.
    const table = readBestKnown();
    const stored = table[String(seed)];
    if (best !== undefined && (stored === undefined || best.avoidableCost < stored.avoidableCost - 1e-9)) {
      table[String(seed)] = best;
      writeFileSync(FILE, `${JSON.stringify(table, null, 2)}\n`);
    }
  }
  return readBestKnown();
}
