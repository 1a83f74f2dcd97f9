import { SearchBudget } from './budget';
import { tryDisplace, tryRelocate, tryRescue, trySwap, type Accept, type LocalSearchLimits, type LocalSearchStats } from './localSearch';
import type { PreparedJob, PreparedProblem } from './prepare';
import type { Prng } from './prng';
import type { Placement, ScheduleState, ScoredSlot } from './state';
import { HOUR_MS } from './time';

/**
 * Adaptive large-neighbourhood search (ALNS) over hard-feasible schedules.
 *
 * Why: an exact solver showed the annealing of single-job moves stops 2.5–5 % above the best plan
 * on the avoidable cost of the 80- and 200-job instances, and 50× more iterations of those moves do
 * not close the gap: the best plans move 50–70 jobs to another technician at once, which no chain
 * of improving single moves reaches. So each iteration either makes one of the cheap single-job
 * moves or ruins a related group of jobs and recreates it:
 *
 * ruin (which jobs come out): the jobs of one technician in a time window; all technicians' jobs in
 *   a time window; jobs needing one skill; jobs at one site; the jobs whose cost is furthest above
 *   the cheapest start they could have alone ("worst"); a costly job and what one qualified
 *   technician ("make room") or all of them ("make room wide", least urgent first) hold before it;
 *   or a random set. Unassigned jobs that could
 *   be planned join the pool.
 * recreate (how they go back): highest priority × hazard first at its cheapest slot, or highest
 *   regret first (the gap between its best and second-best technician), both exact best-slot
 *   searches over the current plan.
 * plus an ejection chain (a job takes an earlier slot, the job in the way goes to its best slot,
 *   and if it has none it ejects one more) and a sequence exchange (two technicians swap the jobs
 *   they hold in the same time window).
 *
 * The operator is drawn by roulette on weights that follow each operator's recent payoff (new best,
 * improvement, accepted), updated every `SEGMENT` iterations; the result is accepted by simulated
 * annealing on the same geometric schedule as the baseline. Every decision comes from the seeded
 * PRNG, so a run is a function of (problem, seed, maxIterations); the time budget can only cut it
 * short (see solve.ts).
 */

type Operator =
  | 'relocate'
  | 'swap'
  | 'displace'
  | 'rescue'
  | 'ruin_technician'
  | 'ruin_time'
  | 'ruin_skill'
  | 'ruin_site'
  | 'ruin_worst'
  | 'ruin_random'
  | 'make_room'
  | 'make_room_wide'
  | 'ejection_chain'
  | 'sequence_exchange';

export const OPERATORS: readonly Operator[] = [
  'relocate',
  'swap',
  'displace',
  'rescue',
  'ruin_technician',
  'ruin_time',
  'ruin_skill',
  'ruin_site',
  'ruin_worst',
  'ruin_random',
  'make_room',
  'make_room_wide',
  'ejection_chain',
  'sequence_exchange',
];

/** Roulette weights at the start: single-job moves are cheap, so they start ahead. */
const INITIAL_WEIGHT: Record<Operator, number> = {
  relocate: 4,
  swap: 2,
  displace: 2,
  rescue: 1,
  ruin_technician: 1,
  ruin_time: 1,
  ruin_skill: 1,
  ruin_site: 1,
  ruin_worst: 1,
  ruin_random: 1,
  make_room: 2,
  make_room_wide: 2,
  ejection_chain: 1,
  sequence_exchange: 1,
};
const MIN_WEIGHT = 0.2;
const SEGMENT = 200;
const REACTION = 0.3;
const SCORE_NEW_BEST = 30;
const SCORE_IMPROVED = 10;
const SCORE_ACCEPTED = 3;
/**
 * Hotter than the warm start's 5 → 0.01: a ruin-and-recreate that reaches another basin usually
 * costs a travel or continuity penalty (8–12 points) or more on the way, which 1 point (the earlier
 * start) almost never accepted, so the search stayed in the warm start's basin. Measured with the
 * default 64 000 iterations over ten seeds per bench instance 5–10: with 1 → 0.01 the default solve
 * was 0.87 % above the best-known avoidable cost on average and 27 of 60 runs above 1 % (worst
 * 2.12 %); with 40 → 0.1 and the noisy recreate order below, 0.35 % and none (worst 0.84 %), for the
 * same CPU time. While tuning, 40 → 0.01 alone gave about 0.1 percentage point more than that; a
 * start of 20 or 100 and an end of 0.3 or 0.001 were no better. The end stays cold enough that the
 * last tenth takes practically only improvements.
 */
