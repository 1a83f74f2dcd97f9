/**
 * (x − centre) / scale, with a defined answer for a zero scale: x equal to the centre scores 0 and
 * anything else ±Infinity. A change from a perfectly flat signal is as surprising as it gets, and
 * every caller thresholds on |z|, so Infinity flags it rather than NaN silently passing.
 */
export function zFromScale(x: number, centre: number, scale: number): number {
  const deviation = x - centre;
  if (scale > 0) return deviation / scale;
  if (deviation === 0) return 0;
  return deviation > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
