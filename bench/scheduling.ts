/**
 * Scheduling: greedy first-fit, the single-job annealing (baseline, `algorithm: 'annealing'`) and
 * the default adaptive large-neighbourhood search side by side on seeded instances.
 * Run: npx tsx bench/scheduling.ts            (with a 20× long run of the default per instance)
 *      npx tsx bench/scheduling.ts --quick    (without the long runs)
 * Every figure is measured on this machine at run time, all plans costed with the same weights.
 * "Avoidable" is the total minus the penalty of jobs that have no feasible start anywhere (the
 * same in every plan); the bound is the LP relaxation of scheduling/lowerBound.ts, so "gap to
 * bound" is an upper limit on the true distance to the optimum.
 */
import { performance } from 'node:perf_hooks';
import { defaultIterations, generateInstance, greedyFirstFit, solveSchedule, type InstanceSize } from '../scheduling';
import { lowerBoundOnAvoidableCost } from '../scheduling/lowerBound';

const CASES: Array<{ seed: number } & InstanceSize> = [
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
const LONG_RUN_FACTOR = 20;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const pct = (value: number): number => Math.round(value * 100) / 100;
const ratio = (a: number, b: number): number => Math.round((1000 * a) / b) / 1000;

async function run(): Promise<void> {
  const long = !process.argv.includes('--quick');
  const rows = [];
  for (const { seed, ...size } of CASES) {
    const { problem, now } = generateInstance(seed, size);
    const greedy = timed(() => greedyFirstFit(problem, now));
    const baseline = timed(() => solveSchedule(problem, { now, seed, algorithm: 'annealing' }));
    const alns = timed(() => solveSchedule(problem, { now, seed }));
    const fixed = alns.value.quality.unavoidablePenalty;
    const avoid = (total: number) => total - fixed;
    const [g, b, n] = [greedy, baseline, alns].map((r) => avoid(r.value.totalCost)) as [number, number, number];
    const bound = timed(() => lowerBoundOnAvoidableCost(problem, now));
    const lb = (await bound.value).avoidableCostBound;
    let best = Math.min(b, n);
    if (long) {
      const longRun = solveSchedule(problem, { now, seed, maxIterations: LONG_RUN_FACTOR * defaultIterations(size.jobs) });
      best = Math.min(best, avoid(longRun.totalCost));
    }
    rows.push({
      seed,
      size: `${size.technicians}×${size.jobs}`,
      unavoidable: fixed,
      'greedy avoid': Math.round(g),
      'baseline avoid': Math.round(b),
      'new avoid': Math.round(n),
      'baseline/greedy': ratio(b, g),
      'new/baseline': ratio(n, b),
      'LP bound': lb === null ? '—' : Math.round(lb),
      'gap to bound %': lb === null ? '—' : pct((100 * (n - lb)) / lb),
      'gap to best %': pct((100 * (n - best)) / best),
      'hard viol. (g/b/n)': `${greedy.value.hardViolations}/${baseline.value.hardViolations}/${alns.value.hardViolations}`,
      'baseline ms': Math.round(baseline.ms),
      'new ms': Math.round(alns.ms),
    });
  }
  console.table(rows);
  const violations = rows.reduce((s, r) => s + Number(r['hard viol. (g/b/n)'].split('/')[2]), 0);
  const worstGap = Math.max(...rows.map((r) => r['gap to best %']));
  const slowest = Math.max(...rows.map((r) => r['new ms']));
  console.log(
    `new vs baseline avoidable cost: ${rows.filter((r) => r['new/baseline'] < 1).length}/${rows.length} lower; ` +
      `worst gap to the best plan found${long ? ` (incl. ${LONG_RUN_FACTOR}× runs)` : ''}: ${worstGap} %; ` +
      `hard violations: ${violations}; slowest default solve: ${slowest} ms`,
  );
  if (violations > 0) process.exitCode = 1;
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
