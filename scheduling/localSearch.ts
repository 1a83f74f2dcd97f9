import { SearchBudget } from './budget';
import type { Prng } from './prng';
import type { PreparedProblem } from './prepare';
import type { Slot, ScheduleState } from './state';

export interface LocalSearchLimits {
  maxIterations: number;
  /** Stops the phase once this much time has passed on `clock`. */
  timeBudgetMs?: number;
  clock?: () => number;
  /** Cool down by elapsed time rather than by iterations (a time budget without an iteration cap). */
  coolByTime?: boolean;
}

export interface LocalSearchStats {
  iterations: number;
  /** Moves that lowered the best cost found so far. */
  improvements: number;
  /** Moves accepted (including the occasional worse move simulated annealing takes). */
  acceptedMoves: number;
  stoppedBy: 'iterations' | 'time_budget';
}

/**
 * The annealing temperature in cost points, from hot to cold on a geometric schedule. At the start
 * a move that costs 5 points (about a third of a travel penalty) is taken a third of the time, at
 * the end practically only improvements are. On the benchmark instances the final cost is flat
 * within 0.1 % for start temperatures from 0.01 to 20, so this is not a delicate setting.
 */
const START_TEMPERATURE = 5;
const END_TEMPERATURE = 0.01;
const EPSILON = 1e-9;

/**
 * Simulated annealing over hard-feasible schedules. Three moves, each of which removes jobs and
 * re-inserts them only into slots the feasibility search produced, so no state ever breaks a hard
 * rule:
 * - relocate: one job to the best slot on a random qualified technician, or to its best slot over all;
 * - swap: two jobs on different technicians exchange technicians, each at its best slot there;
 * - displace: a job takes a slot another job holds, and that job moves to its best slot anywhere;
 * - rescue: an unassigned job is inserted, if need be by moving a job that blocks it elsewhere.
 * The best schedule seen is restored at the end.
 */
export function improveByLocalSearch(
  problem: PreparedProblem,
  state: ScheduleState,
  rng: Prng,
  limits: LocalSearchLimits,
): LocalSearchStats {
  const stats: LocalSearchStats = { iterations: 0, improvements: 0, acceptedMoves: 0, stoppedBy: 'iterations' };
  const jobCount = problem.jobs.length;
  if (jobCount === 0 || problem.technicians.length === 0) return stats;
  const budget = new SearchBudget(limits, 64);
  let bestCost = state.totalCost();
  let bestSnapshot = state.snapshot();
  let temperature = START_TEMPERATURE;
  // One closure for the whole run: tsx (the bench, the worker) names every named closure as it is
  // created, and one per iteration plus one per job in the 'worst' ruin cost a third of the solve.
  const accept = (delta: number): boolean =>
    delta < -EPSILON || (delta > EPSILON ? rng.next() < Math.exp(-delta / temperature) : rng.next() < 0.5);

  for (let iteration = 0; iteration < limits.maxIterations; iteration++) {
    if (!budget.allows(iteration)) {
      stats.stoppedBy = 'time_budget';
      break;
    }
    stats.iterations++;
    temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** budget.progress(iteration);

    const costBefore = state.totalCost();
    const roll = rng.next();
    let applied: boolean;
    if (roll < 0.1) applied = tryRescue(problem, state, rng, accept, costBefore);
    else if (roll < 0.5) applied = tryRelocate(problem, state, rng, accept, costBefore);
    else if (roll < 0.75) applied = tryDisplace(problem, state, rng, accept, costBefore);
    else applied = trySwap(problem, state, rng, accept, costBefore);
    if (!applied) continue;
    stats.acceptedMoves++;
    const cost = state.totalCost();
    if (cost < bestCost - EPSILON) {
      bestCost = cost;
      bestSnapshot = state.snapshot();
      stats.improvements++;
    }
  }
  state.restore(bestSnapshot);
  return stats;
}

export type Accept = (delta: number) => boolean;

export function randomAssignedJob(state: ScheduleState, rng: Prng, jobCount: number): number {
  // A few tries keep this O(1) on mostly-assigned schedules; -1 when it finds none.
  for (let attempt = 0; attempt < 8; attempt++) {
    const j = rng.int(jobCount);
    if (state.isAssigned(j)) return j;
  }
  return -1;
}

export function tryRelocate(problem: PreparedProblem, state: ScheduleState, rng: Prng, accept: Accept, costBefore: number): boolean {
  const j = randomAssignedJob(state, rng, problem.jobs.length);
  if (j < 0) return false;
  const job = problem.jobs[j]!;
  const old = state.remove(j);
  const target = rng.next() < 0.5 ? state.bestSlot(job) : state.bestSlotOn(job, rng.pick(job.qualified));
  if (target !== null && !sameSlot(target, old)) {
    state.place(j, target);
    if (accept(state.totalCost() - costBefore)) return true;
    state.remove(j);
  }
  state.place(j, old);
  return false;
}

