import { explainUnassigned } from './explain';
import type { PreparedJob, PreparedProblem } from './prepare';
import type { CostBreakdown, PlanQuality, UnassignedJob } from './result';
import { ScheduleState } from './state';
import { HOUR_MS, toIso } from './time';

/**
 * Jobs that no plan can place: no qualified technician, or no free start for any qualified
 * technician between ready time and deadline even with no other job planned. Their penalty is the
 * same in every plan, so it is reported apart from the part a planner can change.
 */
export function unavoidableJobs(problem: PreparedProblem): Array<UnassignedJob & { jobIndex: number }> {
  const empty = new ScheduleState(problem);
  const out: Array<UnassignedJob & { jobIndex: number }> = [];
  for (const job of problem.jobs) {
    if (hasStartAlone(empty, job)) continue;
    out.push({ ...explainUnassigned(problem, empty, job), jobIndex: job.index });
  }
  return out;
}

function hasStartAlone(empty: ScheduleState, job: PreparedJob): boolean {
  for (const t of job.qualified) {
    let found = false;
    empty.forEachCandidate(job, t, () => (found = true));
    if (found) return true;
  }
  return false;
}

/**
 * A lower bound on the avoidable cost that is cheap enough for every plan: the sum over the jobs
 * that can be planned of the cheapest risk + earliness + continuity + travel each could have alone,
 * on the empty plan. Valid because any plan's free gaps lie inside the empty plan's, a job's cost
 * over a gap is lowest at one of its ends (both candidates here), load balance is never negative, and
 * leaving a plannable job out costs its penalty, more than any placement. It ignores that jobs
 * compete for the same early slots, so it is loose (the LP bound of lowerBound.ts is tighter).
 */
export function perJobLowerBound(problem: PreparedProblem, empty: ScheduleState): number {
  let bound = 0;
  for (const job of problem.jobs) {
    let cheapest = Infinity;
    for (const t of job.qualified) {
      const slot = empty.bestSlotOn(job, t);
      if (slot !== null) cheapest = Math.min(cheapest, slot.score - empty.loadBalanceDelta(t, job.durationMs / HOUR_MS));
    }
    if (cheapest < Infinity) bound += Math.min(Math.max(0, cheapest), problem.weights.unassignedPerPriority * job.job.priority);
  }
  return bound;
}

export function planQuality(problem: PreparedProblem, totalCost: number, costBreakdown: CostBreakdown): PlanQuality {
  const unavoidable = unavoidableJobs(problem);
  const unavoidablePenalty = unavoidable.reduce(
    (s, u) => s + problem.weights.unassignedPerPriority * problem.jobs[u.jobIndex]!.job.priority,
    0,
  );
  const avoidableCost = totalCost - unavoidablePenalty;
  const lowerBound = perJobLowerBound(problem, new ScheduleState(problem));
  return {
    costTerms: costBreakdown,
    unavoidablePenalty,
    avoidableCost,
    avoidableCostLowerBound: lowerBound,
    withinPercentOfBound: gapToBound(avoidableCost, lowerBound).gapPercent,
    unavoidable: unavoidable.map(({ jobIndex: _, ...u }) => u),
    avoidableUnassignedPenalty: costBreakdown.unassigned - unavoidablePenalty,
  };
}

/**
 * "Within X % of the best possible": the plan's avoidable cost against a lower bound on it (see
 * lowerBound.ts). The true gap to the optimum is at most this figure.
 */
export function gapToBound(avoidableCost: number, bound: number): { gapPercent: number; sentence: string } {
  const gapPercent = bound > 0 ? Math.max(0, (100 * (avoidableCost - bound)) / bound) : 0;
  const rounded = Math.round(gapPercent * 10) / 10;
  return {
    gapPercent,
    sentence: `The avoidable cost ${avoidableCost.toFixed(1)} is within ${rounded} % of the best possible (lower bound ${bound.toFixed(1)}).`,
  };
}

/**
 * Why a planned job does not start earlier: the earliest start it could have with no other job
 * planned (its ready time, or the first shift of a qualified technician), and, when the plan starts
 * it later, the planned jobs that hold the qualified technicians' time in between.
 */
export function whyNotEarlier(problem: PreparedProblem, state: ScheduleState, job: PreparedJob): string {
  const placement = state.placements[job.index]!;
  const empty = new ScheduleState(problem);
  let earliest = Infinity;
  let earliestTechnician = -1;
  for (const t of job.qualified) {
    empty.forEachCandidate(job, t, (start) => {
      if (start < earliest) {
        earliest = start;
        earliestTechnician = t;
      }
    });
  }
  const grid = 15 * 60_000;
  if (placement.start <= earliest + grid - 1) {
    const byReady = earliest <= job.earliestStartMs + grid - 1;
    return byReady
      ? `Starts at the earliest possible time: the job is ready at ${toIso(job.earliestStartMs)}.`
      : `Starts at the earliest possible time: no qualified technician (${job.qualified.length} with ${job.job.requiredSkill} ≥ ${job.job.minLevel}) has a free shift before ${toIso(earliest)}.`;
  }
  const blockers: string[] = [];
  for (const t of job.qualified) {
    for (const b of state.jobsOverlapping(t, earliest, placement.start)) {
      const other = problem.jobs[b]!;
      blockers.push(`${other.job.id} (priority ${other.job.priority}, ${problem.technicians[t]!.technician.name})`);
    }
  }
  const hours = Math.round(((placement.start - earliest) / 3_600_000) * 10) / 10;
  const who = problem.technicians[earliestTechnician]!.technician.name;
  if (blockers.length === 0) {
    return `Could start ${hours} h earlier (${toIso(earliest)}, ${who}); that slot is free but costs more once travel, continuity and load are counted.`;
  }
  const shown = blockers.slice(0, 4).join(', ') + (blockers.length > 4 ? `, and ${blockers.length - 4} more` : '');
  return `Could start ${hours} h earlier (${toIso(earliest)}, ${who}) but the qualified technicians' time until then is held by ${shown}.`;
}
