import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHardConstraints,
  evaluateSchedule,
  generateInstance,
  solveSchedule,
  type Assignment,
  type ScheduleProblem,
} from '../../scheduling';
import { constructByUrgency } from '../../scheduling/construct';
import { applyOperator, cheapestAloneCost, OPERATORS, recreateByPriority } from '../../scheduling/largeNeighbourhood';
import { prepareProblem } from '../../scheduling/prepare';
import { createPrng } from '../../scheduling/prng';
import { ScheduleState } from '../../scheduling/state';
import { toIso } from '../../scheduling/time';
import { resolveWeights } from '../../scheduling/weights';

/** The state's plan in the result's shape, for the independent checker and the cost yardstick. */
function planOf(problem: ScheduleProblem, state: ScheduleState) {
  const assignments = state.placements.flatMap((p, j) =>
    p === null
      ? []
      : [
          {
            jobId: problem.jobs[j]!.id,
            technicianId: problem.technicians[p.technicianIndex]!.id,
            start: toIso(p.start),
            end: toIso(p.end),
          },
        ],
  );
  const unassigned = state.placements.flatMap((p, j) =>
    p === null ? [{ jobId: problem.jobs[j]!.id, code: 'capacity_taken_by_other_jobs' as const, reason: '' }] : [],
  );
  return { assignments, unassigned };
}

describe('large-neighbourhood moves', () => {
  it('keep every plan hard-feasible and the incremental cost equal to evaluateSchedule after each move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 5, max: 35 }),
        fc.integer({ min: 0, max: 2 }),
        (seed, technicians, jobs, hot) => {
          const { problem, now } = generateInstance(seed, { technicians, jobs, horizonDays: 7 });
          const prepared = prepareProblem(problem, now, resolveWeights());
          const state = constructByUrgency(prepared);
          const rng = createPrng(seed);
          const ctx = { problem: prepared, state, rng, floor: cheapestAloneCost(prepared, new ScheduleState(prepared)) };
          // Accept everything (hot = 2), nothing (0) or a coin flip (1): kept and undone moves both get checked.
          const accept = () => (hot === 2 ? true : hot === 1 ? rng.next() < 0.5 : false);
          for (let step = 0; step < 3 * OPERATORS.length; step++) {
            const operator = OPERATORS[step % OPERATORS.length]!;
            const before = state.totalCost();
            const snapshot = JSON.stringify(state.snapshot());
            const changed = applyOperator(ctx, operator, accept);
            if (!changed) {
              expect(JSON.stringify(state.snapshot()), operator).toBe(snapshot);
              expect(state.totalCost()).toBeCloseTo(before, 6);
            }
            const plan = planOf(problem, state);
            expect(checkHardConstraints(problem, { now: now.toISOString(), ...plan } as never), operator).toEqual([]);
            const { totalCost } = evaluateSchedule(problem, plan.assignments, now);
            expect(Math.abs(state.totalCost() - totalCost), operator).toBeLessThan(1e-6 * Math.max(1, totalCost));
          }
        },
      ),
      { numRuns: 40, seed: 23 },
    );
  });
});

describe('recreateByPriority', () => {
  it('puts a ruined pool back feasibly, with exact cost bookkeeping, the same way for a seed and in more than one way over seeds', () => {
    const { problem, now } = generateInstance(5, { technicians: 12, jobs: 80, horizonDays: 7 });
    const prepared = prepareProblem(problem, now, resolveWeights());
    const start = constructByUrgency(prepared).snapshot();
    // A dense pool: the jobs of the two busiest technicians, so the order decides who gets which slot.
    const busiest = [...prepared.technicians.keys()]
      .sort((a, b) => start.filter((s) => s?.technicianIndex === b).length - start.filter((s) => s?.technicianIndex === a).length)
      .slice(0, 2);
    const pool = start.flatMap((s, j) => (s !== null && busiest.includes(s.technicianIndex) ? [j] : []));
    expect(pool.length).toBeGreaterThan(6);
    const recreate = (seed: number) => {
      const state = new ScheduleState(prepared);
      state.restore(start);
      for (const j of pool) state.remove(j);
      recreateByPriority(prepared, state, pool, createPrng(seed));
      const plan = planOf(problem, state);
      expect(checkHardConstraints(problem, { now: now.toISOString(), ...plan } as never)).toEqual([]);
      const { totalCost } = evaluateSchedule(problem, plan.assignments, now);
      expect(Math.abs(state.totalCost() - totalCost)).toBeLessThan(1e-6 * totalCost);
      return JSON.stringify(state.snapshot());
    };
    const plans = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const plan = recreate(seed);
      expect(recreate(seed)).toBe(plan);
      plans.add(plan);
    }
    expect(plans.size).toBeGreaterThan(1);
  });
});