const START_TEMPERATURE = 40;
const END_TEMPERATURE = 0.1;
const EPSILON = 1e-9;
const MAX_RUIN = 12;
const MIN_RUIN = 3;
const MAX_UNASSIGNED_IN_POOL = 3;
/** Regret insertion costs pool² slot searches; above this the priority order is used. */
const REGRET_MAX_POOL = 10;

export interface MoveContext {
  problem: PreparedProblem;
  state: ScheduleState;
  rng: Prng;
  /**
   * Per job, the cheapest placement cost it could have on an empty plan (used by "worst" ruin), or
   * -1 when it has no feasible start at all.
   */
  floor: number[];
}

/**
 * Applies one operator to the state and keeps the result when `accept` says so; otherwise puts the
 * state back exactly as it was. Returns whether the state changed. Exported for the property tests.
 */
export function applyOperator(ctx: MoveContext, operator: Operator, accept: Accept): boolean {
  const { problem, state, rng } = ctx;
  const costBefore = state.totalCost();
  switch (operator) {
    case 'relocate':
      return tryRelocate(problem, state, rng, accept, costBefore);
    case 'swap':
      return trySwap(problem, state, rng, accept, costBefore);
    case 'displace':
      return tryDisplace(problem, state, rng, accept, costBefore);
    case 'rescue':
      return tryRescue(problem, state, rng, accept, costBefore);
    case 'ejection_chain':
      return ejectionChain(ctx, accept, costBefore);
    case 'sequence_exchange':
      return sequenceExchange(ctx, accept, costBefore);
    default:
      return ruinAndRecreate(ctx, operator, accept, costBefore);
  }
}

export function cheapestAloneCost(problem: PreparedProblem, empty: ScheduleState): number[] {
  return problem.jobs.map((job) => {
    const slot = empty.bestSlot(job);
    return slot === null ? -1 : slot.score;
  });
}

export function improveByLargeNeighbourhood(
  problem: PreparedProblem,
  state: ScheduleState,
  rng: Prng,
  limits: LocalSearchLimits,
  floor: number[],
): LocalSearchStats {
  const stats: LocalSearchStats = { iterations: 0, improvements: 0, acceptedMoves: 0, stoppedBy: 'iterations' };
  if (problem.jobs.length === 0 || problem.technicians.length === 0) return stats;
  const ctx: MoveContext = { problem, state, rng, floor };
  const budget = new SearchBudget(limits, 16);
  let bestCost = state.totalCost();
  let bestSnapshot = state.snapshot();
  const weights = OPERATORS.map((o) => INITIAL_WEIGHT[o]);
  const scores = OPERATORS.map(() => 0);
  const uses = OPERATORS.map(() => 0);

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
    if (iteration > 0 && iteration % SEGMENT === 0) {
      for (let o = 0; o < OPERATORS.length; o++) {
        if (uses[o]! > 0) weights[o] = Math.max(MIN_WEIGHT, (1 - REACTION) * weights[o]! + (REACTION * scores[o]!) / uses[o]!);
        scores[o] = 0;
        uses[o] = 0;
      }
    }
    temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** budget.progress(iteration);

    const o = roulette(weights, rng);
    uses[o]!++;
    const before = state.totalCost();
    if (!applyOperator(ctx, OPERATORS[o]!, accept)) continue;
    stats.acceptedMoves++;
    const cost = state.totalCost();
    if (cost < bestCost - EPSILON) {
      bestCost = cost;
      bestSnapshot = state.snapshot();
      stats.improvements++;
      scores[o]! += SCORE_NEW_BEST;
    } else if (cost < before - EPSILON) scores[o]! += SCORE_IMPROVED;
    else scores[o]! += SCORE_ACCEPTED;
  }
  state.restore(bestSnapshot);
  return stats;
}

