/**
 * Demo pace: a Golden Path run's readings streamed at a rate a room can follow (readings per
 * second) instead of all at once. At the slowest pace the largest run (200 readings) streams for
 * under seven minutes.
 */
export const DEMO_PACE_RANGE = { min: 0.5, max: 10 } as const;

export function isDemoPace(readingsPerSecond: number): boolean {
  return Number.isFinite(readingsPerSecond) && readingsPerSecond >= DEMO_PACE_RANGE.min && readingsPerSecond <= DEMO_PACE_RANGE.max;
}
