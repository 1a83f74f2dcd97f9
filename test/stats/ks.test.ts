import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ksTwoSample } from '../../stats/ks';
import { kolmogorovSf } from '../../stats/kolmogorovDistribution';

interface ReferenceCase {
  name: string;
  a: number[];
  b: number[];
  statistic: number;
  pvalue: number;
  method: 'exact' | 'asymp';
}

// Produced by fixtures/make_ks_reference.py with real scipy; its version is recorded in the file.
const reference = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'ks_reference.json'), 'utf8')) as {
  scipy_version: string;
  cases: ReferenceCase[];
};

// The brief asks for 1e-6; measured agreement is ~1e-14, so a tighter bound still leaves headroom.
const TOLERANCE = 1e-9;

describe('ksTwoSample', () => {
  it('has at least ten scipy reference pairs, made by a recorded scipy version', () => {
    expect(reference.cases.length).toBeGreaterThanOrEqual(10);
    expect(reference.scipy_version).toMatch(/^\d+\.\d+/);
  });

  describe.each(reference.cases.map((c) => [c.name, c] as const))('matches scipy ks_2samp: %s', (_name, c) => {
    const result = ksTwoSample(c.a, c.b);

    it('returns the same D statistic', () => {
      expect(Math.abs(result.statistic - c.statistic)).toBeLessThanOrEqual(TOLERANCE);
    });

    it('returns the same p-value', () => {
      expect(Math.abs(result.pValue - c.pvalue)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, c.pvalue));
    });

    it('chooses the same exact/asymptotic method', () => {
      expect(result.method).toBe(c.method);
      expect([result.n1, result.n2]).toEqual([c.a.length, c.b.length]);
    });
  });

  it('is symmetric in its two samples', () => {
    const c = reference.cases.find((x) => x.name.startsWith('medium'))!;
    const forward = ksTwoSample(c.a, c.b);
    const backward = ksTwoSample(c.b, c.a);
    expect(backward.statistic).toBe(forward.statistic);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
  });

  it('counts ties across samples as one step of both ECDFs', () => {
    // Pooled values 1,2,3: F_a = 2/3, 2/3, 1 and F_b = 1/3, 1, 1 → D = max(1/3, 1/3) = 1/3.
    // Treating the tie at 1 as two separate steps would give D = 2/3 instead.
    expect(ksTwoSample([1, 1, 3], [1, 2, 2]).statistic).toBeCloseTo(1 / 3, 15);
  });

  it('rejects empty samples and non-finite values with a message naming the problem', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/first sample is empty/);
    expect(() => ksTwoSample([1], [])).toThrow(/second sample is empty/);
    expect(() => ksTwoSample([1, Number.NaN], [1])).toThrow(/first sample has a non-finite value \(NaN\) at index 1/);
    expect(() => ksTwoSample([1], [2, Number.POSITIVE_INFINITY])).toThrow(/second sample .*Infinity/);
  });
});

describe('kolmogorovSf', () => {
  it('matches closed forms at the extremes of its support', () => {
    // Ruben–Gambino: for 1/(2n) < x <= 1/n, Pr(D_n <= x) = n!/n^n (2nx − 1)^n. n = 3, x = 1/3: 6/27.
    expect(kolmogorovSf(3, 1 / 3)).toBeCloseTo(1 - 6 / 27, 14);
    // For x >= 1 − 1/n: Pr(D_n >= x) = 2(1 − x)^n. n = 4, x = 0.8: 2 · 0.2^4 = 0.0032.
    expect(kolmogorovSf(4, 0.8)).toBeCloseTo(0.0032, 15);
    expect(kolmogorovSf(10, 0)).toBe(1);
    expect(kolmogorovSf(10, 1)).toBe(0);
  });
});
