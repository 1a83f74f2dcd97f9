import { checkHardConstraints } from './checkHardConstraints';
import { constructByUrgency, constructFirstFit } from './construct';
import { evaluateSchedule } from './evaluate';
import { explainAssignment, explainUnassigned } from './explain';
import { improveByLocalSearch } from './localSearch';
import type { ScheduleProblem } from './model';
import { prepareProblem, type PreparedProblem } from './prepare';
import { createPrng } from './prng';
import type { ScheduleResult, ScheduleStats } from './result';
import type { ScheduleState } from './state';
import { toIso } from './time';
import { resolveWeights, type CostWeights } from './weights';

export interface SolveOptions {
  /** The planning instant: nothing starts before it, and a past deadline is judged against it. */
  now: Date;
  /** Seed of the search's pseudo-random choices; the same seed gives the same plan. Default 1. */
  seed?: number;
  /** Local-search iterations. Default: 300 per job, between 2 000 and 60 000. */
  maxIterations?: number;
  /**
   * Stops the search early once this much time has passed on `clock`. The solver never reads the
   * wall clock itself; without a clock the budget is ignored. A plan stopped by the budget is not
   * reproducible, so a Temporal activity should rely on the iteration cap and keep the budget as a
   * safety net.
   */
  timeBudgetMs?: number;
  /** Milliseconds from any origin, e.g. `() => performance.now()`. */
  clock?: () => number;
  weights?: Partial<CostWeights>;
}

export function defaultIterations(jobCount: number): number {
  return Math.min(60_000, Math.max(2_000, 300 * jobCount));
}

/**
 * Plans maintenance jobs onto technicians. Two constructions (most urgent job first at its
 * cheapest slot, and plain first-fit) are built, the cheaper one is improved by simulated
 * annealing that never leaves hard feasibility, and every planned and unplanned job is explained.
 */
export function solveSchedule(problem: ScheduleProblem, opts: SolveOptions): ScheduleResult {
  const weights = resolveWeights(opts.weights);
  const prepared = prepareProblem(problem, opts.now, weights);
  const urgency = constructByUrgency(prepared);
  const firstFit = constructFirstFit(prepared);
  const startFromUrgency = urgency.totalCost() <= firstFit.totalCost();
  const state = startFromUrgency ? urgency : firstFit;
  const initialCost = state.totalCost();
  const search = improveByLocalSearch(prepared, state, createPrng(opts.seed ?? 1), {
    maxIterations: opts.maxIterations ?? defaultIterations(prepared.jobs.length),
    timeBudgetMs: opts.timeBudgetMs,
    clock: opts.clock,
  });
  return buildResult(problem, prepared, state, opts.now, weights, {
    ...search,
    startedFrom: prepared.jobs.length === 0 ? 'none' : startFromUrgency ? 'urgency' : 'first_fit',
    initialCost,
  });
}

/**
 * The naive baseline for comparison: jobs in the given order, each on the first technician with the
 * skill who has a free slot, at the earliest slot. Costed with the same weights as the optimiser.
 */
export function greedyFirstFit(problem: ScheduleProblem, now: Date, weights: Partial<CostWeights> = {}): ScheduleResult {
  const resolved = resolveWeights(weights);
  const prepared = prepareProblem(problem, now, resolved);
  const state = constructFirstFit(prepared);
  return buildResult(problem, prepared, state, now, resolved, {
    iterations: 0,
    improvements: 0,
    acceptedMoves: 0,
    startedFrom: prepared.jobs.length === 0 ? 'none' : 'first_fit',
    initialCost: state.totalCost(),
    stoppedBy: 'not_run',
  });
}

function buildResult(
  problem: ScheduleProblem,
  prepared: PreparedProblem,
  state: ScheduleState,
  now: Date,
  weights: CostWeights,
  stats: ScheduleStats,
): ScheduleResult {
  const assignments = prepared.jobs.filter((j) => state.isAssigned(j.index)).map((j) => explainAssignment(prepared, state, j));
  const unassigned = prepared.jobs.filter((j) => !state.isAssigned(j.index)).map((j) => explainUnassigned(prepared, state, j));
  const { totalCost, costBreakdown } = evaluateSchedule(problem, assignments, now, weights);
  const partial = { now: now.toISOString(), assignments, unassigned };
  return {
    ...partial,
    horizonEnd: toIso(prepared.horizonEndMs),
    totalCost,
    costBreakdown,
    hardViolations: checkHardConstraints(problem, partial).length,
    stats,
  };
}
