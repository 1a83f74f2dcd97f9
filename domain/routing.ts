/**
 * The OrchestratorAgent's routing rules: pure functions, used by the workflows directly (they are
 * deterministic) and exposed as an activity for integrators.
 */

export type Priority = 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
export type ConfidenceBand = 'low' | 'medium' | 'high';

/** Days within which the classifier's probability is read as "probability of failure". */
export const RISK_HORIZON_DAYS = 30;
/** Time-to-failure boundaries from the original system. */
export const URGENT_DAYS = 30;
export const VERY_URGENT_DAYS = 15;
/** Confidence bands from the original system. */
export const CONFIDENCE_MEDIUM = 0.75;
export const CONFIDENCE_HIGH = 0.9;

/**
 * Median time to failure in days, reading the probability as P(failure within the horizon) under a
 * constant hazard: λ = −ln(1−p)/H, median = ln 2 / λ. So p = 0.5 gives 30 days and p = 0.75 gives
 * 15 days. Returns Infinity for p = 0.
 */
export function estimatedDaysToFailure(probability: number, horizonDays = RISK_HORIZON_DAYS): number {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  if (probability === 0) return Infinity;
  if (probability === 1) return 0;
  const hazardPerDay = -Math.log(1 - probability) / horizonDays;
  return Math.LN2 / hazardPerDay;
}

/**
 * The inverse of estimatedDaysToFailure: the probability of failing within the risk horizon for a
 * stated time to failure (the original system's clients send the time, not the probability).
 */
export function probabilityForDaysToFailure(days: number, horizonDays = RISK_HORIZON_DAYS): number {
  if (!(days >= 0)) throw new RangeError(`days must be >= 0, got ${days}`);
  if (days === 0) return 1;
  return 1 - Math.exp((-Math.LN2 * horizonDays) / days);
}

/** Urgency from the time to failure: very urgent under 15 days, urgent under 30. */
export function priorityFor(daysToFailure: number): Priority {
  if (daysToFailure < VERY_URGENT_DAYS) return 'very_urgent';
  if (daysToFailure < URGENT_DAYS) return 'urgent';
  if (daysToFailure < 60) return 'high';
  if (daysToFailure < 120) return 'medium';
  return 'low';
}

/** How sure the model is of its own class, in the original's bands (0.75 / 0.90). */
export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= CONFIDENCE_HIGH) return 'high';
  if (confidence >= CONFIDENCE_MEDIUM) return 'medium';
  return 'low';
}

/** The model card's threshold decides whether a prediction becomes a maintenance proposal. */
export function shouldProposeMaintenance(probability: number, threshold: number): boolean {
  return probability >= threshold;
}

/** Low-confidence positives still go to a human, but the request says so. */
export function needsHumanReview(probability: number, threshold: number, confidence: number): boolean {
  return shouldProposeMaintenance(probability, threshold) || confidenceBand(confidence) === 'low';
}

const SKILL_BY_SENSOR_TYPE: Record<string, string> = {
  vibration: 'vibration',
  acoustic: 'vibration',
  rotational_speed: 'mechanical',
  torque: 'mechanical',
  tool_wear: 'mechanical',
  temperature: 'thermal',
  air_temperature: 'thermal',
  process_temperature: 'thermal',
  pressure: 'hydraulic',
  flow: 'hydraulic',
  voltage: 'electrical',
  current: 'electrical',
  power: 'electrical',
  humidity: 'thermal',
};

/** The skill a job on this kind of sensor needs, and the minimum level by priority. */
export function requiredSkill(sensorType: string, priority: Priority): { skill: string; level: number } {
  const skill = SKILL_BY_SENSOR_TYPE[sensorType] ?? 'mechanical';
  const level = priority === 'very_urgent' ? 3 : priority === 'urgent' || priority === 'high' ? 2 : 1;
  return { skill, level };
}

/** Job length in minutes: urgent work is a fuller intervention. */
export function jobDurationMinutes(priority: Priority): number {
  return { very_urgent: 240, urgent: 180, high: 120, medium: 90, low: 60 }[priority];
}

/** Latest completion time for the job: half the median time to failure, at least 4 hours out. */
export function maintenanceDeadline(now: Date, daysToFailure: number): Date {
  const hours = Number.isFinite(daysToFailure) ? Math.max(4, (daysToFailure * 24) / 2) : 24 * 90;
  return new Date(now.getTime() + hours * 3_600_000);
}
