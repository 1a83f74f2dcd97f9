import type { MsInterval } from './calendar';
import { freeGaps } from './intervals';
import { placementCost, sumPlacementCost } from './jobCost';
import { skillLevelOf, type PreparedJob, type PreparedProblem } from './prepare';
import type { Alternative, Assignment, UnassignedJob } from './result';
import type { ScheduleState } from './state';
import { HOUR_MS, toIso } from './time';

const MAX_ALTERNATIVES = 3;

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const minutes = (ms: number): number => Math.round(ms / 60_000);

/**
 * Explains one planned job. It takes the job out of the plan, looks at the best slot every other
 * qualified technician could offer in its place, and puts it back, so "why this technician" is
 * answered against the real alternatives of the final plan.
 */
export function explainAssignment(problem: PreparedProblem, state: ScheduleState, job: PreparedJob): Assignment {
  const placement = state.placements[job.index]!;
  const chosen = problem.technicians[placement.technicianIndex]!;
  const name = chosen.technician.name;
  const loadBalanceWith = state.loadBalance();

  state.remove(job.index);
  const loadBalanceWithout = state.loadBalance();
  const chosenScore = placement.costSum + state.loadBalanceDelta(placement.technicianIndex, job.durationMs / HOUR_MS);
  let feasibleSlots = 0;
  const alternatives: Alternative[] = [];
  for (const t of job.qualified) {
    state.forEachCandidate(job, t, () => feasibleSlots++);
    if (t === placement.technicianIndex) continue;
    const best = state.bestSlotOn(job, t);
    if (best !== null) {
      alternatives.push({
        technicianId: problem.technicians[t]!.technician.id,
        start: toIso(best.start),
        end: toIso(best.end),
        extraCost: round(best.score - chosenScore, 3),
      });
    }
  }
  state.place(job.index, placement);
  alternatives.sort((a, b) => a.extraCost - b.extraCost || (a.technicianId < b.technicianId ? -1 : 1));

  const cost = placementCost(problem, job, placement.technicianIndex, placement.end);
  const loadBalance = loadBalanceWith - loadBalanceWithout;
  const shift = chosen.availability.find((a) => a.start <= placement.start && a.end >= placement.end)!;
  const level = skillLevelOf(chosen.technician, job.job.requiredSkill);
  const failureBeforeEnd = 1 - Math.exp(-job.hazardPerHour * Math.max(0, (placement.end - problem.nowMs) / HOUR_MS));
  const hoursBeforeDeadline = (job.deadlineMs - placement.end) / HOUR_MS;
  const continuity =
    job.lastTechnicianIndex < 0
      ? 'no_history'
      : job.lastTechnicianIndex === placement.technicianIndex
        ? 'same_technician'
        : 'different_technician';
  const siteMatch = job.job.site === undefined ? null : job.job.site === chosen.technician.site;
  const loadHours = state.loadHours(placement.technicianIndex);
  const meanLoad = problem.technicians.reduce((s, t) => s + state.loadHours(t.index), 0) / problem.technicians.length;

  const reasons = [
    `${name} has ${job.job.requiredSkill} level ${level} (the job needs at least ${job.job.minLevel}).`,
    `Fits inside ${name}'s shift ${toIso(shift.start)}–${toIso(shift.end)} without overlapping a booking or another job.`,
    `Ends ${round(hoursBeforeDeadline, 1)} h before the deadline ${toIso(job.deadlineMs)}` +
      (job.deadlineWasPast ? ' (the predicted-failure deadline had already passed, so it is planned within the next 7 days).' : '.'),
    `Failure probability before the job is done: ${round(failureBeforeEnd * 100, 1)} % at priority ${job.job.priority}.`,
  ];
  if (continuity === 'same_technician') reasons.push(`${name} last serviced ${job.job.equipmentId} (continuity).`);
  if (continuity === 'different_technician') {
    const last = problem.technicians[job.lastTechnicianIndex]!.technician.name;
    reasons.push(`${last} last serviced ${job.job.equipmentId} but was not chosen; continuity cost ${round(cost.continuity)}.`);
  }
  if (siteMatch === false)
    reasons.push(`${name} works at ${chosen.technician.site}, the equipment is at ${job.job.site}; travel cost ${round(cost.travel)}.`);
  reasons.push(`${name} will have ${round(loadHours, 1)} h booked over the horizon (team mean ${round(meanLoad, 1)} h).`);
  const runnerUp = alternatives[0];
  if (runnerUp) {
    const runnerName = problem.technicians.find((t) => t.technician.id === runnerUp.technicianId)!.technician.name;
    reasons.push(
      `Cheapest of ${feasibleSlots} feasible slots across ${job.qualified.length} qualified technicians; ` +
        `next best: ${runnerName} at ${runnerUp.start} (${runnerUp.extraCost >= 0 ? '+' : ''}${runnerUp.extraCost} cost).`,
    );
  } else {
    reasons.push(`No other qualified technician had a feasible slot (${feasibleSlots} slots considered, all on ${name}).`);
  }

  return {
    jobId: job.job.id,
    technicianId: chosen.technician.id,
    technicianName: name,
    start: toIso(placement.start),
    end: toIso(placement.end),
    cost: { ...cost, loadBalance, total: sumPlacementCost(cost) + loadBalance },
    reasons,
    explanation: {
      skill: { name: job.job.requiredSkill, requiredLevel: job.job.minLevel, technicianLevel: level },
      shift: { start: toIso(shift.start), end: toIso(shift.end) },
      effectiveDeadline: toIso(job.deadlineMs),
      deadlineWasPast: job.deadlineWasPast,
      continuity,
      siteMatch,
      technicianLoadHours: round(loadHours, 3),
      failureProbabilityBeforeEnd: round(failureBeforeEnd, 6),
      hoursBeforeDeadline: round(hoursBeforeDeadline, 3),
      feasibleSlotsConsidered: feasibleSlots,
      qualifiedTechnicians: job.qualified.length,
      alternatives: alternatives.slice(0, MAX_ALTERNATIVES),
    },
  };
}

