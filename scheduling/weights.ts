/**
 * The soft-cost weights. All costs are in one unit, "cost points", so they can be added; the
 * defaults are chosen so that the order of concern is: never leave a job unplanned if it can be
 * planned > failure risk > travel and continuity > load balance > earliness.
 */
export interface CostWeights {
  /**
   * Points per unit of failure probability before the job ends, multiplied by the job's priority.
   * A priority-3 job with a 20 % chance of failing before its slot ends costs 0.2 × 3 × 100 = 60.
   */
  risk: number;
  /**
   * Points per hour between the job's end and its deadline. Small on purpose: maintaining much
   * earlier than needed throws away remaining useful life, but far less than a failure costs.
   */
  earlinessPerHour: number;
  /**
   * Points per hour² of the spread of technicians' booked hours over the horizon
   * (sum of squared deviations from the mean), so one overloaded technician costs more than two
   * slightly busy ones.
   */
  loadBalancePerHourSquared: number;
  /** Points when the job does not go to the technician who last serviced that equipment. */
  continuity: number;
  /** Points when the technician works at another site than the equipment. */
  travel: number;
  /**
   * Points per priority level for a job left unassigned. Larger than any placement can cost, so the
   * optimiser never trades a planned job for a cheaper plan.
   */
  unassignedPerPriority: number;
}

export const DEFAULT_COST_WEIGHTS: Readonly<CostWeights> = Object.freeze({
  risk: 100,
  earlinessPerHour: 0.05,
  loadBalancePerHourSquared: 0.25,
  continuity: 8,
  travel: 12,
  unassignedPerPriority: 1000,
});

export function resolveWeights(overrides: Partial<CostWeights> = {}): CostWeights {
  const weights = { ...DEFAULT_COST_WEIGHTS, ...overrides };
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`cost weight ${name} must be a finite number >= 0, got ${value}`);
    }
  }
  return weights;
}
