import { checkHardConstraints, generateInstance, greedyFirstFit, solveSchedule } from '../scheduling';
import type { BenchSection } from './benchSection';

/**
 * The default solver (ALNS) against the annealing baseline and greedy first-fit on three seeded
 * instances, on the avoidable cost (bench/scheduling.ts has the full table with the LP bound).
 */
export const schedulingSection: BenchSection = {
  name: 'scheduling',
  async run() {
    const cases = [
      { seed: 2, technicians: 8, jobs: 30, horizonDays: 7 },
      { seed: 7, technicians: 12, jobs: 80, horizonDays: 7 },
      { seed: 9, technicians: 20, jobs: 200, horizonDays: 14 },
    ];
    let greedyCost = 0;
    let baselineCost = 0;
    let optCost = 0;
    let unavoidable = 0;
    let greedyUnassigned = 0;
    let optUnassigned = 0;
    let violations = 0;
    let ms = 0;
    for (const { seed, ...size } of cases) {
      const { problem, now } = generateInstance(seed, size);
      const g = greedyFirstFit(problem, now);
      baselineCost += solveSchedule(problem, { now, seed, algorithm: 'annealing' }).totalCost;
      const t0 = performance.now();
      const o = solveSchedule(problem, { now, seed });
      ms += performance.now() - t0;
      greedyCost += g.totalCost;
      optCost += o.totalCost;
      unavoidable += o.quality.unavoidablePenalty;
      greedyUnassigned += g.unassigned.length;
      optUnassigned += o.unassigned.length;
      violations += checkHardConstraints(problem, o).length;
    }
    const saving = Math.round((1 - optCost / greedyCost) * 1000) / 10;
    const avoidable = (total: number) => Math.round(total - unavoidable);
    return {
      json: {
        cases,
        greedyCost,
        baselineCost,
        optCost,
        unavoidable,
        greedyUnassigned,
        optUnassigned,
        violations,
        solve_ms: Math.round(ms),
      },
      rows: [
        [
          'scheduling avoidable cost: ALNS / annealing baseline / greedy (3 instances)',
          `${avoidable(optCost)} / ${avoidable(baselineCost)} / ${avoidable(greedyCost)}`,
          `ALNS/baseline ${Math.round((1000 * (optCost - unavoidable)) / (baselineCost - unavoidable)) / 1000}; unavoidable penalty ${unavoidable}`,
        ],
        [
          'scheduling optimiser vs greedy first-fit (3 seeded instances, 310 jobs)',
          `total cost ${Math.round(optCost)} vs ${Math.round(greedyCost)} (${saving} % lower)`,
          `unassigned ${optUnassigned} vs ${greedyUnassigned}; hard violations ${violations}; solve ${Math.round(ms)} ms`,
        ],
      ],
    };
  },
};