function roulette(weights: readonly number[], rng: Prng): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** The jobs a ruin takes out, by relatedness. Always assigned jobs, no duplicates. */
function selectRuin(ctx: MoveContext, operator: Operator, size: number): number[] {
  const { problem, state, rng } = ctx;
  const assigned: number[] = [];
  for (let j = 0; j < problem.jobs.length; j++) if (state.isAssigned(j)) assigned.push(j);
  if (assigned.length === 0) return [];
  const seed = problem.jobs[rng.pick(assigned)]!;
  const seedPlacement = state.placements[seed.index]!;
  let related: number[];
  switch (operator) {
    case 'ruin_technician': {
      // A contiguous stretch of one technician's day or two around a job.
      const span = (12 + rng.int(48)) * HOUR_MS;
      related = state.jobsOverlapping(seedPlacement.technicianIndex, seedPlacement.start - span / 2, seedPlacement.end + span / 2);
      break;
    }
    case 'ruin_time': {
      const span = (2 + rng.int(10)) * HOUR_MS;
      related = [];
      for (const t of problem.technicians)
        related.push(...state.jobsOverlapping(t.index, seedPlacement.start - span / 2, seedPlacement.end + span / 2));
      break;
    }
    case 'ruin_skill':
      related = assigned.filter((j) => problem.jobs[j]!.job.requiredSkill === seed.job.requiredSkill);
      break;
    case 'ruin_site':
      related = assigned.filter((j) => problem.jobs[j]!.job.site === seed.job.site);
      break;
    case 'make_room': {
      // A job far above its cheapest cost, plus what a qualified technician holds between its
      // earliest start and where it is now: reinserted by priority, it takes the early slot.
      const worst = selectRuin(ctx, 'ruin_worst', 3);
      const j = rng.pick(worst);
      const job = problem.jobs[j]!;
      const t = rng.pick(job.qualified);
      const until = Math.max(state.placements[j]!.start, job.earliestStartMs + (4 + rng.int(24)) * HOUR_MS);
      const held = state.jobsOverlapping(t, job.earliestStartMs, until).filter((x) => x !== j);
      return [j, ...held.slice(0, size - 1)];
    }
    case 'make_room_wide': {
      // The same, over every qualified technician, taking the least urgent jobs first: what the
      // best plans do to a late high-priority job is move it to another technician's early slot.
      const worst = selectRuin(ctx, 'ruin_worst', 3);
      const j = rng.pick(worst);
      const job = problem.jobs[j]!;
      const held: number[] = [];
      for (const t of job.qualified) {
        for (const x of state.jobsOverlapping(t, job.earliestStartMs, state.placements[j]!.start)) if (x !== j) held.push(x);
      }
      held.sort((a, b) => insertionOrderKey(problem.jobs[a]!) - insertionOrderKey(problem.jobs[b]!) || a - b);
      return [j, ...held.slice(0, size - 1)];
    }
    case 'ruin_worst':
      return worstJobs(ctx, assigned, size);
    default:
      related = assigned;
  }
  if (related.length <= size) return related;
  // A random subset of the related jobs (partial Fisher–Yates, deterministic by the PRNG).
  const pool = [...related];
  for (let i = 0; i < size; i++) {
    const k = i + rng.int(pool.length - i);
    [pool[i], pool[k]] = [pool[k]!, pool[i]!];
  }
  return pool.slice(0, size);
}

/**
 * The `size` jobs whose cost is furthest above the cheapest start they could have alone, with
 * noise (× 0.5–1.5), most excess first, ties by index. A bounded insertion keeps only the top few:
 * sorting every assigned job was a tenth of the solve.
 */
function worstJobs(ctx: MoveContext, assigned: readonly number[], size: number): number[] {
  const { state, rng, floor } = ctx;
  const top: number[] = [];
  const excess: number[] = [];
  for (const j of assigned) {
    const e = (state.placements[j]!.costSum - floor[j]!) * (0.5 + rng.next());
    let k = top.length;
    // No closure here: see `accept` in improveByLargeNeighbourhood.
    if (k === size) {
      if (!(e > excess[k - 1]! || (e === excess[k - 1]! && j < top[k - 1]!))) continue;
      top.pop();
      excess.pop();
      k--;
    }
    while (k > 0 && (e > excess[k - 1]! || (e === excess[k - 1]! && j < top[k - 1]!))) k--;
    top.splice(k, 0, j);
    excess.splice(k, 0, e);
  }
  return top;
}

/**
 * Up to `MAX_UNASSIGNED_IN_POOL` unassigned jobs that could be planned on an empty plan: they are
 * tried whenever room is made. Jobs with no feasible start anywhere are never tried (they cost
 * every recreate a full slot search for nothing).
 */
