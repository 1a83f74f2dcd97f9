import highsLoader from 'highs';
import { mergeIntervals } from './intervals';
import { placementCost } from './jobCost';
import type { ScheduleProblem } from './model';
import { prepareProblem, type PreparedJob, type PreparedProblem } from './prepare';
import { unavoidableJobs } from './quality';
import { HOUR_MS } from './time';
import { resolveWeights, type CostWeights } from './weights';

/**
 * A lower bound on the avoidable part of the cost (total minus the penalty of the jobs that have no
 * feasible start anywhere), from a time-indexed LP relaxation solved with HiGHS (WebAssembly).
 *
 * The relaxation. For each technician, its free time is the union of its shifts minus its
 * bookings, a list of free intervals F. Every feasible placement of a job lies inside one F and
 * inside the job's window. Each F is cut into buckets of `bucketHours`; variable x[j,F,k] ∈ [0,1]
 * says "job j ends in bucket k of F", u[j] says "j is unassigned". Constraints:
 *   Σ x[j,·,·] + u[j] = 1                                  (each job once, or unassigned)
 *   Σ_{j, k' ≤ k} duration_j · x[j,F,k'] ≤ (end of bucket k) − start of F   (work ending by a time fits before it)
 * The cost of x[j,F,k] is the cheapest risk + earliness over the ends allowed in that bucket (the
 * cost is concave in the end, so an end point of the range), plus continuity and travel; u[j] costs
 * the unassigned penalty. Load balance is ≥ 0 and left out, shifts that overlap are merged and the
 * 15-minute grid is ignored: each only enlarges the feasible set, so the optimum of the LP is ≤ the
 * cost of every plan. Computed on request (`lowerBoundOnAvoidableCost`, async because the solver
 * is WebAssembly), never inside `solveSchedule`: the bench calls it, the activity does not.
 */
export interface LowerBound {
  /** Lower bound on (total cost − unavoidable penalty); null when HiGHS did not reach optimality. */
  avoidableCostBound: number | null;
  unavoidablePenalty: number;
  status: string;
  variables: number;
  constraints: number;
  bucketHours: number;
}

export interface LowerBoundOptions {
  weights?: Partial<CostWeights>;
  /** Bucket width; narrower is tighter and larger. Default 1 hour. */
  bucketHours?: number;
}

export async function lowerBoundOnAvoidableCost(problem: ScheduleProblem, now: Date, opts: LowerBoundOptions = {}): Promise<LowerBound> {
  const prepared = prepareProblem(problem, now, resolveWeights(opts.weights));
  const bucketHours = opts.bucketHours ?? 1;
  const unavoidable = new Set(unavoidableJobs(prepared).map((u) => u.jobIndex));
  let unavoidablePenalty = 0;
  for (const j of unavoidable) unavoidablePenalty += prepared.weights.unassignedPerPriority * prepared.jobs[j]!.job.priority;
  const lp = buildRelaxation(
    prepared,
    prepared.jobs.filter((j) => !unavoidable.has(j.index)),
    bucketHours * HOUR_MS,
  );
  const highs = await highsLoader();
  const solution = highs.solve(lp.text, { presolve: 'on', solver: 'simplex' });
  const optimal = solution.Status === 'Optimal';
  return {
    avoidableCostBound: optimal ? solution.ObjectiveValue : null,
    unavoidablePenalty,
    status: solution.Status,
    variables: lp.variables,
    constraints: lp.constraints,
    bucketHours,
  };
}

interface Relaxation {
  text: string;
  variables: number;
  constraints: number;
}

