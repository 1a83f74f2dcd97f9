/**
 * Scheduling: greedy first-fit, the single-job annealing (baseline, `algorithm: 'annealing'`) and
 * the default adaptive large-neighbourhood search side by side on the ten seeded instances.
 * Run: npx tsx bench/scheduling.ts                  (all instances, against the stored best-known plans)
 *      npx tsx bench/scheduling.ts --only=8,9       (some instances)
 *      npx tsx bench/scheduling.ts --best-known     (first re-runs the long searches that set the
 *                                                     reference: 10× the default iterations, 3 seeds;
 *                                                     about 10 min per 200-job instance here)
 *      npx tsx bench/scheduling.ts --no-bound       (skip the LP bound, 3–6 s per 200-job instance)
 * Every figure is measured at run time, all plans costed with the same `evaluateSchedule`.
 * "Avoidable" is the total minus the penalty of jobs that have no feasible start anywhere (the same
 * in every plan). "Best known" is the cheapest plan any run has found (bench/schedulingReference.ts),
 * an upper bound on the optimum; the LP bound (scheduling/lowerBound.ts) is a lower bound on it.
 * Times: wall clock and the process's CPU time; on a shared machine the CPU time is the steadier one.
 */
import { performance } from 'node:perf_hooks';
import { generateInstance, greedyFirstFit, solveSchedule } from '../scheduling';
import { lowerBoundOnAvoidableCost } from '../scheduling/lowerBound';
import { BENCH_INSTANCES, readBestKnown, refreshBestKnown } from './schedulingReference';

const BEST_KNOWN_FACTOR = 10;
const BEST_KNOWN_SEEDS = 3;

function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const ratio = (a: number, b: number): number => Math.round((1000 * a) / b) / 1000;
const argument = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function run(): Promise<void> {
  const only = argument('only')?.split(',').map(Number);
  const instances = BENCH_INSTANCES.filter((i) => !only || only.includes(i.seed));
  const withBound = !process.argv.includes('--no-bound');
  const reference = process.argv.includes('--best-known')
    ? refreshBestKnown(instances, BEST_KNOWN_FACTOR, BEST_KNOWN_SEEDS, (line) => console.log(line))
    : readBestKnown();
  const rows = [];
  for (const { seed, ...size } of instances) {
    const { problem, now } = generateInstance(seed, size);
    const greedy = timed(() => greedyFirstFit(problem, now));
    const baseline = timed(() => solveSchedule(problem, { now, seed, algorithm: 'annealing' }));
    const alns = timed(() => solveSchedule(problem, { now, seed }));
    const fixed = alns.value.quality.unavoidablePenalty;
    const avoid = (total: number) => total - fixed;
    const [g, b, n] = [greedy, baseline, alns].map((r) => avoid(r.value.totalCost)) as [number, number, number];
    const lb = withBound ? (await lowerBoundOnAvoidableCost(problem, now)).avoidableCostBound : null;
    const stored = reference[String(seed)]?.avoidableCost;
    const best = Math.min(stored ?? Infinity, b, n);
    rows.push({
      seed,
      size: `${size.technicians}×${size.jobs}`,
      unavoidable: fixed,
      'greedy avoid': Math.round(g),
      'baseline avoid': Math.round(b),
      'new avoid': round2(n),
      'base/greedy': ratio(b, g),
      'new/greedy': ratio(n, g),
      'new/base': ratio(n, b),
      'LP bound': lb === null ? '—' : Math.round(lb),
      'gap to bound %': lb === null ? '—' : round2((100 * (n - lb)) / lb),
      'best known': round2(best) + (stored === undefined || best < stored - 1e-9 ? '*' : ''),
      'gap to best %': round2((100 * (n - best)) / best),
      'hard viol. g/b/n': `${greedy.value.hardViolations}/${baseline.value.hardViolations}/${alns.value.hardViolations}`,
      'base ms': Math.round(baseline.ms),
      'new ms': Math.round(alns.ms),
      'new cpu ms': Math.round(alns.cpuMs),
    });
  }
  console.table(rows);
  const violations = rows.reduce((s, r) => s + Number(r['hard viol. g/b/n'].split('/')[2]), 0);
  const worstGap = Math.max(...rows.map((r) => r['gap to best %']));
  const within = rows.filter((r) => r['gap to best %'] <= 1).length;
  const large = rows.filter((r) => r.size.endsWith('×200'));
  console.log(
    `default solve within 1 % of the best-known avoidable cost on ${within}/${rows.length} instances (worst ${worstGap} %); ` +
      `hard violations: ${violations}; 200 jobs: ${large.map((r) => `${r['new ms']} ms wall / ${r['new cpu ms']} ms cpu`).join(', ') || '—'}` +
      (rows.some((r) => r['best known'].endsWith('*')) ? '\n* no stored figure, or this run beat it: run with --best-known' : ''),
  );
  if (violations > 0) process.exitCode = 1;
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