function plannableUnassigned(ctx: MoveContext): number[] {
  const out: number[] = [];
  for (const job of ctx.problem.jobs) if (!ctx.state.isAssigned(job.index) && ctx.floor[job.index]! >= 0) out.push(job.index);
  if (out.length <= MAX_UNASSIGNED_IN_POOL) return out;
  return ctx.rng.shuffle(out).slice(0, MAX_UNASSIGNED_IN_POOL);
}

function ruinAndRecreate(ctx: MoveContext, operator: Operator, accept: Accept, costBefore: number): boolean {
  const { problem, state, rng } = ctx;
  const size = MIN_RUIN + rng.int(MAX_RUIN - MIN_RUIN + 1);
  const removed = selectRuin(ctx, operator, size);
  if (removed.length === 0) return false;
  const old = new Map<number, Placement>();
  for (const j of removed) old.set(j, state.remove(j));
  const pool = [...removed, ...plannableUnassigned(ctx).filter((j) => !old.has(j))];
  if (pool.length > REGRET_MAX_POOL || rng.next() < 0.5) recreateByPriority(problem, state, pool, rng);
  else recreateByRegret(problem, state, pool);
  return settle(state, pool, old, accept(state.totalCost() - costBefore));
}

/** Keeps the move, or undoes it: takes every pool job out and puts the old placements back. */
function settle(state: ScheduleState, pool: readonly number[], old: ReadonlyMap<number, Placement>, keep: boolean): boolean {
  if (keep) return true;
  for (const j of pool) if (state.isAssigned(j)) state.remove(j);
  for (const [j, placement] of old) state.place(j, placement);
  return false;
}

/** Risk per hour of delay per hour of work (Smith's rule): the job that loses most by waiting goes first. */
function insertionOrderKey(job: PreparedJob): number {
  return (job.job.priority * job.hazardPerHour) / job.durationMs;
}

/**
 * Smith's-rule order with each key scaled by a random factor in [1 − ORDER_NOISE / 2, 1 + ORDER_NOISE / 2]:
 * with the exact order the same pool always came back the same way, so a ruin of the same jobs could
 * only ever propose one plan; jobs of similar urgency now also try each other's slots. Measured with
 * the hotter annealing above: ±25 % lowered the mean gap to the best-known plans by about a quarter,
 * ±50 % was no better than none. Exported for the property tests.
 */
export function recreateByPriority(problem: PreparedProblem, state: ScheduleState, pool: readonly number[], rng: Prng): void {
  const keys: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    keys.push(insertionOrderKey(problem.jobs[pool[i]!]!) * (1 - ORDER_NOISE / 2 + ORDER_NOISE * rng.next()));
    positions.push(i);
  }
  positions.sort((a, b) => keys[b]! - keys[a]! || pool[a]! - pool[b]!);
  for (const i of positions) {
    const j = pool[i]!;
    const slot = state.bestSlot(problem.jobs[j]!);
    if (slot !== null) state.place(j, slot);
  }
}

const ORDER_NOISE = 0.5;

/**
 * Regret-2 insertion: repeatedly places the job that would lose most by not getting its best
 * technician now (second-best minus best slot cost; a job with one option left goes first).
 */
function recreateByRegret(problem: PreparedProblem, state: ScheduleState, pool: readonly number[]): void {
  const left = new Set(pool);
  while (left.size > 0) {
    let pick = -1;
    let pickSlot: ScoredSlot | null = null;
    let pickRegret = -Infinity;
    for (const j of left) {
      const job = problem.jobs[j]!;
      let best: ScoredSlot | null = null;
      let second = Infinity;
      for (const t of job.qualified) {
        const slot = state.bestSlotOn(job, t);
        if (slot === null) continue;
        if (best === null || slot.score < best.score) {
          if (best !== null) second = best.score;
          best = slot;
        } else if (slot.score < second) second = slot.score;
      }
      if (best === null) continue;
      const regret = (second === Infinity ? 1e6 : second - best.score) + 1e-3 * job.job.priority;
      if (regret > pickRegret + EPSILON || (Math.abs(regret - pickRegret) <= EPSILON && j < pick)) {
        pick = j;
        pickSlot = best;
        pickRegret = regret;
      }
    }
    if (pick < 0 || pickSlot === null) return;
    state.place(pick, pickSlot);
    left.delete(pick);
  }
}

