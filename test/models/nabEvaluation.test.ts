import { describe, expect, it } from 'vitest';
import type { NabFile, NabGroup } from '../../models/evaluation/nabCorpus';
import { parseNabTime, windowRows } from '../../models/evaluation/nabCorpus';
import { alarmRate, crossValidate, detectionsAt, stratifiedFolds } from '../../models/evaluation/nabEvaluation';
import { NAB_PROFILES, buildRowTable } from '../../models/evaluation/nabScorer';

function fakeFile(name: string, group: NabGroup, length: number, windows: { start: number; end: number }[]): NabFile {
  const timestamps = Float64Array.from({ length }, (_, i) => i * 3_600_000); // hourly
  return { name, group, length, windows, timestamps, values: new Float64Array(length) };
}

describe('nabEvaluation', () => {
  it('replays detections with a rest period after each one', () => {
    const ev = [0, 0.9, 0.9, 0.9, 0, 0.9, 0.1, 0.95];
    expect(detectionsAt(ev, 0.5, 3)).toEqual([false, true, false, false, false, true, false, false]);
    expect(detectionsAt(ev, 0.5, 0)).toEqual(ev.map((e) => e >= 0.5));
  });

  it('spreads every group over the folds', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, group: i < 7 ? 'a' : 'b' }));
    const fold = stratifiedFolds(files, 5);
    const foldsOf = (g: string) => new Set(files.flatMap((f, i) => (f.group === g ? [fold[i]] : [])));
    expect(foldsOf('a').size).toBe(5);
    expect(foldsOf('b').size).toBe(5);
    expect(fold.filter((f) => f === 0)).toHaveLength(3);
  });

  it('chooses the candidate and threshold on the training folds only', () => {
    const files = Array.from({ length: 5 }, (_, i) => fakeFile(`g/f${i}.csv`, 'realTraffic', 100, [{ start: 50, end: 59 }]));
    // candidate 0 is perfect (raw 1 per file) except on file 0; candidate 1 is mediocre everywhere
    const m0 = files.map((_, i) => [i === 0 ? -1 : 1, 0]);
    const m1 = files.map(() => [0.5, 0.5]);
    const cv = crossValidate(['good', 'mediocre'], [m0, m1], files, 5, NAB_PROFILES.standard, [0.3, 0.6]);
    expect(cv.folds.map((f) => f.chosen)).toEqual(['good', 'good', 'good', 'good', 'good']);
    // held out: −1 on file 0, +1 on the 4 others → raw 3 over 5 windows → 100·(3+5)/10 = 80
    expect(cv.pooledScore).toBeCloseTo(80, 10);
  });

  it('counts alarms per sensor-day on quiet rows only, merging detections within the cooldown', () => {
    const file = fakeFile('g/x.csv', 'realTraffic', 200, [{ start: 100, end: 119 }]);
    const detections = new Array<boolean>(200).fill(false);
    for (const i of [10, 40, 45, 105, 150]) detections[i] = true; // 10: probationary (30 rows); 105: inside the window
    const rate = alarmRate([{ file, table: buildRowTable(file), detections }], 10);
    expect(rate.alarms).toBe(2); // 40 and 150; 45 merges with 40
    // quiet rows: 30..99 and 120..199 = 150 rows of one hour each
    expect(rate.sensorDays).toBeCloseTo(150 / 24, 10);
    expect(rate.perSensorDay).toBeCloseTo(2 / (150 / 24), 10);
  });

  it('parses NAB timestamps as UTC and maps a window to the rows it covers', () => {
    expect(parseNabTime('2014-04-10 07:15:00.000000')).toBe(Date.UTC(2014, 3, 10, 7, 15));
    const ts = Float64Array.from([0, 10, 20, 30, 40]);
    expect(windowRows(ts, 10, 30)).toEqual({ start: 1, end: 3 });
    expect(windowRows(ts, 5, 35)).toEqual({ start: 1, end: 3 });
  });
});
