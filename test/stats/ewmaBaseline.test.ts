import { describe, expect, it } from 'vitest';
import { EwmaBaseline } from '../../stats/ewmaBaseline';
import { seededNormal } from './seededRandom';

describe('EwmaBaseline', () => {
  it('equals the plain running mean and population variance during warm-up', () => {
    // alpha 0.05 → weight 1/n for the first 20 readings. [2, 4, 9]: mean 5, population variance
    // ((−3)² + (−1)² + 4²)/3 = 26/3.
    const baseline = new EwmaBaseline({ alpha: 0.05 });
    [2, 4, 9].forEach((x) => baseline.update(x));
    expect(baseline.mean).toBeCloseTo(5, 12);
    expect(baseline.variance).toBeCloseTo(26 / 3, 12);
  });

  it('converges to the mean and spread of a stationary stream', () => {
    const next = seededNormal(42);
    const baseline = new EwmaBaseline({ alpha: 0.02 });
    for (let i = 0; i < 5000; i++) baseline.update(next(50, 2));
    // The EWMA mean's own sd is 2·√(0.02/1.98) ≈ 0.2, so 1.0 is a 5σ band.
    expect(Math.abs(baseline.mean - 50)).toBeLessThan(1);
    expect(baseline.std).toBeGreaterThan(1.6);
    expect(baseline.std).toBeLessThan(2.4);
  });

  it('flags a level shift, then adapts so the new level becomes normal (the baseline is not frozen)', () => {
    const next = seededNormal(7);
    const baseline = new EwmaBaseline({ alpha: 0.05 });
    for (let i = 0; i < 1000; i++) baseline.update(next(50, 2));
    const meanBefore = baseline.mean;

    const firstShifted = baseline.observe(60)!;
    expect(firstShifted).toBeGreaterThan(3); // ≈ 10/2 = 5σ away from the learned level

    for (let i = 0; i < 300; i++) baseline.update(next(60, 2));
    // (1 − 0.05)^300 ≈ 2e-7 of the old level is left; the estimate follows the stream.
    expect(Math.abs(baseline.mean - 60)).toBeLessThan(1.5);
    expect(baseline.mean).not.toBeCloseTo(meanBefore, 0);
    expect(Math.abs(baseline.zScore(60)!)).toBeLessThan(1);
  });

  it('scores before learning, so a spike is measured against the baseline without it', () => {
    const baseline = new EwmaBaseline({ alpha: 0.1, minSamples: 2 });
    [10, 12, 10, 12].forEach((x) => baseline.update(x));
    const before = baseline.zScore(30)!;
    expect(baseline.observe(30)).toBe(before);
    expect(baseline.zScore(30)!).toBeLessThan(before);
  });

  it('answers null until minSamples readings were learned', () => {
    const baseline = new EwmaBaseline({ minSamples: 3 });
    baseline.update(1).update(2);
    expect(baseline.zScore(5)).toBeNull();
    baseline.update(3);
    // mean 2, population variance 2/3 → z(5) = 3/√(2/3) = 3.674…
    expect(baseline.zScore(5)).toBeCloseTo(3 / Math.sqrt(2 / 3), 12);
  });

  it('applies minStd as a floor on the spread', () => {
    const baseline = new EwmaBaseline({ minSamples: 1, minStd: 0.5 });
    [4, 4, 4].forEach((x) => baseline.update(x));
    expect(baseline.zScore(5)).toBe(2);
  });

  it('round-trips its state through JSON and keeps learning from where it stopped', () => {
    const original = new EwmaBaseline({ alpha: 0.1, minSamples: 2, minStd: 0.01 });
    [3, 5, 4, 6, 5].forEach((x) => original.update(x));
    const restored = EwmaBaseline.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(restored.toJSON()).toEqual(original.toJSON());
    original.update(9);
    restored.update(9);
    expect(restored.mean).toBe(original.mean);
    expect(restored.variance).toBe(original.variance);
  });

  it('rejects invalid options, readings and states', () => {
    expect(() => new EwmaBaseline({ alpha: 0 })).toThrow(/alpha/);
    expect(() => new EwmaBaseline().update(Number.NaN)).toThrow(/finite/);
    const state = new EwmaBaseline().toJSON();
    expect(() => EwmaBaseline.fromJSON({ ...state, variance: -1 })).toThrow(/invalid/);
  });
});
