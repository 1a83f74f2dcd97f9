import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  StreamingAnomalyDetector,
  thresholdFor,
  type DetectorState,
  type ReadingScore,
} from '../../stats/streaming/anomalyDetector';
import { normalTail } from '../../stats/streaming/components';
import { detectionsAt } from '../../models/evaluation/nabEvaluation';
import { seededNormal } from './seededRandom';

/** A daily-looking signal with noise, a level shift at 1500 and a spike at 2200. */
function stream(n = 3000, seed = 7): { t: number; v: number }[] {
  const noise = seededNormal(seed);
  return Array.from({ length: n }, (_, i) => {
    let v = 50 + 10 * Math.sin((2 * Math.PI * i) / 288) + noise(0, 0.6);
    if (i >= 1500 && i < 1600) v += 25;
    if (i === 2200) v += 60;
    return { t: Date.UTC(2024, 0, 1) + i * 300_000, v };
  });
}

function scoreAll(d: StreamingAnomalyDetector, xs: { t: number; v: number }[]): ReadingScore[] {
  return xs.map((x) => d.update(x.v, x.t));
}

describe('StreamingAnomalyDetector', () => {
  it('is causal: the first k scores are the same whether it saw k readings or the whole stream', () => {
    const xs = stream();
    const full = scoreAll(new StreamingAnomalyDetector(), xs);
    for (const k of [150, 700, 1550, 2300]) {
      const prefix = scoreAll(new StreamingAnomalyDetector(), xs.slice(0, k));
      expect(prefix).toEqual(full.slice(0, k));
    }
    // and a different future does not change the past
    const altered = xs.map((x, i) => (i >= 1000 ? { ...x, v: -x.v } : x));
    expect(scoreAll(new StreamingAnomalyDetector(), altered).slice(0, 1000)).toEqual(full.slice(0, 1000));
  });

  it('round-trips its state through JSON: restored and continued equals uninterrupted', () => {
    const xs = stream();
    const full = scoreAll(new StreamingAnomalyDetector(), xs);
    for (const k of [50, 200, 1550, 2201]) {
      const first = new StreamingAnomalyDetector();
      scoreAll(first, xs.slice(0, k));
      const json = JSON.stringify(first.toJSON());
      const restored = StreamingAnomalyDetector.fromJSON(JSON.parse(json) as DetectorState);
      expect(restored.readings).toBe(k);
      expect(scoreAll(restored, xs.slice(k))).toEqual(full.slice(k));
    }
  });

  it('serialises the same document as toJSON, and an adopted state continues as a copied one', () => {
    const xs = stream();
    const full = scoreAll(new StreamingAnomalyDetector(), xs);
    const first = new StreamingAnomalyDetector();
    scoreAll(first, xs.slice(0, 1550));
    expect(first.serialize()).toBe(JSON.stringify(first.toJSON()));
    const state = JSON.parse(first.serialize()) as DetectorState;
    const adopted = StreamingAnomalyDetector.adopt(state);
    expect(scoreAll(adopted, xs.slice(1550))).toEqual(full.slice(1550));
    // Adopted, not copied: the handed-over object is the live state.
    expect(state.n).toBe(xs.length);
    expect(() => StreamingAnomalyDetector.adopt({ version: 2 } as never)).toThrow(/version/);
  });

  it('detects the level shift and the spike early, and stays quiet on the plain daily signal', () => {
    const xs = stream();
    const scores = scoreAll(new StreamingAnomalyDetector(), xs);
    const detections = scores.flatMap((s, i) => (s.detected ? [i] : []));
    expect(detections.some((i) => i >= 1500 && i <= 1505)).toBe(true);
    expect(detections).toContain(2200);
    expect(detections.filter((i) => i >= 600 && i < 1500)).toEqual([]);
    for (const s of scores) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('suppresses detections for restPeriod readings after one', () => {
    const detections = scoreAll(new StreamingAnomalyDetector(), stream()).flatMap((s, i) => (s.detected ? [i] : []));
    for (let j = 1; j < detections.length; j++) expect(detections[j] - detections[j - 1]).toBeGreaterThanOrEqual(DEFAULT_CONFIG.restPeriod);
  });

  it('maps sensitivity to a strictly decreasing threshold, 0.5 being the default', () => {
    const s = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
    const t = s.map((x) => thresholdFor(DEFAULT_CONFIG, x));
    expect(thresholdFor(DEFAULT_CONFIG, 0.5)).toBe(DEFAULT_CONFIG.threshold);
    expect(t[0]).toBe(1);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeLessThan(t[i - 1]);
    expect(() => thresholdFor(DEFAULT_CONFIG, 1.5)).toThrow(RangeError);
  });

  it('raises more alarms at higher sensitivity on the same stream', () => {
    const xs = stream(3000, 11).map((x, i) => ({ ...x, v: x.v + (i % 97 === 0 && i > 400 ? 15 : 0) }));
    const counts = [0, 0.25, 0.5, 0.75, 1].map(
      (s) => scoreAll(new StreamingAnomalyDetector(DEFAULT_CONFIG, s), xs).filter((r) => r.detected).length,
    );
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
    expect(counts[4]).toBeGreaterThan(counts[0]);
  });

  it('makes the same detections as the evaluation replay of its evidence', () => {
    const xs = stream();
    const scores = scoreAll(new StreamingAnomalyDetector(), xs);
    const replay = detectionsAt(
      scores.map((s) => s.evidence),
      DEFAULT_CONFIG.threshold,
      DEFAULT_CONFIG.restPeriod,
    );
    expect(replay).toEqual(scores.map((s) => s.detected));
  });

  it('scores a non-finite reading 0 without learning it', () => {
    const xs = stream(400);
    const a = new StreamingAnomalyDetector();
    const b = new StreamingAnomalyDetector();
    scoreAll(a, xs.slice(0, 300));
    scoreAll(b, xs.slice(0, 300));
    expect(b.update(Number.NaN).score).toBe(0);
    expect(scoreAll(b, xs.slice(300))).toEqual(scoreAll(a, xs.slice(300)));
  });

  it('refuses a state of an unknown version', () => {
    const state = { ...new StreamingAnomalyDetector().toJSON(), version: 2 } as unknown as DetectorState;
    expect(() => StreamingAnomalyDetector.fromJSON(state)).toThrow(/version/);
  });

  it('computes the normal upper tail to within 5e-7 (Abramowitz–Stegun 7.1.26)', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 6);
    expect(normalTail(1.959963985)).toBeCloseTo(0.025, 6);
    expect(normalTail(-1)).toBeCloseTo(0.8413447461, 6);
  });
});
