import { describe, expect, it } from 'vitest';
import { slope } from '../../bench/soak';

describe('the soak growth slope', () => {
  it('is the steady growth of a leaking series, per minute', () => {
    expect(slope([1, 2, 3, 4, 5], [200, 203, 206, 209, 212])).toBeCloseTo(3, 10);
  });

  it('stays near zero for a flat series that swings with GC, and is zero for one sample time', () => {
    const swings = [250, 262, 248, 261, 249, 260, 250, 261, 249, 261];
    expect(
      Math.abs(
        slope(
          swings.map((_, i) => i + 1),
          swings,
        ),
      ),
    ).toBeLessThan(0.5);
    expect(slope([2, 2], [100, 140])).toBe(0);
  });
});
