import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHardConstraints, generateInstance, greedyFirstFit, solveSchedule } from '../../scheduling';

describe('solveSchedule on seeded random instances', () => {
  it('never breaks a hard rule and accounts for every job', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, technicians, jobs, horizonDays) => {
          const { problem, now } = generateInstance(seed, { technicians, jobs, horizonDays });
          const result = solveSchedule(problem, { now, seed, maxIterations: 1_500 });
          expect(checkHardConstraints(problem, result)).toEqual([]);
          expect(result.hardViolations).toBe(0);
          expect(result.assignments.length + result.unassigned.length).toBe(jobs);
        },
      ),
      { numRuns: 60, seed: 20250303 },
    );
  });

  it('costs no more than greedy first-fit everywhere and strictly less on most instances', () => {
    let strictlyBetter = 0;
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    for (const seed of seeds) {
      const { problem, now } = generateInstance(seed, { technicians: 6 + (seed % 5), jobs: 25 + 3 * seed, horizonDays: 7 });
      const greedy = greedyFirstFit(problem, now);
      // A short search suffices: it starts from the cheaper of two constructions, one of them first-fit itself.
      const optimised = solveSchedule(problem, { now, seed, maxIterations: 4_000 });
      expect(greedy.hardViolations).toBe(0);
      expect(optimised.totalCost).toBeLessThanOrEqual(greedy.totalCost + 1e-6);
      expect(optimised.unassigned.length).toBeLessThanOrEqual(greedy.unassigned.length);
      if (optimised.totalCost < greedy.totalCost - 1e-6) strictlyBetter++;
    }
    expect(strictlyBetter).toBeGreaterThanOrEqual(0.8 * seeds.length);
  });

  it('improves on its own construction through local search on most instances', () => {
    let improved = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { problem, now } = generateInstance(seed, { technicians: 10, jobs: 60, horizonDays: 7 });
      const result = solveSchedule(problem, { now, seed, maxIterations: 4_000 });
      expect(result.totalCost).toBeLessThanOrEqual(result.stats.initialCost + 1e-6);
      if (result.totalCost < result.stats.initialCost - 1e-6) improved++;
    }
    expect(improved).toBeGreaterThanOrEqual(7);
  });
});
