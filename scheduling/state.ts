import { freeGaps, insertSorted, removeJobInterval, type BusyInterval } from './intervals';
import { placementCost, sumPlacementCost, type PlacementCost } from './jobCost';
import { SLOT_GRID_MS, type PreparedJob, type PreparedProblem } from './prepare';
import type { MsInterval } from './calendar';
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

  constructor(private readonly problem: PreparedProblem) {
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
   */
  bestSlotOn(job: PreparedJob, technicianIndex: number, bound = Infinity): ScoredSlot | null {
    const loadDelta = this.loadBalanceDelta(technicianIndex, job.durationMs / HOUR_MS);
    let best: ScoredSlot | null = null;
    let limit = bound;
    const from = job.earliestStartMs;
    const to = job.deadlineMs;
    const duration = job.durationMs;
    if (to - from < duration) return null;
    const technician = this.problem.technicians[technicianIndex]!;
    const availability = technician.availability;
    const busy = this.busy[technicianIndex]!;
    let i = lowerBoundByStart(availability, from - technician.longestAvailabilityMs);
    for (; i < availability.length; i++) {
      const shift = availability[i]!;
      if (shift.start >= to) break;
      const windowStart = Math.max(shift.start, from);
      const windowEnd = Math.min(shift.end, to);
      if (windowEnd - windowStart < duration) continue;
      const floor = placementCost(this.problem, job, technicianIndex, windowStart + duration);
      if (floor.risk + floor.continuity + floor.travel + loadDelta > limit) break;
      this.gapBuffer.length = 0;
      freeGaps(busy, windowStart, windowEnd, duration, this.gapBuffer);
      for (const gap of this.gapBuffer) {
        let earliest = ceilToStep(gap.start, SLOT_GRID_MS);
        if (earliest + duration > gap.end) earliest = gap.start;
        let latest = floorToStep(gap.end - duration, SLOT_GRID_MS);
        if (latest < gap.start) latest = gap.end - duration;
        for (const start of latest > earliest ? [earliest, latest] : [earliest]) {
          const end = start + duration;
          const score = sumPlacementCost(placementCost(this.problem, job, technicianIndex, end)) + loadDelta;
          if (score < limit - 1e-9) {
            best = { technicianIndex, start, end, score };
            limit = score;
          }
        }
      }
    }
    return best;
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
    this.addLoad(slot.technicianIndex, (slot.end - slot.start) / HOUR_MS);
    this.placementTotal += placement.costSum;
    this.unassignedPenalty -= this.penaltyOf(job);
  }

  remove(jobIndex: number): Placement {
    const placement = this.placements[jobIndex];
    if (placement == null) throw new Error(`job ${jobIndex} is not placed`);
    this.placements[jobIndex] = null;
    removeJobInterval(this.busy[placement.technicianIndex]!, jobIndex, placement.start);
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
