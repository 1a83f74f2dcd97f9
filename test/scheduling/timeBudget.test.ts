import { describe, expect, it } from 'vitest';
import { defaultIterations, generateInstance, solveSchedule } from '../../scheduling';

/** A clock that advances a fixed step on every read: time-driven runs become reproducible in a test. */
function steppingClock(stepMs: number): () => number {
  let ms = 0;
  return () => (ms += stepMs);
}

describe('solveSchedule — time budget', () => {
  it('honours a time budget given without a clock (it reads performance.now)', () => {
    const { problem, now } = generateInstance(3, { technicians: 6, jobs: 25, horizonDays: 7 });
    const result = solveSchedule(problem, { now, seed: 3, timeBudgetMs: 0 });
    expect(result.stats).toEqual(expect.objectContaining({ iterations: 0, stoppedBy: 'time_budget' }));
    expect(result.totalCost).toBeCloseTo(result.stats.initialCost, 6);
    expect(result.hardViolations).toBe(0);
  });

  it('alone, drives the search past the default iteration cap until the clock runs out', () => {
    const { problem, now } = generateInstance(3, { technicians: 3, jobs: 6, horizonDays: 7 });
    const run = () => solveSchedule(problem, { now, seed: 3, timeBudgetMs: 500, clock: steppingClock(1) });
    const result = run();
    expect(result.stats.stoppedBy).toBe('time_budget');
    expect(result.stats.iterations).toBeGreaterThan(defaultIterations(6));
    expect(result.totalCost).toBeLessThanOrEqual(result.stats.initialCost + 1e-9);
    expect(result.hardViolations).toBe(0);
    // The same clock readings give the same plan: only the clock makes a time-driven run vary.
    expect(run().assignments).toEqual(result.assignments);
  });

  it('with an iteration cap, is only a safety net: a budget that is not reached leaves the plan unchanged', () => {
    const { problem, now } = generateInstance(4, { technicians: 6, jobs: 25, horizonDays: 7 });
    const capped = solveSchedule(problem, { now, seed: 4, maxIterations: 3_000 });
    const withBudget = solveSchedule(problem, { now, seed: 4, maxIterations: 3_000, timeBudgetMs: 1e9, clock: steppingClock(1) });
    expect(withBudget.assignments).toEqual(capped.assignments);
    expect(withBudget.stats).toEqual(capped.stats);
  });
});
