import type { LocalSearchLimits } from './localSearch';

/**
 * The iteration cap and the optional time budget of one search phase, and how far the phase has
 * come (which sets the annealing temperature).
 *
 * With an iteration cap the cooling follows the iteration count, so the run is a function of
 * (problem, seed, maxIterations) and the time budget can only cut it short. With a time budget
 * alone (`coolByTime`) the cooling follows the clock instead, so the search cools down fully by the
 * end of the budget whatever the machine's speed: the caller trades time for quality, and gives up
 * reproducibility (the plan depends on how many iterations fit in the time).
 */
export class SearchBudget {
  private readonly startedAt: number | undefined;
  private timeFraction = 0;

  constructor(
    private readonly limits: LocalSearchLimits,
    /** The clock is read every this many iterations (reading it costs more than a cheap move). */
    private readonly checkEvery: number,
  ) {
    this.startedAt = limits.clock !== undefined && limits.timeBudgetMs !== undefined ? limits.clock() : undefined;
  }

  /** False once the time budget is spent (the iteration cap is the caller's loop bound). */
  allows(iteration: number): boolean {
    if (this.startedAt === undefined || iteration % this.checkEvery !== 0) return true;
    const budgetMs = this.limits.timeBudgetMs!;
    // A budget already spent by an earlier phase (zero or negative) stops at once.
    this.timeFraction = budgetMs > 0 ? (this.limits.clock!() - this.startedAt) / budgetMs : 1;
    return this.timeFraction < 1;
  }

  /** From 0 to 1 over the phase. */
  progress(iteration: number): number {
    const byIterations = iteration / this.limits.maxIterations;
    return this.limits.coolByTime ? Math.max(byIterations, Math.min(1, this.timeFraction)) : byIterations;
  }
}
