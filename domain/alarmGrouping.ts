/**
 * From anomalous readings to alarms, one sensor at a time: consecutive anomalous readings join one
 * alarm (start, peak score, peak value, end), so a noisy stretch raises one alarm, not forty.
 * Pure and causal; the state is plain JSON, persisted beside the detector's.
 *
 * - Opening needs more than one anomalous reading can give by chance. A reading opens an alarm
 *   when its evidence reaches the threshold AND either it lies beyond the deadband (its deviation
 *   from the sensor's running level, in mean absolute deviations) or it is confirmed by enough
 *   other anomalous readings just before it. Why: on Gaussian noise the detector's grid novelty
 *   fires on ordinary 3σ tail values (about 1 normal Golden Path run in 12 at the point level);
 *   those readings are neither far out nor repeated, while a real spike (8σ) is far out and a
 *   real change of behaviour repeats. ISA-18.2 calls the first a deadband and the second an on-delay.
 * - Hysteresis: once open, a reading keeps the alarm active at a lower bar (evidence at
 *   `hysteresis` × threshold, or deviation at `hysteresis` × deadband); `clearReadings` readings
 *   below it end the alarm, stamped with the time of its last anomalous reading.
 * - Cooldown: an anomalous reading within `cooldownMs` of the end of the sensor's last alarm joins
 *   that alarm again instead of raising a new one (chattering is one alarm).
 */

export interface AlarmGroupingConfig {
  deadband: number;
  confirmReadings: number;
  confirmWindow: number;
  hysteresis: number;
  clearReadings: number;
  cooldownMs: number;
  /** EW weight of the running level and deviation (the deadband's reference). */
  baselineAlpha: number;
  /** Readings before the deviation is trusted. */
  baselineWarmup: number;
}

export const DEFAULT_GROUPING: Readonly<AlarmGroupingConfig> = Object.freeze({
  deadband: 6,
  confirmReadings: 3,
  confirmWindow: 10,
  hysteresis: 0.6,
  clearReadings: 5,
  cooldownMs: 10 * 60_000,
  baselineAlpha: 0.01,
  baselineWarmup: 30,
});

export type AlarmSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface AlarmSpan {
  /** Stable per sensor: the start time in epoch ms; the caller adds the sensor. */
  key: string;
  startTs: number;
  lastAnomalousTs: number;
  peakScore: number;
  peakValue: number;
  peakTs: number;
  peakDeviation: number;
  readings: number;
  severity: AlarmSeverity;
}

export interface GrouperState {
  version: 1;
  n: number;
  mean: number;
  absDev: number;
  /** Position (reading counter) and time of the recent anomalous readings, for confirmation. */
  recent: { i: number; ts: number }[];
  active: (AlarmSpan & { quiet: number }) | null;
  lastClosed: AlarmSpan | null;
}

export type AlarmChange =
  | { type: 'opened'; alarm: AlarmSpan }
  | { type: 'extended'; alarm: AlarmSpan; reopened: boolean }
  | { type: 'closed'; alarm: AlarmSpan; endTs: number };

export interface ScoredReading {
  ts: number;
  value: number;
  /** The detector's evidence in [0, 1] (before its own post-detection rest). */
  evidence: number;
}

export function newGrouperState(): GrouperState {
  return { version: 1, n: 0, mean: 0, absDev: 0, recent: [], active: null, lastClosed: null };
}

/** Severity from how far out the peak was: the deadband's multiples, and confirmation-only is medium. */
export function severityOf(peakDeviation: number, cfg: Pick<AlarmGroupingConfig, 'deadband'> = DEFAULT_GROUPING): AlarmSeverity {
  if (peakDeviation >= 3 * cfg.deadband) return 'critical';
  if (peakDeviation >= cfg.deadband) return 'high';
  return 'medium';
}

function withPeak(span: AlarmSpan, r: ScoredReading, deviation: number, cfg: AlarmGroupingConfig): AlarmSpan {
  const next = { ...span, lastAnomalousTs: r.ts, readings: span.readings + 1 };
  if (r.evidence > span.peakScore || (r.evidence === span.peakScore && deviation > span.peakDeviation)) {
    next.peakScore = r.evidence;
    next.peakValue = r.value;
    next.peakTs = r.ts;
  }
  next.peakDeviation = Math.max(span.peakDeviation, deviation);
  next.severity = severityOf(next.peakDeviation, cfg);
  return next;
}

/**
 * Feeds one scored reading (in timestamp order) and returns what changed. Mutates `s`.
 * `threshold` is the sensor's detection threshold (from its sensitivity).
 */
export function groupReading(
  s: GrouperState,
  r: ScoredReading,
  threshold: number,
  cfg: AlarmGroupingConfig = DEFAULT_GROUPING,
): AlarmChange[] {
  const deviation = s.n >= cfg.baselineWarmup ? Math.abs(r.value - s.mean) / (s.absDev + 1e-9) : 0;
  // The level follows the signal, but slowly through readings beyond the deadband, so a spike
  // does not move the reference it is judged against.
  const alpha = Math.max(cfg.baselineAlpha, 1 / (s.n + 1)) * (deviation >= cfg.deadband ? 0.1 : 1);
  const d = r.value - s.mean;
  s.mean += alpha * d;
  s.absDev += alpha * (Math.abs(d) - s.absDev);
  s.n += 1;

  const anomalous = r.evidence >= threshold;
  if (anomalous) s.recent.push({ i: s.n, ts: r.ts });
  s.recent = s.recent.filter((x) => x.i > s.n - cfg.confirmWindow);

  const changes: AlarmChange[] = [];
  if (s.active) {
    const keeps = r.evidence >= cfg.hysteresis * threshold || deviation >= cfg.hysteresis * cfg.deadband;
    if (keeps) {
      const { quiet: _quiet, ...span } = s.active;
      const next = withPeak(span, r, deviation, cfg);
      s.active = { ...next, quiet: 0 };
      changes.push({ type: 'extended', alarm: next, reopened: false });
    } else {
      s.active.quiet += 1;
      if (s.active.quiet >= cfg.clearReadings) {
        const { quiet: _quiet, ...span } = s.active;
        s.active = null;
        s.lastClosed = span;
        changes.push({ type: 'closed', alarm: span, endTs: span.lastAnomalousTs });
      }
    }
    return changes;
  }
  if (!anomalous) return changes;

  if (s.lastClosed && r.ts - s.lastClosed.lastAnomalousTs <= cfg.cooldownMs) {
    const next = withPeak(s.lastClosed, r, deviation, cfg);
    s.lastClosed = null;
    s.active = { ...next, quiet: 0 };
    changes.push({ type: 'extended', alarm: next, reopened: true });
    return changes;
  }
  const confirmed = s.recent.length >= cfg.confirmReadings;
  if (deviation >= cfg.deadband || confirmed) {
    // A confirmed alarm started at the first of the readings that confirmed it.
    const startTs = deviation >= cfg.deadband ? r.ts : s.recent[0]!.ts;
    const span: AlarmSpan = {
      key: String(startTs),
      startTs,
      lastAnomalousTs: r.ts,
      peakScore: r.evidence,
      peakValue: r.value,
      peakTs: r.ts,
      peakDeviation: deviation,
      readings: deviation >= cfg.deadband ? 1 : s.recent.length,
      severity: severityOf(deviation, cfg),
    };
    s.active = { ...span, quiet: 0 };
    changes.push({ type: 'opened', alarm: span });
  }
  return changes;
}
