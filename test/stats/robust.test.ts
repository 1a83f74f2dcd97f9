import { describe, expect, it } from 'vitest';
import { mad, median, robustScale, robustZScore } from '../../stats/robust';

describe('median', () => {
  it('takes the middle value of an odd-length sample regardless of order', () => {
    expect(median([7, 1, 3])).toBe(3);
  });

  it('averages the two middle values of an even-length sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rejects an empty sample and non-finite values', () => {
    expect(() => median([])).toThrow(/empty/);
    expect(() => median([1, Number.NaN])).toThrow(/non-finite value \(NaN\) at index 1/);
  });
});

describe('mad', () => {
  it('scales the median absolute deviation by 1.4826', () => {
    // [1, 2, 3, 4, 100]: median 3; |deviations| = 2, 1, 0, 1, 97 → median 1 → 1.4826.
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
  });

  it('uses the given scale', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: median 4.5; deviations 2.5, .5, .5, .5, .5, .5, 2.5, 4.5 → median 0.5.
    expect(mad([2, 4, 4, 4, 5, 5, 7, 9], 1)).toBe(0.5);
  });
});

describe('robustZScore', () => {
  it('divides the distance from the median by the scaled MAD', () => {
    // median 3, scaled MAD 1.4826 (see above): (10 − 3) / 1.4826 = 4.72143…
    expect(robustZScore(10, [1, 2, 3, 4, 100])).toBeCloseTo(7 / 1.4826, 12);
    expect(robustZScore(3, [1, 2, 3, 4, 100])).toBe(0);
  });

  it('is barely moved by an outlier in the reference, unlike a mean/sd z-score', () => {
    const clean = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10];
    const polluted = [...clean.slice(0, 9), 1000];
    // median of clean = 10, of polluted = 10; MAD stays 1·1.4826 in both.
    expect(robustZScore(15, polluted)).toBeCloseTo(robustZScore(15, clean), 12);
    expect(robustZScore(15, polluted)).toBeCloseTo(5 / 1.4826, 12);
  });

  it('falls back to the scaled mean absolute deviation when more than half the values are equal', () => {
    // [5,5,5,5,9]: median 5, MAD 0. Mean |deviation| = 4/5 = 0.8 → scale 0.8·1.2533 = 1.00264.
    expect(robustScale([5, 5, 5, 5, 9])).toEqual({ median: 5, scale: 0.8 * 1.2533 });
    expect(robustZScore(7, [5, 5, 5, 5, 9])).toBeCloseTo(2 / (0.8 * 1.2533), 12);
  });

  it('scores a departure from a constant reference as ±Infinity and the constant itself as 0', () => {
    expect(robustZScore(5, [5, 5, 5])).toBe(0);
    expect(robustZScore(6, [5, 5, 5])).toBe(Number.POSITIVE_INFINITY);
    expect(robustZScore(4, [5, 5, 5])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('accepts a precomputed median and scale', () => {
    expect(robustZScore(13, { median: 10, scale: 2 })).toBe(1.5);
  });
});
