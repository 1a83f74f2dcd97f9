import { firstEndingAfter, freeGaps, insertSorted, removeJobInterval, type BusyInterval } from './intervals';
import { placementCost, sumPlacementCost, type PlacementCost } from './jobCost';
import { SLOT_GRID_MS, type PreparedJob, type PreparedProblem } from './prepare';
import type { MsInterval } from './calendar';
import { SlotCache, EXACT, NONE_BELOW } from './slotCache';
import { ceilToStep, floorToStep, HOUR_MS } from './time';

export interface Slot {
  technicianIndex: number;
  start: number;
  end: number;
}

export interface Placement extends Slot {
  cost: PlacementCost;
  costSum: number;
}

/** A feasible slot and what taking it would add to the total cost (placement + load balance). */
export interface ScoredSlot extends Slot {
  score: number;
}

/**
 * A partial schedule that is hard-feasible by construction: `place` is only ever given slots
 * produced by the candidate search, which reads the technician's shifts and busy list. It keeps
 * the total cost incrementally so a local-search move is evaluated in O(1) after its slot search.
 */
export class ScheduleState {
  readonly placements: (Placement | null)[];
  private readonly busy: BusyInterval[][];
  private readonly loads: number[];
  private sumLoad = 0;
  private sumSquares = 0;
  private placementTotal = 0;
  private unassignedPenalty = 0;
  private readonly gapBuffer: MsInterval[] = [];
  private readonly technicianCount: number;
  private readonly cache: SlotCache;
  /** Per (job, technician): the continuity and travel terms of any placement there. */
  private readonly continuity: Float64Array;
  private readonly travel: Float64Array;

  constructor(private readonly problem: PreparedProblem) {
    this.technicianCount = problem.technicians.length;
    this.cache = new SlotCache(problem.jobs.length, this.technicianCount);
    this.continuity = new Float64Array(problem.jobs.length * this.technicianCount);
    this.travel = new Float64Array(problem.jobs.length * this.technicianCount);
    for (const job of problem.jobs) {
      for (const t of problem.technicians) {
        const { continuity, travel } = placementCost(problem, job, t.index, problem.nowMs);
        this.continuity[job.index * this.technicianCount + t.index] = continuity;
        this.travel[job.index * this.technicianCount + t.index] = travel;
      }
    }
    this.placements = problem.jobs.map(() => null);
    this.busy = problem.technicians.map((t) => t.bookings.map((b) => ({ ...b, jobIndex: -1 })));
    this.loads = problem.technicians.map((t) => t.bookedHours);
    for (const load of this.loads) {
      this.sumLoad += load;
      this.sumSquares += load * load;
    }
    for (const job of problem.jobs) this.unassignedPenalty += this.penaltyOf(job);
  }

  private penaltyOf(job: PreparedJob): number {
    return this.problem.weights.unassignedPerPriority * job.job.priority;
  }

  totalCost(): number {
    return this.placementTotal + this.loadBalance() + this.unassignedPenalty;
  }

  loadBalance(): number {
    const n = this.loads.length;
    if (n === 0) return 0;
    // Clamped: the incremental sums can drift a hair below zero when all loads are equal.
    return this.problem.weights.loadBalancePerHourSquared * Math.max(0, this.sumSquares - (this.sumLoad * this.sumLoad) / n);
  }

  /** How much the load-balance cost changes if `hours` are added to (or, negative, taken from) a technician. */
  loadBalanceDelta(technicianIndex: number, hours: number): number {
    const n = this.loads.length;
    const load = this.loads[technicianIndex]!;
    const squaresDelta = (load + hours) ** 2 - load ** 2;
    const meanTermDelta = ((this.sumLoad + hours) ** 2 - this.sumLoad ** 2) / n;
    return this.problem.weights.loadBalancePerHourSquared * (squaresDelta - meanTermDelta);
  }

  loadHours(technicianIndex: number): number {
    return this.loads[technicianIndex]!;
  }

  isAssigned(jobIndex: number): boolean {
    return this.placements[jobIndex] !== null;
  }

  /**
   * Calls `visit` with every candidate start for the job on the technician: in each free gap of
   * each shift between the job's earliest start and its deadline, the earliest and the latest
   * start. Those two suffice because the job's cost is concave in its start time (risk grows
   * concavely, earliness falls linearly), so its minimum over a gap lies at one end of it.
   */
  forEachCandidate(job: PreparedJob, technicianIndex: number, visit: (start: number, end: number) => void): void {
    const from = job.earliestStartMs;
    const to = job.deadlineMs;
    const duration = job.durationMs;
    if (to - from < duration) return;
    const technician = this.problem.technicians[technicianIndex]!;
    const availability = technician.availability;
    const busy = this.busy[technicianIndex]!;
    const reach = from - technician.longestAvailabilityMs;
    let i = lowerBoundByStart(availability, reach);
    for (; i < availability.length; i++) {
      const shift = availability[i]!;
      if (shift.start >= to) break;
      const windowStart = Math.max(shift.start, from);
      const windowEnd = Math.min(shift.end, to);
      if (windowEnd - windowStart < duration) continue;
      this.gapBuffer.length = 0;
      freeGaps(busy, windowStart, windowEnd, duration, this.gapBuffer);
      for (const gap of this.gapBuffer) {
        let earliest = ceilToStep(gap.start, SLOT_GRID_MS);
        if (earliest + duration > gap.end) earliest = gap.start;
        visit(earliest, earliest + duration);
        let latest = floorToStep(gap.end - duration, SLOT_GRID_MS);
        if (latest < gap.start) latest = gap.end - duration;
        if (latest > earliest) visit(latest, latest + duration);
      }
    }
  }

