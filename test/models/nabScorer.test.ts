import { describe, expect, it } from 'vitest';
import {
  MAX_TP,
  NAB_PROFILES,
  buildRowTable,
  normalisedScore,
  optimiseThreshold,
  probationaryLength,
  scaledSigmoid,
  scoreAtThreshold,
  scoreDetections,
  type LabelledFile,
} from '../../models/evaluation/nabScorer';

const standard = NAB_PROFILES.standard;

/** 100 rows: probationary period 15 rows, one window [40, 49] (width 10). */
const file: LabelledFile = { length: 100, windows: [{ start: 40, end: 49 }] };
const table = buildRowTable(file);

function detectAt(...rows: number[]): boolean[] {
  const d = new Array<boolean>(file.length).fill(false);
  for (const r of rows) d[r] = true;
  return d;
}

describe('nabScorer', () => {
  it('uses min(floor(0.15·N), 750) rows as the probationary period', () => {
    expect(probationaryLength(100)).toBe(15);
    expect(probationaryLength(4032)).toBe(604);
    expect(probationaryLength(15902)).toBe(750);
  });

  it('ignores detections inside the probationary period', () => {
    const r = scoreDetections(table, detectAt(0, 5, 14), standard);
    expect(r.fp).toBe(0);
    expect(r.raw).toBeCloseTo(-1, 12); // only the missed window counts
  });

  it('rewards a detection at the left edge of a window with exactly tpWeight', () => {
    expect(MAX_TP).toBeCloseTo(0.9866142981514305, 12);
    expect(scoreDetections(table, detectAt(40), standard).raw).toBeCloseTo(1, 12);
  });

  it('rewards a mid-window detection with the scaled sigmoid, 0.859792… at half way', () => {
    // pos = −(49 − 45 + 1)/10 = −0.5; (2·sigmoid(2.5) − 1)/0.98661 = 0.8597925669
    const r = scoreDetections(table, detectAt(45), standard);
    expect(r.raw).toBeCloseTo(0.8597925669097837, 10);
    expect(r.tp).toBe(1);
  });

  it('counts only the earliest detection in a window', () => {
    const early = scoreDetections(table, detectAt(45), standard).raw;
    expect(scoreDetections(table, detectAt(45, 46, 49), standard).raw).toBeCloseTo(early, 12);
  });

  it('charges fnWeight for a missed window (twice as much in reward_low_FN_rate)', () => {
    expect(scoreDetections(table, detectAt(), standard)).toEqual({ raw: -1, tp: 0, fn: 1, fp: 0 });
    expect(scoreDetections(table, detectAt(), NAB_PROFILES.reward_low_FN_rate).raw).toBe(-2);
  });

  it('charges the full fpWeight for a false positive before any window or far after one', () => {
    expect(scoreDetections(table, detectAt(20, 40), standard).raw).toBeCloseTo(1 - 0.11, 12);
    // 40 rows past a width-10 window: 40/9 > 3, so the cost is the full −1·fpWeight
    expect(scoreDetections(table, detectAt(40, 89), standard).raw).toBeCloseTo(1 - 0.11, 12);
    expect(scoreDetections(table, detectAt(20, 40), NAB_PROFILES.reward_low_FP_rate).raw).toBeCloseTo(1 - 0.22, 12);
  });

  it('discounts a false positive shortly after a window by the sigmoid of its distance', () => {
    // 5 rows after the window's end: fpWeight·(2·sigmoid(−5·5/9) − 1) = 0.11·(−0.882926…)
    expect(scaledSigmoid(5 / 9)).toBeCloseTo(-0.8829261942512642, 12);
    expect(scaledSigmoid(3)).toBe(-1);
    const r = scoreDetections(table, detectAt(40, 54), standard);
    expect(r.raw).toBeCloseTo(1 + 0.11 * -0.8829261942512642, 12);
    expect(r.fp).toBe(1);
  });

  it('normalises the null detector to 0 and the perfect detector to 100', () => {
    const files: LabelledFile[] = [
      file,
      {
        length: 200,
        windows: [
          { start: 50, end: 59 },
          { start: 120, end: 139 },
        ],
      },
    ];
    for (const profile of Object.values(NAB_PROFILES)) {
      let nullRaw = 0;
      let perfectRaw = 0;
      for (const f of files) {
        const t = buildRowTable(f);
        nullRaw += scoreDetections(t, new Array<boolean>(f.length).fill(false), profile).raw;
        const perfect = new Array<boolean>(f.length).fill(false);
        for (const w of f.windows) perfect[w.start] = true;
        perfectRaw += scoreDetections(t, perfect, profile).raw;
      }
      expect(normalisedScore(nullRaw, 3, profile)).toBeCloseTo(0, 10);
      expect(normalisedScore(perfectRaw, 3, profile)).toBeCloseTo(100, 10);
    }
  });

  it('finds the corpus threshold that maximises the score, equal to scoring at that threshold', () => {
    const scores = new Float64Array(file.length).fill(0.1);
    scores[20] = 0.6; // a false positive
    scores[42] = 0.5; // a true positive, 0.98… reward
    scores[47] = 0.9; // a later true positive
    const best = optimiseThreshold([{ table, scores }], standard);
    // 0.9 alone: late TP; 0.6: late TP − 0.11; 0.5: early TP − 0.11 (the best); 0.1: many FPs
    const early = scaledSigmoid(-(49 - 42 + 1) / 10) / MAX_TP;
    expect(best.threshold).toBe(0.5);
    expect(best.raw).toBeCloseTo(early - 0.11, 12);
    expect(scoreAtThreshold(table, scores, best.threshold, standard).raw).toBeCloseTo(best.raw, 12);
    expect(best.normalised).toBeCloseTo(normalisedScore(best.raw, 1, standard), 12);
  });
});
