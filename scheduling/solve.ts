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
  /**
   * Search iterations. Default: `defaultIterations(jobs, algorithm)`, unless only `timeBudgetMs` is
   * given. With an iteration cap the plan is a function of (problem, seed, maxIterations).
   */
  maxIterations?: number;
  /**
   * Time for the search, in ms of `clock`. With `maxIterations` (or without either option) it is a
   * safety net that can only cut the run short. Alone, it drives the search: no iteration cap, the
   * annealing cools down by elapsed time, so a longer budget gives a better plan, but the plan
   * depends on the machine's speed — not for a Temporal activity, which must replay.
   */
  timeBudgetMs?: number;
  /** Milliseconds from any origin; read only when `timeBudgetMs` is set. Default `performance.now`. */
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
  // Driven by time, the warm start gets the share of the time it takes under an iteration cap.
  const warmBudget =
    limits.coolByTime && limits.timeBudgetMs !== undefined ? limits.timeBudgetMs * WARM_START_TIME_SHARE : limits.timeBudgetMs;
  const warm = improveByLocalSearch(prepared, state, rng, { ...limits, maxIterations: warmIterations, timeBudgetMs: warmBudget });
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

/** The warm start's share of the time when an iteration cap splits the iterations 5/9 (measured: 10–15 %). */
const WARM_START_TIME_SHARE = 0.12;
const WARM_START_SHARE = [5, 9] as const;

/** Priority from which a planned job's explanation says why it does not start earlier. */
const HIGH_PRIORITY = 4;

/** With a time budget alone the clock stops the search; this cap only keeps the arithmetic finite. */
const TIME_DRIVEN_ITERATION_CAP = 1_000_000_000;

export function defaultIterations(jobCount: number, algorithm: SolveAlgorithm = 'alns'): number {
  if (algorithm === 'annealing') return Math.min(60_000, Math.max(2_000, 300 * jobCount));
  return Math.min(ALNS_MAX_ITERATIONS, Math.max(7_000, ALNS_ITERATIONS_PER_JOB * jobCount));
}

const ALNS_ITERATIONS_PER_JOB = 800;
/**
 * 35 555 warm-start + 28 445 large-neighbourhood iterations. Since the best-slot cache and the end of
 * per-iteration closures, 64 000 take 0.6–1.0 s of CPU on the 200-job bench instances (what 32 000 took
 * before). Measured over three seeds per 80- and 200-job instance, the mean gap to the best-known
 * avoidable cost is 0.72 % at 32 000, 0.47 % at 64 000 and 0.49–0.52 % at 80 000–100 000: the
 * gain flattens, so the rest of the time is left as margin under the 2 s target.
 */
const ALNS_MAX_ITERATIONS = 64_000;

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
  const byTime = opts.timeBudgetMs !== undefined && opts.maxIterations === undefined;
  const limits: LocalSearchLimits = {
    maxIterations: byTime ? TIME_DRIVEN_ITERATION_CAP : (opts.maxIterations ?? defaultIterations(prepared.jobs.length, algorithm)),
    timeBudgetMs: opts.timeBudgetMs,
    clock: opts.timeBudgetMs === undefined ? undefined : (opts.clock ?? (() => performance.now())),
    coolByTime: byTime,
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
