import { describe, expect, it } from 'vitest';
import { RollingRobustBaseline } from '../../stats/rollingRobustBaseline';

describe('RollingRobustBaseline', () => {
  it('keeps only the newest windowSize readings', () => {
    const baseline = new RollingRobustBaseline({ windowSize: 3, minSamples: 1 });
    [1, 2, 3, 100, 200].forEach((x) => baseline.update(x));
    // window [3, 100, 200]: median 100
    expect(baseline.samples).toBe(3);
    expect(baseline.current()!.median).toBe(100);
  });

  it('scores against the median and scaled MAD of the window', () => {
    const baseline = new RollingRobustBaseline({ windowSize: 5, minSamples: 5 });
    [1, 2, 3, 4, 100].forEach((x) => baseline.update(x));
    // median 3, scaled MAD 1.4826 → z(10) = 7/1.4826
    expect(baseline.zScore(10)).toBeCloseTo(7 / 1.4826, 12);
  });

  it('moves to a new level once the window has filled with it (the baseline is not frozen)', () => {
    const baseline = new RollingRobustBaseline({ windowSize: 20, minSamples: 5 });
    for (let i = 0; i < 20; i++) baseline.update(50 + (i % 3)); // 50, 51, 52, …
    expect(baseline.observe(80)!).toBeGreaterThan(10);
    for (let i = 0; i < 20; i++) baseline.update(80 + (i % 3));
    expect(baseline.current()!.median).toBe(81);
    expect(Math.abs(baseline.zScore(81)!)).toBe(0);
  });

  it('answers null while the window is shorter than minSamples', () => {
    const baseline = new RollingRobustBaseline({ windowSize: 10, minSamples: 3 });
    baseline.update(1).update(2);
    expect(baseline.zScore(1)).toBeNull();
  });

  it('round-trips its window through JSON', () => {
    const original = new RollingRobustBaseline({ windowSize: 4, minSamples: 2 });
    [5, 6, 7, 8, 9].forEach((x) => original.update(x));
    const restored = RollingRobustBaseline.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(restored.toJSON()).toEqual({ kind: 'rolling-robust', version: 1, windowSize: 4, minSamples: 2, window: [6, 7, 8, 9] });
    expect(restored.zScore(20)).toBe(original.zScore(20));
  });
});
