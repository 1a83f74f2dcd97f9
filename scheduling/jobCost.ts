import type { PreparedJob, PreparedProblem } from './prepare';
import { HOUR_MS } from './time';

/** The soft costs of one placement that depend only on that job (load balance is global). */
export interface PlacementCost {
  risk: number;
  earliness: number;
  continuity: number;
  travel: number;
}

export function placementCost(problem: PreparedProblem, job: PreparedJob, technicianIndex: number, endMs: number): PlacementCost {
  const { weights } = problem;
  const hoursUntilDone = Math.max(0, (endMs - problem.nowMs) / HOUR_MS);
  const failureBeforeDone = 1 - Math.exp(-job.hazardPerHour * hoursUntilDone);
  const technician = problem.technicians[technicianIndex]!.technician;
  return {
    risk: weights.risk * job.job.priority * failureBeforeDone,
    earliness: weights.earlinessPerHour * Math.max(0, (job.deadlineMs - endMs) / HOUR_MS),
    continuity: job.lastTechnicianIndex >= 0 && job.lastTechnicianIndex !== technicianIndex ? weights.continuity : 0,
    travel: job.job.site !== undefined && job.job.site !== technician.site ? weights.travel : 0,
  };
}

/**
 * `sumPlacementCost(placementCost(...))` without the object: the best-slot search calls it for
 * every candidate, and the allocation showed up as a tenth of the search's time (garbage
 * collection). Same expressions in the same order, so the sum is bit-for-bit the same.
 */
export function placementCostSum(problem: PreparedProblem, job: PreparedJob, technicianIndex: number, endMs: number): number {
  return placementFloor(problem, job, technicianIndex, endMs, true);
}

/**
 * Risk + earliness (when `withEarliness`) + continuity + travel of ending at `endMs`. Without
 * earliness it is what the best-slot search prunes with: no later end can cost less than that.
 */
export function placementFloor(
  problem: PreparedProblem,
  job: PreparedJob,
  technicianIndex: number,
  endMs: number,
  withEarliness = false,
): number {
  const { weights } = problem;
  const hoursUntilDone = Math.max(0, (endMs - problem.nowMs) / MS_PER_HOUR);
  const risk = weights.risk * job.job.priority * (1 - Math.exp(-job.hazardPerHour * hoursUntilDone));
  const earliness = withEarliness ? weights.earlinessPerHour * Math.max(0, (job.deadlineMs - endMs) / MS_PER_HOUR) : 0;
  const continuity = job.lastTechnicianIndex >= 0 && job.lastTechnicianIndex !== technicianIndex ? weights.continuity : 0;
  const site = job.job.site;
  const travel = site !== undefined && site !== problem.technicians[technicianIndex]!.technician.site ? weights.travel : 0;
  return risk + earliness + continuity + travel;
}

/** A module-local copy: imported constants are property reads through a getter once compiled to CommonJS. */
const MS_PER_HOUR = HOUR_MS;

export function sumPlacementCost(cost: PlacementCost): number {
  return cost.risk + cost.earliness + cost.continuity + cost.travel;
}

/** Spread of loads: the sum of squared deviations from the mean, weighted. */
export function loadBalanceCost(loadsHours: readonly number[], weightPerHourSquared: number): number {
  if (loadsHours.length === 0) return 0;
  const mean = loadsHours.reduce((s, l) => s + l, 0) / loadsHours.length;
  return weightPerHourSquared * loadsHours.reduce((s, l) => s + (l - mean) ** 2, 0);
}
