/**
 * Median/MAD baseline over the last `windowSize` readings of one sensor. The window slides with
 * every reading, so the baseline is always the sensor's own recent history, never a frozen value;
 * median and MAD keep a handful of spikes inside the window from distorting it.
 *
 * Like EwmaBaseline, `observe(x)` scores x against the window before x joins it.
 * Each score sorts the window (O(w log w)); fine for the windows of a few hundred to a few thousand
 * readings this is meant for.
 */
import { robustScale, type RobustScale } from './robust';
import { zFromScale } from './zScore';

export interface RollingRobustBaselineOptions {
  /** Readings kept. Default 100. */
  windowSize?: number;
  /** zScore() answers null until the window holds this many readings. Default 10. */
  minSamples?: number;
}

export interface RollingRobustBaselineState {
  kind: 'rolling-robust';
  version: 1;
  windowSize: number;
  minSamples: number;
  /** Oldest first. */
  window: number[];
}

export class RollingRobustBaseline {
  readonly windowSize: number;
  readonly minSamples: number;
  private readonly values: number[] = [];

  constructor(options: RollingRobustBaselineOptions = {}) {
    this.windowSize = options.windowSize ?? 100;
    this.minSamples = options.minSamples ?? 10;
    if (!Number.isInteger(this.windowSize) || this.windowSize < 2) {
      throw new RangeError(`RollingRobustBaseline: windowSize must be an integer >= 2, got ${this.windowSize}`);
    }
    if (!Number.isInteger(this.minSamples) || this.minSamples < 1 || this.minSamples > this.windowSize) {
      throw new RangeError(`RollingRobustBaseline: minSamples must be an integer in [1, windowSize], got ${this.minSamples}`);
    }
  }

  get samples(): number {
    return this.values.length;
  }

  get ready(): boolean {
    return this.values.length >= this.minSamples;
  }

  update(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`RollingRobustBaseline.update: reading must be finite, got ${x}`);
    this.values.push(x);
    if (this.values.length > this.windowSize) this.values.shift();
    return this;
  }

  /** Median and σ-like scale of the current window, or null while warming up. */
  current(): RobustScale | null {
    return this.ready ? robustScale(this.values) : null;
  }

  zScore(x: number): number | null {
    if (!Number.isFinite(x)) throw new RangeError(`RollingRobustBaseline.zScore: reading must be finite, got ${x}`);
    const baseline = this.current();
    return baseline === null ? null : zFromScale(x, baseline.median, baseline.scale);
  }

  observe(x: number): number | null {
    const z = this.zScore(x);
    this.update(x);
    return z;
  }

  toJSON(): RollingRobustBaselineState {
    return { kind: 'rolling-robust', version: 1, windowSize: this.windowSize, minSamples: this.minSamples, window: [...this.values] };
  }

  static fromJSON(state: RollingRobustBaselineState): RollingRobustBaseline {
    if (state?.kind !== 'rolling-robust' || state.version !== 1 || !Array.isArray(state.window)) {
      throw new TypeError('RollingRobustBaseline.fromJSON: not a version 1 rolling-robust state');
    }
    const baseline = new RollingRobustBaseline({ windowSize: state.windowSize, minSamples: state.minSamples });
    // Replaying through update() validates every value and trims an over-long window to its newest part.
    for (const value of state.window) baseline.update(value);
    return baseline;
  }
}
