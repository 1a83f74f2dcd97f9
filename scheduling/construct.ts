import type { PreparedJob, PreparedProblem } from './prepare';
import { ScheduleState } from './state';

/**
 * Slack in hours: how much room the job has between its earliest start and its deadline beyond
 * its own duration. Jobs with little slack and few qualified technicians are placed first, because
 * they are the ones that become impossible if others take their slots.
 */
export function slackHours(job: PreparedJob): number {
  return (job.deadlineMs - job.earliestStartMs - job.durationMs) / 3_600_000;
}

export function urgencyOrder(jobs: readonly PreparedJob[]): PreparedJob[] {
  return [...jobs].sort(
    (a, b) =>
      slackHours(a) * Math.max(1, a.qualified.length) - slackHours(b) * Math.max(1, b.qualified.length) ||
      b.job.priority - a.job.priority ||
      b.hazardPerHour - a.hazardPerHour ||
      (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0),
  );
}

/** Construction heuristic: most urgent job first, each at its cheapest feasible slot. */
export function constructByUrgency(problem: PreparedProblem): ScheduleState {
  const state = new ScheduleState(problem);
  for (const job of urgencyOrder(problem.jobs)) {
    const slot = state.bestSlot(job);
    if (slot !== null) state.place(job.index, slot);
  }
  return state;
}

/**
 * The naive baseline: jobs in the order given, each on the first technician (roster order) with
 * the skill who has any free slot, at the earliest such slot. It is what a scheduler without an
 * optimiser does, and what the original system approximated.
 */
export function constructFirstFit(problem: PreparedProblem): ScheduleState {
  const state = new ScheduleState(problem);
  for (const job of problem.jobs) {
    for (const technicianIndex of job.qualified) {
      const slot = state.earliestSlotOn(job, technicianIndex);
      if (slot !== null) {
        state.place(job.index, slot);
        break;
      }
    }
  }
  return state;
}
