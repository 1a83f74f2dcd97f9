/** What the solver returns. Instants are ISO 8601 strings (UTC), like the problem. */

export interface AssignmentCost {
  risk: number;
  earliness: number;
  continuity: number;
  travel: number;
  /** What this job adds to the load-balance cost (the total with it minus the total without it). */
  loadBalance: number;
  total: number;
}

/** Another technician's best slot for the same job, at the time the final plan was explained. */
export interface Alternative {
  technicianId: string;
  start: string;
  end: string;
  /** Extra cost over the chosen slot (placement + load balance); negative only if the plan is not locally optimal. */
  extraCost: number;
}

export interface AssignmentExplanation {
  skill: { name: string; requiredLevel: number; technicianLevel: number };
  /** The shift (or one-off availability) that contains the job. */
  shift: { start: string; end: string };
  effectiveDeadline: string;
  deadlineWasPast: boolean;
  continuity: 'same_technician' | 'different_technician' | 'no_history';
  siteMatch: boolean | null;
  /** The technician's booked hours over the horizon once this plan is applied (existing bookings included). */
  technicianLoadHours: number;
  /** Failure probability before the job ends, from the job's hazard rate. */
  failureProbabilityBeforeEnd: number;
  hoursBeforeDeadline: number;
  /** Candidate slots evaluated for this job across all qualified technicians. */
  feasibleSlotsConsidered: number;
  qualifiedTechnicians: number;
  alternatives: Alternative[];
  /** For priority 4–5 jobs: why the job does not start earlier (the blocking jobs, shift or skill). */
  notEarlier?: string;
}

export interface Assignment {
  jobId: string;
  technicianId: string;
  technicianName: string;
  start: string;
  end: string;
  cost: AssignmentCost;
  reasons: string[];
  explanation: AssignmentExplanation;
}

export type UnassignedCode =
  /** Nobody on the roster has the skill at the required level. */
  | 'no_skill'
  /** Qualified technicians exist, but none has a shift window long enough between ready time and deadline. */
  | 'no_slot_before_deadline'
  /** Shift windows exist, but existing bookings fill them all. */
  | 'slots_taken_by_bookings'
  /** Windows were free of bookings, but other jobs in this plan took them (a human may reprioritise). */
  | 'capacity_taken_by_other_jobs';

export interface UnassignedJob {
  jobId: string;
  code: UnassignedCode;
  reason: string;
  /** For capacity_taken_by_other_jobs: the planned jobs that hold the usable windows. */
  competingJobIds?: string[];
}

export interface CostBreakdown {
  risk: number;
  earliness: number;
  continuity: number;
  travel: number;
  loadBalance: number;
  unassigned: number;
}

export interface ScheduleStats {
  iterations: number;
  improvements: number;
  acceptedMoves: number;
  /** Which construction the local search started from (the cheaper of the two). */
  startedFrom: 'urgency' | 'first_fit' | 'none';
  initialCost: number;
  stoppedBy: 'iterations' | 'time_budget' | 'not_run';
}

/** How good the plan is: its cost split, and the part no plan could avoid set apart. */
export interface PlanQuality {
  costTerms: CostBreakdown;
  /** Penalty of the jobs with no feasible start anywhere: the same in every plan. */
  unavoidablePenalty: number;
  /** totalCost − unavoidablePenalty: what a better plan could still lower. */
  avoidableCost: number;
  /**
   * A lower bound on the avoidable cost of any plan: each plannable job's cheapest cost alone on the
   * empty plan, summed (competition for slots and load balance ignored). Loose but always computed.
   */
  avoidableCostLowerBound: number;
  /** 100 × (avoidableCost − bound) / bound: the plan is at most this far above the best possible. */
  withinPercentOfBound: number;
  /** Penalty of unassigned jobs that some plan could place (competition for capacity). */
  avoidableUnassignedPenalty: number;
  /** The jobs no plan can place, each with its reason (no_skill, no_slot_before_deadline, slots_taken_by_bookings). */
  unavoidable: UnassignedJob[];
}

export interface ScheduleResult {
  /** The `now` the plan was made for (hard rule: nothing starts before it). */
  now: string;
  horizonEnd: string;
  assignments: Assignment[];
  unassigned: UnassignedJob[];
  totalCost: number;
  costBreakdown: CostBreakdown;
  /** Always 0 for a correct solver: counted by the independent `checkHardConstraints`. */
  hardViolations: number;
  quality: PlanQuality;
  stats: ScheduleStats;
}
