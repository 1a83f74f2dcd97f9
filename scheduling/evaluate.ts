import { placementCost, loadBalanceCost } from './jobCost';
import type { ScheduleProblem } from './model';
import { prepareProblem } from './prepare';
import type { CostBreakdown } from './result';
import { HOUR_MS, toMs } from './time';
import { resolveWeights, type CostWeights } from './weights';

export interface PlannedJob {
  jobId: string;
  technicianId: string;
  start: string;
  end: string;
}

export interface Evaluation {
  totalCost: number;
  costBreakdown: CostBreakdown;
}

/**
 * The total cost of any plan, recomputed from scratch. The solver's own bookkeeping is
 * incremental; this is the yardstick that the result, the first-fit baseline and the benchmark are
 * all measured with, so their figures are comparable.
 */
export function evaluateSchedule(
  problem: ScheduleProblem,
  plan: readonly PlannedJob[],
  now: Date,
  weights: Partial<CostWeights> = {},
): Evaluation {
  const prepared = prepareProblem(problem, now, resolveWeights(weights));
  const jobIndex = new Map(prepared.jobs.map((j) => [j.job.id, j]));
  const technicianIndex = new Map(prepared.technicians.map((t) => [t.technician.id, t.index]));
  const loads = prepared.technicians.map((t) => t.bookedHours);
  const breakdown: CostBreakdown = { risk: 0, earliness: 0, continuity: 0, travel: 0, loadBalance: 0, unassigned: 0 };
  const planned = new Set<string>();
  for (const item of plan) {
    const job = jobIndex.get(item.jobId);
    const t = technicianIndex.get(item.technicianId);
    if (job === undefined || t === undefined)
      throw new RangeError(`plan refers to unknown job or technician: ${item.jobId} / ${item.technicianId}`);
    const cost = placementCost(prepared, job, t, toMs(item.end));
    breakdown.risk += cost.risk;
    breakdown.earliness += cost.earliness;
    breakdown.continuity += cost.continuity;
    breakdown.travel += cost.travel;
    loads[t] = loads[t]! + (toMs(item.end) - toMs(item.start)) / HOUR_MS;
    planned.add(item.jobId);
  }
  breakdown.loadBalance = loadBalanceCost(loads, prepared.weights.loadBalancePerHourSquared);
  for (const job of prepared.jobs) {
    if (!planned.has(job.job.id)) breakdown.unassigned += prepared.weights.unassignedPerPriority * job.job.priority;
  }
  const totalCost = Object.values(breakdown).reduce((s, v) => s + v, 0);
  return { totalCost, costBreakdown: breakdown };
}
