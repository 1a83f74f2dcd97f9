import { describe, expect, it } from 'vitest';
import { gapToBound, generateInstance, solveSchedule } from '../../scheduling';
import { lowerBoundOnAvoidableCost } from '../../scheduling/lowerBound';

describe('lowerBoundOnAvoidableCost', () => {
  it('stays at or below the avoidable cost of every plan the solver finds', async () => {
    // Seed 3 has a job whose only end on one technician is a shift's last instant: a bound that
    // dropped that option came out above the plan's cost.
    for (const seed of [1, 2, 3, 4]) {
      const { problem, now } = generateInstance(seed, { technicians: 8, jobs: 30, horizonDays: 7 });
      const result = solveSchedule(problem, { now, seed });
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