/**
 * Ejection chain: a job with much avoidable cost takes its best slot on a qualified technician
 * after the jobs in its way there are ejected; each ejected job goes to its best slot anywhere, and
 * one that finds none ejects a job overlapping its own window in turn (depth ≤ 3).
 */
function ejectionChain(ctx: MoveContext, accept: Accept, costBefore: number): boolean {
  const { problem, state, rng } = ctx;
  const candidates = selectRuin(ctx, 'ruin_worst', 4);
  if (candidates.length === 0) return false;
  const a = rng.pick(candidates);
  const jobA = problem.jobs[a]!;
  const technicianIndex = rng.pick(jobA.qualified);
  const current = state.placements[a]!;
  const before = technicianIndex === current.technicianIndex ? current.start : jobA.deadlineMs;
  const blockers = state.jobsOverlapping(technicianIndex, jobA.earliestStartMs, before).filter((b) => b !== a);
  if (blockers.length === 0) return false;
  const old = new Map<number, Placement>();
  const touched: number[] = [a];
  old.set(a, state.remove(a));
  // Eject the one or two blockers nearest the job's earliest start.
  blockers.sort((x, y) => state.placements[x]!.start - state.placements[y]!.start || x - y);
  const ejected = blockers.slice(0, 1 + rng.int(2));
  for (const b of ejected) {
    old.set(b, state.remove(b));
    touched.push(b);
  }
  const slotA = state.bestSlotOn(jobA, technicianIndex);
  if (slotA === null) return settle(state, touched, old, false);
  state.place(a, slotA);
  let queue = ejected;
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    const next: number[] = [];
    for (const b of queue) {
      const jobB = problem.jobs[b]!;
      const slot = state.bestSlot(jobB);
      if (slot !== null) {
        state.place(b, slot);
        continue;
      }
      if (depth === 2) continue;
      const t = rng.pick(jobB.qualified);
      const others = state.jobsOverlapping(t, jobB.earliestStartMs, jobB.deadlineMs).filter((c) => !old.has(c));
      if (others.length === 0) continue;
      const c = rng.pick(others);
      old.set(c, state.remove(c));
      touched.push(c);
      const slotB = state.bestSlotOn(jobB, t);
      if (slotB !== null) state.place(b, slotB);
      next.push(c);
    }
    queue = next;
  }
  return settle(state, touched, old, accept(state.totalCost() - costBefore));
}

/**
 * Sequence exchange (cross-exchange): two technicians with a common skill give each other the jobs
 * they hold in the same time window; what does not fit on the other technician goes to its best
 * slot anywhere.
 */
function sequenceExchange(ctx: MoveContext, accept: Accept, costBefore: number): boolean {
  const { problem, state, rng } = ctx;
  const t1 = rng.int(problem.technicians.length);
  const t2 = rng.int(problem.technicians.length);
  if (t1 === t2) return false;
  const centre = problem.nowMs + rng.next() * (problem.horizonEndMs - problem.nowMs);
  const span = (6 + rng.int(43)) * HOUR_MS;
  const from = centre - span / 2;
  const to = centre + span / 2;
  const first = state.jobsOverlapping(t1, from, to).filter((j) => problem.jobs[j]!.qualified.includes(t2));
  const second = state.jobsOverlapping(t2, from, to).filter((j) => problem.jobs[j]!.qualified.includes(t1));
  if (first.length + second.length === 0) return false;
  const old = new Map<number, Placement>();
  for (const j of [...first, ...second]) old.set(j, state.remove(j));
  const byPriority = (list: number[]) =>
    [...list].sort((a, b) => insertionOrderKey(problem.jobs[b]!) - insertionOrderKey(problem.jobs[a]!) || a - b);
  const leftovers: number[] = [];
  for (const [list, target] of [
    [byPriority(first), t2],
    [byPriority(second), t1],
  ] as const) {
    for (const j of list) {
      const slot = state.bestSlotOn(problem.jobs[j]!, target);
      if (slot !== null) state.place(j, slot);
      else leftovers.push(j);
    }
  }
  for (const j of leftovers) {
    const slot = state.bestSlot(problem.jobs[j]!);
    if (slot !== null) state.place(j, slot);
  }
  return settle(state, [...old.keys()], old, accept(state.totalCost() - costBefore));
}