  /**
   * The cheapest feasible slot for an unplaced job on one technician that costs less than `bound`
   * (by more than 1e-9), or null. Shifts are visited in start order and the search stops at the
   * first shift whose earliest possible end already costs `bound` or more without its earliness
   * term: risk only grows with the end time and earliness is never negative, so no later slot can
   * win. This prune is exact and makes a best-slot search over all technicians several times faster.
   * The outcome is remembered per (job, technician) until that technician's plan changes
   * (`SlotCache`); it is the same answer the search would give, so the cache changes no plan.
   */
  bestSlotOn(job: PreparedJob, technicianIndex: number, bound = Infinity): ScoredSlot | null {
    const loadDelta = this.loadBalanceDelta(technicianIndex, job.durationMs / MS_PER_HOUR);
    const cache = this.cache;
    const entry = cache.entryOf(job.index, technicianIndex);
    const kind = cache.validKind(entry, technicianIndex);
    if (kind === EXACT) {
      const cost = cache.value[entry]!;
      const start = cache.start[entry]!;
      if (cost === Infinity) return null;
      if (this.isFree(technicianIndex, start, start + job.durationMs)) {
        const score = cost + loadDelta;
        return score < bound - 1e-9 ? { technicianIndex, start, end: start + job.durationMs, score } : null;
      }
    } else if (kind === NONE_BELOW && bound - loadDelta <= cache.value[entry]!) return null;
    const best = this.searchSlotOn(job, technicianIndex, bound, loadDelta);
    if (best !== null) cache.store(entry, technicianIndex, EXACT, best.score - loadDelta, best.start);
    else if (bound === Infinity) cache.store(entry, technicianIndex, EXACT, Infinity, 0);
    else cache.store(entry, technicianIndex, NONE_BELOW, bound - loadDelta, 0);
    return best;
  }

  /** The search behind `bestSlotOn`, over the free gaps of the busy list without building them. */
  private searchSlotOn(job: PreparedJob, technicianIndex: number, bound: number, loadDelta: number): ScoredSlot | null {
    let best: ScoredSlot | null = null;
    let limit = bound;
    const from = job.earliestStartMs;
    const to = job.deadlineMs;
    const duration = job.durationMs;
    if (to - from < duration) return null;
    const technician = this.problem.technicians[technicianIndex]!;
    const availability = technician.availability;
    const busy = this.busy[technicianIndex]!;
    const entry = job.index * this.technicianCount + technicianIndex;
    // placementFloor's terms in its order, so every score is bit-for-bit what it computes.
    const continuity = this.continuity[entry]!;
    const travel = this.travel[entry]!;
    const riskScale = this.problem.weights.risk * job.job.priority;
    const earlinessPerHour = this.problem.weights.earlinessPerHour;
    const hazard = job.hazardPerHour;
    const nowMs = this.problem.nowMs;
    let i = lowerBoundByStart(availability, from - technician.longestAvailabilityMs);
    for (; i < availability.length; i++) {
      const shift = availability[i]!;
      if (shift.start >= to) break;
      const windowStart = Math.max(shift.start, from);
      const windowEnd = Math.min(shift.end, to);
      if (windowEnd - windowStart < duration) continue;
      const firstEnd = windowStart + duration;
      const floorRisk = riskScale * (1 - Math.exp(-hazard * Math.max(0, (firstEnd - nowMs) / MS_PER_HOUR)));
      if (floorRisk + continuity + travel + loadDelta > limit) break;
      let cursor = windowStart;
      for (let b = firstEndingAfter(busy, windowStart); ; b++) {
        const interval = b < busy.length ? busy[b]! : null;
        const last = interval === null || interval.start >= windowEnd;
        const gapEnd = last ? windowEnd : interval.start;
        if (gapEnd - cursor >= duration) {
          let earliest = Math.ceil(cursor / GRID_MS) * GRID_MS;
          if (earliest + duration > gapEnd) earliest = cursor;
          let latest = Math.floor((gapEnd - duration) / GRID_MS) * GRID_MS;
          if (latest < cursor) latest = gapEnd - duration;
          for (let k = 0; k < 2; k++) {
            const start = k === 0 ? earliest : latest;
            if (k === 1 && latest <= earliest) break;
            const end = start + duration;
            const risk = riskScale * (1 - Math.exp(-hazard * Math.max(0, (end - nowMs) / MS_PER_HOUR)));
            const earliness = earlinessPerHour * Math.max(0, (to - end) / MS_PER_HOUR);
            const score = risk + earliness + continuity + travel + loadDelta;
            if (score < limit - 1e-9) {
              best = { technicianIndex, start, end, score };
              limit = score;
            }
          }
        }
        if (last) break;
        cursor = Math.max(cursor, interval.end);
        if (cursor >= windowEnd) break;
      }
    }
    return best;
  }