function buildRelaxation(problem: PreparedProblem, jobs: readonly PreparedJob[], bucketMs: number): Relaxation {
  const free = problem.technicians.map((t) => freeIntervals(t.availability, t.bookings));
  const objective: string[] = [];
  const assignRows: string[] = [];
  // capacity[t][f][k]: terms "d x" of jobs ending in bucket k of free interval f of technician t.
  const capacity = free.map((intervals) =>
    intervals.map((f) => Array.from({ length: Math.ceil((f.end - f.start) / bucketMs) }, () => [] as string[])),
  );
  let variables = 0;
  for (const job of jobs) {
    const row: string[] = [];
    const u = `u${job.index}`;
    variables++;
    objective.push(`${fmt(problem.weights.unassignedPerPriority * job.job.priority)} ${u}`);
    row.push(u);
    for (const t of job.qualified) {
      const intervals = free[t]!;
      for (let f = 0; f < intervals.length; f++) {
        const interval = intervals[f]!;
        const lo = Math.max(interval.start, job.earliestStartMs) + job.durationMs; // earliest end
        const hi = Math.min(interval.end, job.deadlineMs); // latest end
        if (hi < lo) continue;
        // Bucket k holds the ends in [start + kΔ, start + (k+1)Δ]; an end on the interval's last
        // instant belongs to the last bucket (dropping it would make the bound invalid).
        const buckets = capacity[t]![f]!.length;
        const firstBucket = Math.min(buckets - 1, Math.floor((lo - interval.start) / bucketMs));
        const lastBucket = Math.min(buckets - 1, Math.floor((hi - interval.start) / bucketMs));
        for (let k = firstBucket; k <= lastBucket; k++) {
          const from = Math.max(lo, interval.start + k * bucketMs);
          const to = Math.min(hi, interval.start + (k + 1) * bucketMs);
          if (to < from) continue;
          const cost = Math.min(endCost(problem, job, t, from), endCost(problem, job, t, to));
          const x = `x${job.index}_${t}_${f}_${k}`;
          variables++;
          objective.push(`${fmt(cost)} ${x}`);
          row.push(x);
          capacity[t]![f]![k]!.push(`${fmt(job.durationMs / HOUR_MS)} ${x}`);
        }
      }
    }
    assignRows.push(`a${job.index}: ${wrap(row.join(' + '))} = 1`);
  }
  const capacityRows: string[] = [];
  capacity.forEach((intervals, t) =>
    intervals.forEach((buckets, f) => {
      const prefix: string[] = [];
      buckets.forEach((terms, k) => {
        prefix.push(...terms);
        // Only rows where something new ends: the earlier prefix rows imply nothing about this one.
        if (terms.length === 0) return;
        const room = (Math.min(free[t]![f]!.end, free[t]![f]!.start + (k + 1) * bucketMs) - free[t]![f]!.start) / HOUR_MS;
        capacityRows.push(`c${t}_${f}_${k}: ${wrap(prefix.join(' + '))} <= ${fmt(room)}`);
      });
    }),
  );
  const text = [
    'Minimize',
    ` obj: ${objective.length > 0 ? wrap(objective.join(' + ')) : '0 dummy'}`,
    'Subject To',
    ...assignRows.map((r) => ` ${r}`),
    ...capacityRows.map((r) => ` ${r}`),
    'End',
  ].join('\n');
  return { text, variables, constraints: assignRows.length + capacityRows.length };
}

function endCost(problem: PreparedProblem, job: PreparedJob, technicianIndex: number, endMs: number): number {
  const c = placementCost(problem, job, technicianIndex, endMs);
  return c.risk + c.earliness + c.continuity + c.travel;
}

/** Shifts (merged) minus bookings. */
function freeIntervals(availability: readonly { start: number; end: number }[], bookings: readonly { start: number; end: number }[]) {
  const out: { start: number; end: number }[] = [];
  for (const shift of mergeIntervals(availability)) {
    let cursor = shift.start;
    for (const b of bookings) {
      if (b.end <= cursor || b.start >= shift.end) continue;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < shift.end) out.push({ start: cursor, end: shift.end });
  }
  return out;
}

/** LP text files are read line by line; long rows are split at term boundaries. */
function wrap(expression: string): string {
  const terms = expression.split(' + ');
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return lines.join('\n   + ');
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(12);
}
