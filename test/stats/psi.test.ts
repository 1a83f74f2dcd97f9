import { describe, expect, it } from 'vitest';
import { interpretPsi, psi, quantileSorted } from '../../stats/psi';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('psi', () => {
  it('is 0 when the current sample has the reference distribution', () => {
    const reference = range(1, 100);
    const result = psi(reference, reference);
    expect(result.psi).toBe(0);
    expect(result.band).toBe('stable');
    expect(result.bins).toHaveLength(10);
    expect(result.bins.map((b) => b.referenceCount)).toEqual(new Array(10).fill(10));
  });

  it('matches a hand-computed two-bin case', () => {
    // reference 1..10, 2 bins: the median (linear) is 5.5 → bins (-∞, 5.5) and [5.5, ∞).
    // reference proportions 5/10 = 0.5, 0.5. current [1,2,6,7,8,9,10,11]: 2/8 = 0.25 below, 6/8 = 0.75 above.
    // PSI = (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5)
    //     = 0.25·ln 2 + 0.25·ln 1.5 = 0.25·(0.693147… + 0.405465…) = 0.274653…
    const result = psi(range(1, 10), [1, 2, 6, 7, 8, 9, 10, 11], { bins: 2 });
    expect(result.bins.map((b) => [b.lower, b.upper])).toEqual([
      [Number.NEGATIVE_INFINITY, 5.5],
      [5.5, Number.POSITIVE_INFINITY],
    ]);
    expect(result.bins.map((b) => b.currentCount)).toEqual([2, 6]);
    expect(result.psi).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 14);
    expect(result.psi).toBeCloseTo(0.274653, 6);
    expect(result.band).toBe('significant');
  });

  it('matches a hand-computed four-bin case with quantile edges between sample points', () => {
    // reference 1..8, 4 bins: positions (8−1)·{0.25, 0.5, 0.75} = 1.75, 3.5, 5.25
    // → edges 2 + 0.75·1 = 2.75, 4 + 0.5·1 = 4.5, 6 + 0.25·1 = 6.25; 2 reference values per bin (0.25 each).
    // current [1,1,3,5,9,9,9,9] → counts 2,1,1,4 → proportions 0.25, 0.125, 0.125, 0.5.
    // PSI = 0 + 2·(0.125 − 0.25)·ln(0.5) + (0.5 − 0.25)·ln(2) = 0.25·ln 2 + 0.25·ln 2 = 0.5·ln 2 = 0.346574…
    const result = psi(range(1, 8), [1, 1, 3, 5, 9, 9, 9, 9], { bins: 4 });
    expect(result.bins.map((b) => b.upper)).toEqual([2.75, 4.5, 6.25, Number.POSITIVE_INFINITY]);
    expect(result.bins.map((b) => b.currentCount)).toEqual([2, 1, 1, 4]);
    expect(result.psi).toBeCloseTo(0.5 * Math.log(2), 14);
  });

  it('floors an empty bin at epsilon instead of returning Infinity', () => {
    // Same two bins as above; current [6,7,8,9] is all above 5.5 → proportions 0 → 1e-4, and 1.
    // PSI = (1e-4 − 0.5)·ln(1e-4/0.5) + (1 − 0.5)·ln(1/0.5)
    //     = (−0.4999)·(−8.517193…) + 0.5·0.693147… = 4.257745… + 0.346574… = 4.604319…
    const result = psi(range(1, 10), [6, 7, 8, 9], { bins: 2 });
    expect(result.bins[0].currentProportion).toBe(1e-4);
    expect(result.psi).toBeCloseTo((1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2), 12);
    expect(result.psi).toBeCloseTo(4.604319, 5);
  });

  it('uses the given epsilon', () => {
    // (0.01 − 0.5)·ln(0.01/0.5) + 0.5·ln 2 = (−0.49)·(−3.912023…) + 0.346574… = 2.263465…
    const result = psi(range(1, 10), [6, 7, 8, 9], { bins: 2, epsilon: 0.01 });
    expect(result.psi).toBeCloseTo(-0.49 * Math.log(0.02) + 0.5 * Math.log(2), 12);
  });

  it('merges bins whose quantile edges coincide on tied reference data', () => {
    // reference: eight 0s and two 1s. Deciles 0.1 … 0.7 sit at positions 9·q <= 6.3, all on a 0;
    // 0.8 → position 7.2 → 0 + 0.2·(1 − 0) = 0.2; 0.9 → position 8.1 → 1. Distinct inner edges: 0, 0.2, 1.
    const reference = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const result = psi(reference, reference);
    const uppers = result.bins.map((b) => b.upper);
    expect(uppers).toHaveLength(4);
    [0, 0.2, 1, Number.POSITIVE_INFINITY].forEach((edge, i) => expect(uppers[i]).toBeCloseTo(edge, 12));
    expect(result.bins.map((b) => b.referenceCount)).toEqual([0, 8, 0, 2]);
    expect(result.psi).toBe(0);
  });

  it('rejects empty samples, non-finite values and nonsense options', () => {
    expect(() => psi([], [1])).toThrow(/reference sample is empty/);
    expect(() => psi([1], [Number.NaN])).toThrow(/current sample has a non-finite value/);
    expect(() => psi([1, 2], [1], { bins: 1 })).toThrow(/bins must be an integer >= 2/);
    expect(() => psi([1, 2], [1], { epsilon: 0 })).toThrow(/epsilon/);
  });
});

describe('interpretPsi', () => {
  it('reads PSI with the conventional bands', () => {
    expect(interpretPsi(0.099)).toBe('stable');
    expect(interpretPsi(0.1)).toBe('moderate');
    expect(interpretPsi(0.25)).toBe('moderate');
    expect(interpretPsi(0.2501)).toBe('significant');
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly like numpy.quantile', () => {
    // numpy.quantile([10, 20, 30, 40], 0.5) = 25; at 1/3 → position 1 → 20.
    expect(quantileSorted([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantileSorted([10, 20, 30, 40], 1)).toBe(40);
    expect(quantileSorted([10, 20, 30, 40], 0)).toBe(10);
  });
});
