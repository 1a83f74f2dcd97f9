import { checkHardConstraints, generateInstance, greedyFirstFit, solveSchedule } from '../scheduling';
import type { BenchSection } from './benchSection';

/** The optimiser against greedy first-fit on three seeded instances (bench/scheduling.ts has the full table). */
export const schedulingSection: BenchSection = {
  name: 'scheduling',
  async run() {
    const cases = [
      { seed: 2, technicians: 8, jobs: 30, horizonDays: 7 },
      { seed: 7, technicians: 12, jobs: 80, horizonDays: 7 },
      { seed: 9, technicians: 20, jobs: 200, horizonDays: 14 },
    ];
    let greedyCost = 0;
    let optCost = 0;
    let greedyUnassigned = 0;
    let optUnassigned = 0;
    let violations = 0;
    let ms = 0;
    for (const { seed, ...size } of cases) {
      const { problem, now } = generateInstance(seed, size);
      const g = greedyFirstFit(problem, now);
      const t0 = performance.now();
      const o = solveSchedule(problem, { now, seed });
      ms += performance.now() - t0;
      greedyCost += g.totalCost;
      optCost += o.totalCost;
      greedyUnassigned += g.unassigned.length;
      optUnassigned += o.unassigned.length;
      violations += checkHardConstraints(problem, o).length;
    }
    const saving = Math.round((1 - optCost / greedyCost) * 1000) / 10;
    return {
      json: { cases, greedyCost, optCost, greedyUnassigned, optUnassigned, violations, solve_ms: Math.round(ms) },
      rows: [
        [
          'scheduling optimiser vs greedy first-fit (3 seeded instances, 310 jobs)',
          `total cost ${Math.round(optCost)} vs ${Math.round(greedyCost)} (${saving} % lower)`,
          `unassigned ${optUnassigned} vs ${greedyUnassigned}; hard violations ${violations}; solve ${Math.round(ms)} ms`,
        ],
      ],
    };
  },
};
