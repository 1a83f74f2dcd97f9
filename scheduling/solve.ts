import { checkHardConstraints } from './checkHardConstraints';
import { constructByUrgency, constructFirstFit } from './construct';
import { evaluateSchedule } from './evaluate';
import { explainAssignment, explainUnassigned } from './explain';
import { cheapestAloneCost, improveByLargeNeighbourhood } from './largeNeighbourhood';
import { improveByLocalSearch, type LocalSearchLimits, type LocalSearchStats } from './localSearch';
import type { Prng } from './prng';
import type { ScheduleProblem } from './model';
import { prepareProblem, type PreparedProblem } from './prepare';
import { createPrng } from './prng';
import type { ScheduleResult, ScheduleStats } from './result';
import { ScheduleState } from './state';
import { toIso } from './time';
import { planQuality, whyNotEarlier } from './quality';
import { resolveWeights, type CostWeights } from './weights';

export interface SolveOptions {
  /** The planning instant: nothing starts before it, and a past deadline is judged against it. */
  now: Date;
  /** Seed of the search's pseudo-random choices; the same seed gives the same plan. Default 1. */
  seed?: number;
  /**
   * `alns` (default): adaptive large-neighbourhood search (ruin-and-recreate, ejection chains,
   * sequence exchange and the single-job moves, mixed by recent payoff). `annealing`: the earlier
   * single-job simulated annealing, kept as a baseline for the bench.
   */
  algorithm?: SolveAlgorithm;
  /** Search iterations. Default: `defaultIterations(jobs, algorithm)`. */
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

export type SolveAlgorithm = 'alns' | 'annealing';

/**
 * The ALNS starts from a run of the single-job annealing (5/9 of the iterations, each about 10–25×
 * cheaper than a ruin-and-recreate, so a small part of the time): it removes the easy local slack
 * quickly, so the large moves are spent on what single moves cannot reach, and the result is never
 * worse than that warm start. Both phases share the PRNG, the iteration cap and the time budget.
 */
function improveByAlns(prepared: PreparedProblem, state: ScheduleState, rng: Prng, limits: LocalSearchLimits): LocalSearchStats {
  const startedAt = limits.clock?.();
  const warmIterations = Math.floor((limits.maxIterations * WARM_START_SHARE[0]) / WARM_START_SHARE[1]);
  const warm = improveByLocalSearch(prepared, state, rng, { ...limits, maxIterations: warmIterations });
  const remaining =
    limits.timeBudgetMs === undefined || startedAt === undefined
      ? limits.timeBudgetMs
      : limits.timeBudgetMs - (limits.clock!() - startedAt);
  const large = improveByLargeNeighbourhood(
    prepared,
    state,
    rng,
    { ...limits, maxIterations: limits.maxIterations - warmIterations, timeBudgetMs: remaining },
    cheapestAloneCost(prepared, new ScheduleState(prepared)),
  );
  return {
    iterations: warm.iterations + large.iterations,
    improvements: warm.improvements + large.improvements,
    acceptedMoves: warm.acceptedMoves + large.acceptedMoves,
    stoppedBy: warm.stoppedBy === 'time_budget' ? warm.stoppedBy : large.stoppedBy,
  };
}

const WARM_START_SHARE = [5, 9] as const;

/** Priority from which a planned job's explanation says why it does not start earlier. */
const HIGH_PRIORITY = 4;

export function defaultIterations(jobCount: number, algorithm: SolveAlgorithm = 'alns'): number {
  if (algorithm === 'annealing') return Math.min(60_000, Math.max(2_000, 300 * jobCount));
  return Math.min(ALNS_MAX_ITERATIONS, Math.max(7_000, ALNS_ITERATIONS_PER_JOB * jobCount));
}

const ALNS_ITERATIONS_PER_JOB = 400;
/**
 * 17 777 warm-start + 14 223 large-neighbourhood iterations: 1.2–1.8 s on the 200-job bench instances on
 * this 2-core machine (shared, load 3–4); 36 000 gained another 0.3 % but reached 2 s.
 */
const ALNS_MAX_ITERATIONS = 32_000;

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
  const algorithm = opts.algorithm ?? 'alns';
  const limits = {
    maxIterations: opts.maxIterations ?? defaultIterations(prepared.jobs.length, algorithm),
    timeBudgetMs: opts.timeBudgetMs,
    clock: opts.clock,
  };
  const rng = createPrng(opts.seed ?? 1);
  const search =
    algorithm === 'annealing' ? improveByLocalSearch(prepared, state, rng, limits) : improveByAlns(prepared, state, rng, limits);
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
  const assignments = prepared.jobs
    .filter((j) => state.isAssigned(j.index))
    .map((j) => {
      const assignment = explainAssignment(prepared, state, j);
      if (j.job.priority < HIGH_PRIORITY) return assignment;
      const notEarlier = whyNotEarlier(prepared, state, j);
      return { ...assignment, reasons: [...assignment.reasons, notEarlier], explanation: { ...assignment.explanation, notEarlier } };
    });
  const unassigned = prepared.jobs.filter((j) => !state.isAssigned(j.index)).map((j) => explainUnassigned(prepared, state, j));
  const { totalCost, costBreakdown } = evaluateSchedule(problem, assignments, now, weights);
  const partial = { now: now.toISOString(), assignments, unassigned };
  return {
    ...partial,
    horizonEnd: toIso(prepared.horizonEndMs),
    totalCost,
    costBreakdown,
    hardViolations: checkHardConstraints(problem, partial).length,
    quality: planQuality(prepared, totalCost, costBreakdown),
    stats,
  };
}
