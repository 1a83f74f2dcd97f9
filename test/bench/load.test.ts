import { describe, expect, it } from 'vitest';
import { pacedWindows, percentiles } from '../../bench/load';

describe('percentiles', () => {
  it('takes the nearest rank, so p99 of 1..100 is 99 and p50 is 50', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(xs)).toMatchObject({ p50: 50, p99: 99, n: 100 });
  });
});

describe('pacedWindows', () => {
  it('reports figures over every request of every window, not a chosen window', async () => {
    const seen: number[] = [];
    // Window 0 is fast, window 1 slow (25 ms each), window 2 fast: 2 clients × 10 requests each.
    const { pooled, all } = await pacedWindows(
      3,
      2,
      1,
      10,
      async (i) => {
        seen.push(i);
        if (i >= 20 && i < 40) await new Promise((r) => setTimeout(r, 25));
      },
      async () => {},
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(all).toHaveLength(3);
    expect(pooled.n).toBe(60);
    // A third of the requests were slow: the pooled median stays fast, the pooled p99 is slow.
    expect(pooled.p99).toBeGreaterThanOrEqual(24);
    expect(pooled.p50).toBeLessThan(20);
    expect(all[1]!.p50).toBeGreaterThanOrEqual(24);
  });
});
