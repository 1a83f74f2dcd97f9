import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gapToBound, generateInstance, greedyFirstFit, solveSchedule } from '../../scheduling';
import { lowerBoundOnAvoidableCost } from '../../scheduling/lowerBound';

describe('lowerBoundOnAvoidableCost', () => {
  it('stays at or below the avoidable cost of every plan the solver finds', async () => {
    // Seed 3 has a job whose only end on one technician is a shift's last instant: a bound that
    // dropped that option came out above the plan's cost.
    for (const seed of [1, 2, 3, 4]) {
      const { problem, now } = generateInstance(seed, { technicians: 8, jobs: 30, horizonDays: 7 });
      const result = solveSchedule(problem, { now, seed, maxIterations: 3_000 });
      const bound = await lowerBoundOnAvoidableCost(problem, now);
      expect(bound.status).toBe('Optimal');
      expect(bound.unavoidablePenalty).toBe(result.quality.unavoidablePenalty);
      expect(bound.avoidableCostBound!).toBeGreaterThan(0);
      expect(bound.avoidableCostBound!).toBeLessThanOrEqual(result.quality.avoidableCost + 1e-6);
    }
  });

  it('turns a plan and its bound into a "within X % of the best possible" sentence', () => {
    expect(gapToBound(105, 100)).toEqual({
      gapPercent: 5,
      sentence: 'The avoidable cost 105.0 is within 5 % of the best possible (lower bound 100.0).',
    });
  });
});

describe('the per-job lower bound in every plan (quality.avoidableCostLowerBound)', () => {
  it("stays at or below the avoidable cost of the solver's and of greedy first-fit's plans", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 5, max: 40 }),
        (seed, technicians, jobs) => {
          const { problem, now } = generateInstance(seed, { technicians, jobs, horizonDays: 7 });
          for (const { quality } of [solveSchedule(problem, { now, seed, maxIterations: 1_500 }), greedyFirstFit(problem, now)]) {
            expect(quality.avoidableCostLowerBound).toBeGreaterThanOrEqual(0);
            expect(quality.avoidableCostLowerBound).toBeLessThanOrEqual(quality.avoidableCost + 1e-6);
            expect(quality.withinPercentOfBound).toBeCloseTo(
              gapToBound(quality.avoidableCost, quality.avoidableCostLowerBound).gapPercent,
              9,
            );
          }
        },
      ),
      { numRuns: 25, seed: 23 },
    );
  });

  it("is the plan's own cost when every job gets its cheapest slot alone", () => {
    // One technician, one job: the plan can do no better than the job's cheapest slot, so the
    // bound is tight (load balance is zero with a single technician).
    let checked = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { problem, now } = generateInstance(seed, { technicians: 1, jobs: 1, horizonDays: 7 });
      const { quality } = solveSchedule(problem, { now, seed });
      if (quality.avoidableCost <= 0) continue; // the job has no start at all, or costs nothing
      expect(quality.avoidableCostLowerBound).toBeCloseTo(quality.avoidableCost, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
