import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GROUPING,
  groupReading,
  newGrouperState,
  severityOf,
  type AlarmChange,
  type GrouperState,
} from '../../domain/alarmGrouping';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import { StreamingAnomalyDetector } from '../../stats/streaming/anomalyDetector';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const THRESHOLD = 0.4;

/** A calm signal (40 ± small wobble) to warm the running level: deviations are then meaningful. */
function warmed(): GrouperState {
  const s = newGrouperState();
  for (let i = 0; i < 100; i++) groupReading(s, { ts: T0 + i * MIN, value: 40 + (i % 2 ? 1 : -1), evidence: 0 }, THRESHOLD);
  return s;
}

function feed(s: GrouperState, from: number, readings: [value: number, evidence: number][]): AlarmChange[] {
  return readings.flatMap(([value, evidence], i) => groupReading(s, { ts: T0 + (from + i) * MIN, value, evidence }, THRESHOLD));
}

describe('groupReading', () => {
  it('joins consecutive anomalous readings into one alarm with its start, peak score, peak value and end', () => {
    const s = warmed();
    const changes = feed(s, 100, [
      [60, 0.9],
      [62, 0.95],
      [55, 0.5],
      [41, 0.1],
      [40, 0],
      [39, 0],
      [40, 0],
      [41, 0],
    ]);
    expect(changes.filter((c) => c.type === 'opened')).toHaveLength(1);
    const closed = changes.find((c) => c.type === 'closed')!;
    expect(closed.alarm).toMatchObject({ startTs: T0 + 100 * MIN, peakScore: 0.95, peakValue: 62, peakTs: T0 + 101 * MIN, readings: 3 });
    expect(closed.type === 'closed' && closed.endTs).toBe(T0 + 102 * MIN);
  });

  it('keeps an alarm open through readings under the threshold but over the hysteresis bar', () => {
    const s = warmed();
    // 0.3 is under the threshold (0.4) and over 0.6 × 0.4: the stretch goes on.
    const changes = feed(s, 100, [[60, 0.9], ...Array.from({ length: 8 }, () => [40, 0.3] as [number, number]), [40, 0]]);
    expect(changes.some((c) => c.type === 'closed')).toBe(false);
    expect(s.active?.readings).toBe(9);
  });

  it('raises one alarm for a chattering stretch: a new detection within the cooldown rejoins the last alarm', () => {
    const s = warmed();
    const quiet: [number, number][] = Array.from({ length: DEFAULT_GROUPING.clearReadings }, () => [40, 0]);
    const changes = feed(s, 100, [[60, 0.9], ...quiet, [61, 0.9], ...quiet, [62, 0.9], ...quiet]);
    expect(changes.filter((c) => c.type === 'opened')).toHaveLength(1);
    expect(changes.filter((c) => c.type === 'extended' && c.reopened)).toHaveLength(2);
    // After the cooldown a detection is a new alarm.
    const later = feed(s, 100 + 3 * 6 + 20, [[63, 0.9]]);
    expect(later.map((c) => c.type)).toEqual(['opened']);
  });

  it('does not open on a lone detection inside the deadband, but does when it is confirmed by more', () => {
    const s = warmed();
    expect(feed(s, 100, [[42.5, 0.9]])).toEqual([]);
    const confirmed = feed(s, 101, [
      [42.5, 0.9],
      [42.4, 0.8],
    ]);
    expect(confirmed.map((c) => c.type)).toEqual(['opened']);
    // A confirmed alarm starts at the first reading that confirmed it, and is medium: never far out.
    expect(confirmed[0]!.alarm).toMatchObject({ startTs: T0 + 100 * MIN, readings: 3, severity: 'medium' });
  });

  it('grades severity by how far out the peak was', () => {
    expect(severityOf(2)).toBe('medium');
    expect(severityOf(DEFAULT_GROUPING.deadband)).toBe('high');
    expect(severityOf(3 * DEFAULT_GROUPING.deadband)).toBe('critical');
  });

  it('round-trips its state through JSON mid-alarm', () => {
    const a = warmed();
    feed(a, 100, [[60, 0.9]]);
    const b = JSON.parse(JSON.stringify(a)) as GrouperState;
    const rest: [number, number][] = [[61, 0.95], ...Array.from({ length: 6 }, () => [40, 0] as [number, number])];
    expect(feed(b, 101, rest)).toEqual(feed(a, 101, rest));
  });
});

/** A Golden Path run as the platform scores it: the demo sensor's seeded history, then the run, quarantine skipped. */
function goldenPathAlarms(scenario: 'normal' | 'anomaly', run: number) {
  const detector = new StreamingAnomalyDetector();
  const grouper = newGrouperState();
  const sensor = `demo-torque-${run}`;
  const count = scenario === 'normal' ? 30 : 40;
  const end = Date.UTC(2026, 11, 6, 9) + run * 7 * MIN;
  const start = end - count * MIN;
  const opened: number[] = [];
  const feedOne = (value: number, ts: number, inRun: boolean) => {
    const s = detector.update(value, ts);
    for (const c of groupReading(grouper, { ts, value, evidence: s.evidence }, detector.threshold))
      if (c.type === 'opened' && inRun) opened.push(c.alarm.startTs);
  };
  // activities/ingestion.ts DEMO_HISTORY_READINGS: 300 healthy readings, one a minute, before the run.
  generateScenario('normal', { count: 300, seed: seedFrom(`history:${sensor}`) }).forEach((r, i) =>
    feedOne(r.value, start - (300 - i) * MIN, false),
  );
  const readings = generateScenario(scenario, { count, seed: seedFrom(`run:${run}:${scenario}`) });
  readings.forEach((r, i) => r.quality >= 0.8 && feedOne(r.value, start + i * MIN, true));
  return { opened, spikes: readings.filter((r) => r.injected === 'spike').length };
}

describe('the Golden Path scenarios through the streaming detector and the grouper', () => {
  it('raises no alarm on the normal scenario in 300 seeded runs', () => {
    const raised = Array.from({ length: 300 }, (_, run) => goldenPathAlarms('normal', run).opened.length);
    expect(raised.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('raises an alarm for the spikes of every anomaly run it is given', () => {
    for (let run = 0; run < 50; run++) {
      const { opened, spikes } = goldenPathAlarms('anomaly', run);
      expect(spikes).toBeGreaterThan(0);
      expect(opened.length, `run ${run}`).toBeGreaterThanOrEqual(1);
    }
  });
});