export function trySwap(problem: PreparedProblem, state: ScheduleState, rng: Prng, accept: Accept, costBefore: number): boolean {
  const a = randomAssignedJob(state, rng, problem.jobs.length);
  const b = randomAssignedJob(state, rng, problem.jobs.length);
  if (a < 0 || b < 0 || a === b) return false;
  const placementA = state.placements[a]!;
  const placementB = state.placements[b]!;
  const techA = placementA.technicianIndex;
  const techB = placementB.technicianIndex;
  if (techA === techB) return false;
  const jobA = problem.jobs[a]!;
  const jobB = problem.jobs[b]!;
  if (!jobA.qualified.includes(techB) || !jobB.qualified.includes(techA)) return false;

  const oldA = state.remove(a);
  const oldB = state.remove(b);
  const slotA = state.bestSlotOn(jobA, techB);
  if (slotA !== null) {
    state.place(a, slotA);
    const slotB = state.bestSlotOn(jobB, techA);
    if (slotB !== null) {
      state.place(b, slotB);
      if (accept(state.totalCost() - costBefore)) return true;
      state.remove(b);
    }
    state.remove(a);
  }
  state.place(a, oldA);
  state.place(b, oldB);
  return false;
}

/**
 * Ejection: a job takes a slot on a technician that another job holds (the one it overlaps in its
 * window), and the displaced job goes to its best slot anywhere. This is what lets a high-risk job
 * claim an early slot that a low-risk job took during construction.
 */
export function tryDisplace(problem: PreparedProblem, state: ScheduleState, rng: Prng, accept: Accept, costBefore: number): boolean {
  const a = randomAssignedJob(state, rng, problem.jobs.length);
  if (a < 0) return false;
  const jobA = problem.jobs[a]!;
  const technicianIndex = rng.pick(jobA.qualified);
  const blockers = state.jobsOverlapping(technicianIndex, jobA.earliestStartMs, jobA.deadlineMs).filter((b) => b !== a);
  if (blockers.length === 0) return false;
  const b = rng.pick(blockers);
  const oldA = state.remove(a);
  const oldB = state.remove(b);
  const slotA = state.bestSlotOn(jobA, technicianIndex);
  if (slotA !== null) {
    state.place(a, slotA);
    const slotB = state.bestSlot(problem.jobs[b]!);
    if (slotB !== null) {
      state.place(b, slotB);
      if (accept(state.totalCost() - costBefore)) return true;
      state.remove(b);
    }
    state.remove(a);
  }
  state.place(a, oldA);
  state.place(b, oldB);
  return false;
}

/**
 * Tries to plan a job that is still unassigned: directly if a slot has opened, otherwise by
 * moving one job that occupies a qualified technician inside the job's window to its best slot
 * elsewhere. Only taken when the result is cheaper, which with the unassigned penalty is the norm.
 */
export function tryRescue(problem: PreparedProblem, state: ScheduleState, rng: Prng, accept: Accept, costBefore: number): boolean {
  const unassigned = problem.jobs.filter((job) => !state.isAssigned(job.index) && job.qualified.length > 0);
  if (unassigned.length === 0) return false;
  const job = rng.pick(unassigned);
  const direct = state.bestSlot(job);
  if (direct !== null) {
    state.place(job.index, direct);
    if (accept(state.totalCost() - costBefore)) return true;
    state.remove(job.index);
    return false;
  }
  const technicianIndex = rng.pick(job.qualified);
  const blockers = state.jobsOverlapping(technicianIndex, job.earliestStartMs, job.deadlineMs);
  if (blockers.length === 0) return false;
  const blocker = rng.pick(blockers);
  const blockerOld = state.remove(blocker);
  const slot = state.bestSlotOn(job, technicianIndex);
  if (slot !== null) {
    state.place(job.index, slot);
    const blockerSlot = state.bestSlot(problem.jobs[blocker]!);
    if (blockerSlot !== null) {
      state.place(blocker, blockerSlot);
      if (accept(state.totalCost() - costBefore)) return true;
      state.remove(blocker);
    }
    state.remove(job.index);
  }
  state.place(blocker, blockerOld);
  return false;
}

function sameSlot(a: Slot, b: Slot): boolean {
  return a.technicianIndex === b.technicianIndex && a.start === b.start;
}