  /** Whether [start, end) overlaps nothing in the technician's busy list. */
  private isFree(technicianIndex: number, start: number, end: number): boolean {
    const busy = this.busy[technicianIndex]!;
    const i = firstEndingAfter(busy, start);
    return i >= busy.length || busy[i]!.start >= end;
  }

  /** The cheapest feasible slot over the given technicians (by default all qualified ones). */
  bestSlot(job: PreparedJob, technicianIndexes: readonly number[] = job.qualified): ScoredSlot | null {
    let best: ScoredSlot | null = null;
    for (const t of technicianIndexes) {
      const slot = this.bestSlotOn(job, t, best === null ? Infinity : best.score);
      if (slot !== null) best = slot;
    }
    return best;
  }

  /** The earliest feasible slot on one technician (the first-fit baseline's choice), or null. */
  earliestSlotOn(job: PreparedJob, technicianIndex: number): Slot | null {
    let earliest: Slot | null = null;
    this.forEachCandidate(job, technicianIndex, (start, end) => {
      if (earliest === null || start < earliest.start) earliest = { technicianIndex, start, end };
    });
    return earliest;
  }

  place(jobIndex: number, slot: Slot): void {
    if (this.placements[jobIndex] !== null) throw new Error(`job ${jobIndex} is already placed`);
    const job = this.problem.jobs[jobIndex]!;
    const cost = placementCost(this.problem, job, slot.technicianIndex, slot.end);
    const placement: Placement = {
      technicianIndex: slot.technicianIndex,
      start: slot.start,
      end: slot.end,
      cost,
      costSum: sumPlacementCost(cost),
    };
    this.placements[jobIndex] = placement;
    insertSorted(this.busy[slot.technicianIndex]!, { start: slot.start, end: slot.end, jobIndex });
    this.cache.change(slot.technicianIndex, jobIndex, slot.start, 1);
    this.addLoad(slot.technicianIndex, (slot.end - slot.start) / HOUR_MS);
    this.placementTotal += placement.costSum;
    this.unassignedPenalty -= this.penaltyOf(job);
  }

  remove(jobIndex: number): Placement {
    const placement = this.placements[jobIndex];
    if (placement == null) throw new Error(`job ${jobIndex} is not placed`);
    this.placements[jobIndex] = null;
    removeJobInterval(this.busy[placement.technicianIndex]!, jobIndex, placement.start);
    this.cache.change(placement.technicianIndex, jobIndex, placement.start, -1);
    this.addLoad(placement.technicianIndex, -(placement.end - placement.start) / HOUR_MS);
    this.placementTotal -= placement.costSum;
    this.unassignedPenalty += this.penaltyOf(this.problem.jobs[jobIndex]!);
    return placement;
  }

  private addLoad(technicianIndex: number, hours: number): void {
    const load = this.loads[technicianIndex]!;
    this.sumSquares += (load + hours) ** 2 - load ** 2;
    this.sumLoad += hours;
    this.loads[technicianIndex] = load + hours;
  }

  /** Jobs placed on a technician that overlap [fromMs, toMs). */
  jobsOverlapping(technicianIndex: number, fromMs: number, toMs: number): number[] {
    return this.busy[technicianIndex]!.filter((b) => b.jobIndex >= 0 && b.start < toMs && b.end > fromMs).map((b) => b.jobIndex);
  }

  snapshot(): (Slot | null)[] {
    return this.placements.map((p) => (p === null ? null : { technicianIndex: p.technicianIndex, start: p.start, end: p.end }));
  }

  restore(snapshot: readonly (Slot | null)[]): void {
    for (let j = 0; j < this.placements.length; j++) if (this.placements[j] !== null) this.remove(j);
    for (let j = 0; j < snapshot.length; j++) {
      const slot = snapshot[j];
      if (slot) this.place(j, slot);
    }
  }
}

/** Module-local copies (an imported constant is a getter call once compiled to CommonJS). */
const GRID_MS = SLOT_GRID_MS;
const MS_PER_HOUR = HOUR_MS;

function lowerBoundByStart(sorted: readonly MsInterval[], ms: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.start < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}
