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

export function sumPlacementCost(cost: PlacementCost): number {
  return cost.risk + cost.earliness + cost.continuity + cost.travel;
}

/** Spread of loads: the sum of squared deviations from the mean, weighted. */
export function loadBalanceCost(loadsHours: readonly number[], weightPerHourSquared: number): number {
  if (loadsHours.length === 0) return 0;
  const mean = loadsHours.reduce((s, l) => s + l, 0) / loadsHours.length;
  return weightPerHourSquared * loadsHours.reduce((s, l) => s + (l - mean) ** 2, 0);
}