describe('solveSchedule with the default ALNS', () => {
  it('gives the same plan for the same seed and iteration count', () => {
    const { problem, now } = generateInstance(11, { technicians: 8, jobs: 40, horizonDays: 7 });
    const strip = (assignments: Assignment[]) => assignments.map((a) => [a.jobId, a.technicianId, a.start]);
    const a = solveSchedule(problem, { now, seed: 5, maxIterations: 3_000 });
    const b = solveSchedule(problem, { now, seed: 5, maxIterations: 3_000 });
    expect(strip(b.assignments)).toEqual(strip(a.assignments));
    expect(b.totalCost).toBe(a.totalCost);
    expect(b.stats).toEqual(a.stats);
  });

  it('is never worse than the annealing baseline run for the same iterations and seed', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const { problem, now } = generateInstance(seed, { technicians: 8, jobs: 40, horizonDays: 7 });
      const alns = solveSchedule(problem, { now, seed, maxIterations: 4_000 });
      const warmOnly = solveSchedule(problem, { now, seed, maxIterations: Math.floor((4_000 * 5) / 9), algorithm: 'annealing' });
      expect(alns.totalCost).toBeLessThanOrEqual(warmOnly.totalCost + 1e-6);
      expect(alns.hardViolations).toBe(0);
    }
  });

  it('separates the penalty of jobs no plan can place from the avoidable cost', () => {
    const { problem, now } = generateInstance(4, { technicians: 8, jobs: 30, horizonDays: 7 });
    const result = solveSchedule(problem, { now, seed: 4, maxIterations: 2_000 });
    const { quality } = result;
    expect(quality.unavoidable.length).toBeGreaterThan(0);
    expect(quality.unavoidable.every((u) => u.code !== 'capacity_taken_by_other_jobs')).toBe(true);
    const penalty = quality.unavoidable.reduce((s, u) => s + 1000 * problem.jobs.find((j) => j.id === u.jobId)!.priority, 0);
    expect(quality.unavoidablePenalty).toBe(penalty);
    expect(quality.avoidableCost).toBeCloseTo(result.totalCost - penalty, 6);
    expect(quality.costTerms).toEqual(result.costBreakdown);
  });

  it('says for every priority 4–5 job why it does not start earlier', () => {
    const { problem, now } = generateInstance(9, { technicians: 10, jobs: 60, horizonDays: 7 });
    const result = solveSchedule(problem, { now, seed: 9, maxIterations: 2_000 });
    const high = result.assignments.filter((a) => problem.jobs.find((j) => j.id === a.jobId)!.priority >= 4);
    expect(high.length).toBeGreaterThan(0);
    for (const a of high) {
      expect(a.explanation.notEarlier).toMatch(/earliest possible|earlier/);
      expect(a.reasons).toContain(a.explanation.notEarlier);
    }
    expect(high.some((a) => /held by job-\d+/.test(a.explanation.notEarlier!))).toBe(true);
    const low = result.assignments.filter((a) => problem.jobs.find((j) => j.id === a.jobId)!.priority < 4);
    expect(low.every((a) => a.explanation.notEarlier === undefined)).toBe(true);
  });
});
