import { availabilityIntervals, type MsInterval } from './calendar';
import { effectiveDeadline, deadlineWasPast } from './deadline';
import { mergeIntervals } from './intervals';
import type { Job, ScheduleProblem, Technician } from './model';
import { DAY_MS, HOUR_MS, MINUTE_MS, toMs } from './time';
import type { CostWeights } from './weights';

/** Slot starts are placed on this grid so plans read like a human wrote them (08:15, not 08:13:27). */
export const SLOT_GRID_MS = 15 * MINUTE_MS;

/** A job with its times in epoch milliseconds and the facts the solver keeps looking up. */
export interface PreparedJob {
  index: number;
  job: Job;
  /** max(readyAt, now): nothing can start in the past. */
  earliestStartMs: number;
  deadlineMs: number;
  deadlineWasPast: boolean;
  durationMs: number;
  hazardPerHour: number;
  /** Indexes of technicians with the skill at the required level. */
  qualified: number[];
  /** Index of the technician who last serviced the equipment, or -1 (none, or not in the roster). */
  lastTechnicianIndex: number;
}

export interface PreparedTechnician {
  index: number;
  technician: Technician;
  /** Shifts and extra availability over the horizon, sorted by start (may overlap one another). */
  availability: MsInterval[];
  /** Longest availability interval, to bound the search for intervals that reach into a window. */
  longestAvailabilityMs: number;
  /** Existing bookings, merged. */
  bookings: MsInterval[];
  /** Hours of existing bookings inside the horizon: they count towards the technician's load. */
  bookedHours: number;
}

export interface PreparedProblem {
  nowMs: number;
  horizonEndMs: number;
  jobs: PreparedJob[];
  technicians: PreparedTechnician[];
  weights: CostWeights;
}

export function skillLevelOf(technician: Technician, skill: string): number {
  let best = 0;
  for (const s of technician.skills) if (s.skill === skill && s.level > best) best = s.level;
  return best;
}

/**
 * The hazard rate the risk cost uses. Given a probability p of failing before the deadline, a
 * constant hazard λ = −ln(1 − p) / hours-until-deadline reproduces p at the deadline and lets the
 * cost grow smoothly with how late the job ends. Measured from now to the effective deadline, so an
 * overdue job (past deadline) spreads its probability over the 7-day window it is planned in.
 */
export function hazardPerHour(job: Job, nowMs: number, deadlineMs: number): number {
  if (job.hazardPerHour !== undefined) return job.hazardPerHour;
  const probability = Math.min(job.failureProbability, 1 - 1e-9);
  const windowHours = Math.max(1, (deadlineMs - nowMs) / HOUR_MS);
  return -Math.log(1 - probability) / windowHours;
}

export function prepareProblem(problem: ScheduleProblem, now: Date, weights: CostWeights): PreparedProblem {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');
  const technicianIndex = new Map(problem.technicians.map((t, i) => [t.id, i]));
  if (technicianIndex.size !== problem.technicians.length) throw new RangeError('technician ids must be unique');
  if (new Set(problem.jobs.map((j) => j.id)).size !== problem.jobs.length) throw new RangeError('job ids must be unique');

  const jobs: PreparedJob[] = problem.jobs.map((job, index) => {
    const deadlineMs = effectiveDeadline(job, now).getTime();
    return {
      index,
      job,
      earliestStartMs: Math.max(toMs(job.readyAt), nowMs),
      deadlineMs,
      deadlineWasPast: deadlineWasPast(job, now),
      durationMs: job.durationMinutes * MINUTE_MS,
      hazardPerHour: hazardPerHour(job, nowMs, deadlineMs),
      qualified: problem.technicians.flatMap((t, i) => (skillLevelOf(t, job.requiredSkill) >= job.minLevel ? [i] : [])),
      lastTechnicianIndex: job.lastTechnicianId === undefined ? -1 : (technicianIndex.get(job.lastTechnicianId) ?? -1),
    };
  });

  const horizonEndMs = Math.max(nowMs + DAY_MS, ...jobs.map((j) => j.deadlineMs));
  const technicians: PreparedTechnician[] = problem.technicians.map((technician, index) => {
    const availability = availabilityIntervals(technician, nowMs, horizonEndMs);
    const bookings = mergeIntervals((technician.bookings ?? []).map((b) => ({ start: toMs(b.start), end: toMs(b.end) })));
    let bookedMs = 0;
    for (const b of bookings) bookedMs += Math.max(0, Math.min(b.end, horizonEndMs) - Math.max(b.start, nowMs));
    return {
      index,
      technician,
      availability,
      longestAvailabilityMs: availability.reduce((m, a) => Math.max(m, a.end - a.start), 0),
      bookings,
      bookedHours: bookedMs / HOUR_MS,
    };
  });
  return { nowMs, horizonEndMs, jobs, technicians, weights };
}
