/** Deterministic normal variates for tests (mulberry32 + Box–Muller), so every run sees the same stream. */
export function seededNormal(seed: number): (mean?: number, sd?: number) => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (mean = 0, sd = 1) => {
    const u = 1 - uniform(); // (0, 1], so log(u) is finite
    const v = uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
