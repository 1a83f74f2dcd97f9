/** Latency percentiles from a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p99: number; mean: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(at(0.5)), p99: round(at(0.99)), mean: round(s.reduce((a, b) => a + b, 0) / s.length), n: s.length };
}

/**
 * Runs `total` requests from `concurrency` closed-loop clients and returns each latency in ms.
 * Loopback only, bounded in count: it stops by itself.
 */
export async function closedLoop(
  concurrency: number,
  total: number,
  request: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await request(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}
