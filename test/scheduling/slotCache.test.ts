import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../scheduling';
import { constructByUrgency } from '../../scheduling/construct';
import { applyOperator, cheapestAloneCost, OPERATORS } from '../../scheduling/largeNeighbourhood';
import { prepareProblem } from '../../scheduling/prepare';
import { createPrng } from '../../scheduling/prng';
import { ScheduleState } from '../../scheduling/state';
import { resolveWeights } from '../../scheduling/weights';

describe('the best-slot cache', () => {
  it('answers every slot search as a state that never searched before would, after kept and undone moves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 5, max: 30 }),
        (seed, technicians, jobs) => {
          const { problem, now } = generateInstance(seed, { technicians, jobs, horizonDays: 7 });
          const prepared = prepareProblem(problem, now, resolveWeights());
          const state = constructByUrgency(prepared);
          const rng = createPrng(seed);
          const ctx = { problem: prepared, state, rng, floor: cheapestAloneCost(prepared, new ScheduleState(prepared)) };
          const accept = () => rng.next() < 0.5;
          for (let step = 0; step < 2 * OPERATORS.length; step++) {
            applyOperator(ctx, OPERATORS[step % OPERATORS.length]!, accept);
            const fresh = new ScheduleState(prepared);
            fresh.restore(state.snapshot());
            for (const job of prepared.jobs) {
              for (const t of job.qualified) {
                const expected = fresh.bestSlotOn(job, t);
                // A bound between nothing and a little above the exact answer exercises both kinds of entry.
                const bound = expected === null ? 50 * rng.next() : expected.score + (rng.next() - 0.5) * 10;
                const bounded = state.bestSlotOn(job, t, bound);
                const exact = state.bestSlotOn(job, t);
                expect(exact === null ? null : [exact.start, exact.end]).toEqual(expected === null ? null : [expected.start, expected.end]);
                if (exact !== null) expect(exact.score).toBeCloseTo(expected!.score, 9);
                const shouldFind = expected !== null && expected.score < bound - 1e-9;
                expect(bounded === null ? null : bounded.start).toBe(shouldFind ? expected.start : null);
              }
            }
          }
        },
      ),
      { numRuns: 40, seed: 2323 },
    );
  });
});
