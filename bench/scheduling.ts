/**
 * Scheduling optimiser against greedy first-fit on seeded instances.
 * Run: npx tsx bench/scheduling.ts
 * Every figure is measured on this machine at run time; both plans are costed with the same weights
 * (DEFAULT_COST_WEIGHTS), and the total includes 1000 points per priority level for each job left
 * unassigned, so the soft columns show the planned jobs' costs on their own.
 */
import { performance } from 'node:perf_hooks';
import { generateInstance, greedyFirstFit, solveSchedule, type InstanceSize } from '../scheduling';

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

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const rows = CASES.map(({ seed, ...size }) => {
  const { problem, now } = generateInstance(seed, size);
  const greedy = timed(() => greedyFirstFit(problem, now));
  const optimised = timed(() => solveSchedule(problem, { now, seed }));
  const g = greedy.value;
  const o = optimised.value;
  return {
    seed,
    size: `${size.technicians}×${size.jobs}`,
    'greedy cost': Math.round(g.totalCost),
    'construction cost': Math.round(o.stats.initialCost),
    'optimiser cost': Math.round(o.totalCost),
    'saving %': Math.round((1000 * (g.totalCost - o.totalCost)) / g.totalCost) / 10,
    // Soft costs of the planned jobs only (risk, earliness, continuity, travel, load balance).
    'greedy soft': Math.round(g.totalCost - g.costBreakdown.unassigned),
    'optimiser soft': Math.round(o.totalCost - o.costBreakdown.unassigned),
    'greedy unassigned': g.unassigned.length,
    'optimiser unassigned': o.unassigned.length,
    'hard violations (g/o)': `${g.hardViolations}/${o.hardViolations}`,
    iterations: o.stats.iterations,
    'greedy ms': Math.round(greedy.ms),
    'optimiser ms': Math.round(optimised.ms),
  };
});

console.table(rows);
const violations = rows.reduce((s, r) => s + Number(r['hard violations (g/o)'].split('/')[1]), 0);
const better = rows.filter((r) => r['optimiser cost'] < r['greedy cost']).length;
console.log(`optimiser cheaper on ${better}/${rows.length} instances; optimiser hard violations: ${violations}`);
if (violations > 0) process.exitCode = 1;
