import { effectiveDeadline } from './deadline';
import type { ScheduleProblem, Technician } from './model';
import type { ScheduleResult } from './result';
import { DAY_MS, MINUTE_MS, toMs } from './time';

export type HardViolationCode =
  | 'unknown_job'
  | 'unknown_technician'
  | 'job_planned_twice'
  | 'job_missing'
  | 'wrong_duration'
  | 'skill_level'
  | 'outside_shift'
  | 'overlaps_booking'
  | 'overlaps_other_job'
  | 'before_ready_time'
  | 'before_now'
  | 'after_deadline';

export interface HardViolation {
  code: HardViolationCode;
  jobId: string;
  message: string;
}

/**
 * Checks a plan against every hard rule, written independently of the solver (it reads the weekly
 * pattern directly instead of the solver's expanded calendar, and compares every pair of
 * intervals) so that a bug in the solver's slot search cannot hide itself.
 */
export function checkHardConstraints(
  problem: ScheduleProblem,
  result: Pick<ScheduleResult, 'now' | 'assignments' | 'unassigned'>,
): HardViolation[] {
  const violations: HardViolation[] = [];
  const now = new Date(result.now);
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  const technicians = new Map(problem.technicians.map((t) => [t.id, t]));
  const seen = new Map<string, number>();
  for (const a of result.assignments) seen.set(a.jobId, (seen.get(a.jobId) ?? 0) + 1);
  for (const u of result.unassigned) seen.set(u.jobId, (seen.get(u.jobId) ?? 0) + 1);
  for (const job of problem.jobs) {
    const count = seen.get(job.id) ?? 0;
    if (count === 0) violations.push({ code: 'job_missing', jobId: job.id, message: `job ${job.id} is neither planned nor unassigned` });
    if (count > 1) violations.push({ code: 'job_planned_twice', jobId: job.id, message: `job ${job.id} appears ${count} times` });
  }

  for (const a of result.assignments) {
    const job = jobs.get(a.jobId);
    const technician = technicians.get(a.technicianId);
    if (!job) {
      violations.push({ code: 'unknown_job', jobId: a.jobId, message: `no job ${a.jobId} in the problem` });
      continue;
    }
    if (!technician) {
      violations.push({ code: 'unknown_technician', jobId: a.jobId, message: `no technician ${a.technicianId}` });
      continue;
    }
    const start = toMs(a.start);
    const end = toMs(a.end);
    const fail = (code: HardViolationCode, message: string) => violations.push({ code, jobId: a.jobId, message });
    if (end - start !== job.durationMinutes * MINUTE_MS) fail('wrong_duration', `${a.start}–${a.end} is not ${job.durationMinutes} min`);
    const level = Math.max(0, ...technician.skills.filter((s) => s.skill === job.requiredSkill).map((s) => s.level));
    if (level < job.minLevel) fail('skill_level', `${technician.id} has ${job.requiredSkill} level ${level} < ${job.minLevel}`);
    if (!insideOneShift(technician, start, end)) fail('outside_shift', `${a.start}–${a.end} is not inside one shift of ${technician.id}`);
    for (const b of technician.bookings ?? []) {
      if (start < toMs(b.end) && toMs(b.start) < end) fail('overlaps_booking', `overlaps booking ${b.start}–${b.end}`);
    }
    if (start < toMs(job.readyAt)) fail('before_ready_time', `starts ${a.start} before ready time ${job.readyAt}`);
    if (start < now.getTime()) fail('before_now', `starts ${a.start} before now ${result.now}`);
    if (end > effectiveDeadline(job, now).getTime()) fail('after_deadline', `ends ${a.end} after the effective deadline`);
  }

  for (let i = 0; i < result.assignments.length; i++) {
    for (let k = i + 1; k < result.assignments.length; k++) {
      const a = result.assignments[i]!;
      const b = result.assignments[k]!;
      if (a.technicianId !== b.technicianId) continue;
      if (toMs(a.start) < toMs(b.end) && toMs(b.start) < toMs(a.end)) {
        violations.push({ code: 'overlaps_other_job', jobId: b.jobId, message: `${a.technicianId}: ${a.jobId} and ${b.jobId} overlap` });
      }
    }
  }
  return violations;
}

function insideOneShift(technician: Technician, start: number, end: number): boolean {
  const offset = technician.utcOffsetMinutes * MINUTE_MS;
  const localStart = start + offset;
  // A shift that contains the job started on the job's local day or the day before (night shift).
  for (const dayShift of [0, -1]) {
    const localMidnight = Math.floor(localStart / DAY_MS) * DAY_MS + dayShift * DAY_MS;
    const weekday = new Date(localMidnight).getUTCDay();
    for (const shift of technician.shifts) {
      if (shift.weekday !== weekday) continue;
      const [sh, sm] = shift.start.split(':').map(Number);
      const [eh, em] = shift.end.split(':').map(Number);
      const shiftStart = localMidnight + (sh! * 60 + sm!) * MINUTE_MS - offset;
      let shiftEnd = localMidnight + (eh! * 60 + em!) * MINUTE_MS - offset;
      if (shiftEnd <= shiftStart) shiftEnd += DAY_MS;
      if (start >= shiftStart && end <= shiftEnd) return true;
    }
  }
  return (technician.extraAvailability ?? []).some((x) => start >= toMs(x.start) && end <= toMs(x.end));
}
