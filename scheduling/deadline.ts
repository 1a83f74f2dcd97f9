import type { Job } from './model';
import { DAY_MS, toMs } from './time';

/** A deadline already in the past means the failure is overdue: plan within this many days. */
export const PAST_DEADLINE_WINDOW_DAYS = 7;

/**
 * The deadline the solver plans against. The caller derives `job.deadline` from the predicted
 * failure time; when that is already past (the prediction came late, or the order waited for
 * approval), refusing to plan would leave the riskiest equipment unattended, so the job is planned
 * within the next `PAST_DEADLINE_WINDOW_DAYS` days instead.
 */
export function effectiveDeadline(job: Pick<Job, 'deadline'>, now: Date): Date {
  const deadlineMs = toMs(job.deadline);
  const nowMs = now.getTime();
  return new Date(deadlineMs > nowMs ? deadlineMs : nowMs + PAST_DEADLINE_WINDOW_DAYS * DAY_MS);
}

export function deadlineWasPast(job: Pick<Job, 'deadline'>, now: Date): boolean {
  return toMs(job.deadline) <= now.getTime();
}
