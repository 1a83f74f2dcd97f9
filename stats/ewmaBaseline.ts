/**
 * Online exponentially weighted mean and variance of one sensor's readings: the baseline keeps
 * learning from every reading, so it follows slow drift and settles on a new level after a step,
 * instead of being frozen at one value.
 *
 * Update (West 1979 / Finch 2009), with weight a for the new reading:
 *   d = x − mean;  mean += a·d;  variance = (1 − a)·(variance + a·d²)
 * Warm-up: a = max(alpha, 1/count). For the first 1/alpha readings this is exactly the running
 * (population) mean and variance, so the early estimate is not biased towards the first reading;
 * after that it forgets with weight alpha (effective memory ≈ 2/alpha − 1 readings).
 *
 * Score before you learn: `observe(x)` scores x against the baseline as it was, then updates it, so
 * a spike cannot hide itself by inflating the variance it is divided by.
 */
import { zFromScale } from './zScore';

export interface EwmaBaselineOptions {
  /** Weight of a new reading once warmed up, in (0, 1]. Default 0.05 (memory ≈ 39 readings). */
  alpha?: number;
  /** zScore() answers null until this many readings have been learned. Default 10. */
  minSamples?: number;
  /** Floor on the standard deviation, e.g. the sensor's resolution; 0 (default) means none. */
  minStd?: number;
}

/** Plain JSON, to persist per sensor and restore with `EwmaBaseline.fromJSON`. */
export interface EwmaBaselineState {
  kind: 'ewma';
  version: 1;
  alpha: number;
  minSamples: number;
  minStd: number;
  count: number;
  mean: number;
  variance: number;
}

export class EwmaBaseline {
  readonly alpha: number;
  readonly minSamples: number;
  readonly minStd: number;
  private count = 0;
  private meanValue = 0;
  private varianceValue = 0;

  constructor(options: EwmaBaselineOptions = {}) {
    this.alpha = options.alpha ?? 0.05;
    this.minSamples = options.minSamples ?? 10;
    this.minStd = options.minStd ?? 0;
    if (!(this.alpha > 0 && this.alpha <= 1)) throw new RangeError(`EwmaBaseline: alpha must be in (0, 1], got ${this.alpha}`);
    if (!Number.isInteger(this.minSamples) || this.minSamples < 1) {
      throw new RangeError(`EwmaBaseline: minSamples must be an integer >= 1, got ${this.minSamples}`);
    }
    if (!(this.minStd >= 0 && Number.isFinite(this.minStd))) throw new RangeError(`EwmaBaseline: minStd must be >= 0, got ${this.minStd}`);
  }

  get samples(): number {
    return this.count;
  }

  get mean(): number {
    return this.meanValue;
  }

  get variance(): number {
    return this.varianceValue;
  }

  get std(): number {
    return Math.max(Math.sqrt(this.varianceValue), this.minStd);
  }

  /** True once enough readings have been learned for zScore() to mean something. */
  get ready(): boolean {
    return this.count >= this.minSamples;
  }

  update(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`EwmaBaseline.update: reading must be finite, got ${x}`);
    this.count += 1;
    const weight = Math.max(this.alpha, 1 / this.count);
    const deviation = x - this.meanValue;
    this.meanValue += weight * deviation;
    this.varianceValue = (1 - weight) * (this.varianceValue + weight * deviation * deviation);
    return this;
  }

  /** (x − mean)/std against the current baseline, or null while still warming up. Does not learn x. */
  zScore(x: number): number | null {
    if (!Number.isFinite(x)) throw new RangeError(`EwmaBaseline.zScore: reading must be finite, got ${x}`);
    if (!this.ready) return null;
    return zFromScale(x, this.meanValue, this.std);
  }

  /** Scores x against the baseline as it was, then learns it. */
  observe(x: number): number | null {
    const z = this.zScore(x);
    this.update(x);
    return z;
  }

  toJSON(): EwmaBaselineState {
    return {
      kind: 'ewma',
      version: 1,
      alpha: this.alpha,
      minSamples: this.minSamples,
      minStd: this.minStd,
      count: this.count,
      mean: this.meanValue,
      variance: this.varianceValue,
    };
  }

  static fromJSON(state: EwmaBaselineState): EwmaBaseline {
    if (state?.kind !== 'ewma' || state.version !== 1) throw new TypeError('EwmaBaseline.fromJSON: not a version 1 EWMA state');
    const baseline = new EwmaBaseline({ alpha: state.alpha, minSamples: state.minSamples, minStd: state.minStd });
    const ok =
      Number.isInteger(state.count) &&
      state.count >= 0 &&
      Number.isFinite(state.mean) &&
      Number.isFinite(state.variance) &&
      state.variance >= 0;
    if (!ok) throw new TypeError('EwmaBaseline.fromJSON: count, mean or variance is invalid');
    baseline.count = state.count;
    baseline.meanValue = state.mean;
    baseline.varianceValue = state.variance;
    return baseline;
  }
}