function hasGap(problem: PreparedProblem, job: PreparedJob, technicianIndex: number, busy: readonly MsInterval[]): boolean {
  const gaps: MsInterval[] = [];
  for (const shift of problem.technicians[technicianIndex]!.availability) {
    const from = Math.max(shift.start, job.earliestStartMs);
    const to = Math.min(shift.end, job.deadlineMs);
    if (to - from < job.durationMs) continue;
    freeGaps(busy, from, to, job.durationMs, gaps);
    if (gaps.length > 0) return true;
  }
  return false;
}

/**
 * Says precisely why a job could not be planned, peeling the hard rules off one at a time: the
 * skill, then the shifts before the deadline, then existing bookings, and what remains is
 * competition with the other jobs of this plan.
 */
export function explainUnassigned(problem: PreparedProblem, state: ScheduleState, job: PreparedJob): UnassignedJob {
  const { requiredSkill: skill, minLevel, id: jobId } = job.job;
  if (job.qualified.length === 0) {
    let best: { level: number; name: string } | null = null;
    for (const t of problem.technicians) {
      const level = skillLevelOf(t.technician, skill);
      if (level > 0 && (best === null || level > best.level)) best = { level, name: t.technician.name };
    }
    const roster = best ? `the highest on the roster is level ${best.level} (${best.name})` : `nobody on the roster has ${skill}`;
    return { jobId, code: 'no_skill', reason: `No technician has ${skill} at level ${minLevel} or above; ${roster}.` };
  }
  const window = `between ${toIso(job.earliestStartMs)} and the deadline ${toIso(job.deadlineMs)}`;
  const need = `${minutes(job.durationMs)} min`;
  if (job.deadlineMs - job.earliestStartMs < job.durationMs) {
    return { jobId, code: 'no_slot_before_deadline', reason: `Less than the ${need} the job needs ${window}.` };
  }
  const names = job.qualified.map((t) => problem.technicians[t]!.technician.name).join(', ');
  if (!job.qualified.some((t) => hasGap(problem, job, t, []))) {
    return {
      jobId,
      code: 'no_slot_before_deadline',
      reason: `None of the ${job.qualified.length} qualified technicians (${names}) has a shift with ${need} ${window}.`,
    };
  }
  if (!job.qualified.some((t) => hasGap(problem, job, t, problem.technicians[t]!.bookings))) {
    return {
      jobId,
      code: 'slots_taken_by_bookings',
      reason: `The qualified technicians' shifts ${window} are fully taken by existing bookings (${names}).`,
    };
  }
  const competing = new Set<string>();
  for (const t of job.qualified) {
    for (const j of state.jobsOverlapping(t, job.earliestStartMs, job.deadlineMs)) competing.add(problem.jobs[j]!.job.id);
  }
  const competingJobIds = [...competing].sort();
  return {
    jobId,
    code: 'capacity_taken_by_other_jobs',
    reason:
      `Free shift time ${window} went to ${competingJobIds.length} other planned jobs ` +
      `(${competingJobIds.slice(0, 5).join(', ')}${competingJobIds.length > 5 ? ', …' : ''}); a human may reprioritise.`,
    competingJobIds,
  };
}
