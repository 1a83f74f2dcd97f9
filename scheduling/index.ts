/** The maintenance scheduling optimiser: pure, deterministic, no I/O (callable from a Temporal activity). */
export { solveSchedule, greedyFirstFit, defaultIterations, type SolveOptions, type SolveAlgorithm } from './solve';
export { gapToBound } from './quality';
export { checkHardConstraints, type HardViolation, type HardViolationCode } from './checkHardConstraints';
export { evaluateSchedule, type Evaluation, type PlannedJob } from './evaluate';
export { effectiveDeadline, deadlineWasPast, PAST_DEADLINE_WINDOW_DAYS } from './deadline';
export { generateInstance, type Instance, type InstanceSize } from './instances';
export { DEFAULT_SITE_TIME_ZONE, defaultTechnicians, SHIFT_PATTERNS } from './roster';
export { DEFAULT_COST_WEIGHTS, resolveWeights, type CostWeights } from './weights';
export {
  scheduleProblemSchema,
  technicianSchema,
  jobSchema,
  intervalSchema,
  weeklyShiftSchema,
  skillLevelSchema,
  type ScheduleProblem,
  type Technician,
  type Job,
  type Interval,
  type WeeklyShift,
  type SkillLevel,
} from './model';
export type {
  ScheduleResult,
  Assignment,
  AssignmentCost,
  AssignmentExplanation,
  Alternative,
  UnassignedJob,
  UnassignedCode,
  CostBreakdown,
  ScheduleStats,
  PlanQuality,
} from './result';
