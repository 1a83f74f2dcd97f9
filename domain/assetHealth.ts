/**
 * The asset health index and the degradation-episode rule: pure, so the evaluator, the API and the
 * tests share one definition.
 *
 * Health index, 0–100 (100 = no sign of degradation):
 *   rul component      100 × min(1, RUL / typical life)        (rul types; RUL in cycles)
 *   failure component  100 × (1 − failure probability)         (failure types)
 *   health             min(components)
 *                      − 5 per credible anomaly on the asset's sensors in the 24 h before its
 *                        latest data (at most −30)
 *                      − per unresolved alarm on the asset's sensors, by severity: low 2,
 *                        medium 5, high 10, critical 20 (at most −50)
 *                      floored at 0
 * An alarm is a person's open work item whatever its age, so it weighs until resolved; anomalies
 * only while recent. An asset whose model has missing or stale roles gets no health (null), never
 * a padded guess.
 */
import type { AlarmSeverity } from './alarmGrouping';
import { englishText } from './englishText';
import { msg, type ServerMessage } from './serverText';

export type HealthStatus = 'ok' | 'insufficient_data' | 'model_unavailable';

export const HEALTH_REASON_CODES = [
  'rul',
  'failure_probability',
  'trend',
  'missing_role',
  'stale_role',
  'anomalies',
  'alarms',
  'drift',
  'model',
] as const;
export type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number];

export interface HealthReason {
  code: HealthReasonCode;
  /** English, for integrators; `text` is what a client translates. */
  message: string;
  /** The same as a message code and parameters (domain/serverText.ts). Absent from evaluations stored before it existed. */
  text?: ServerMessage;
  role?: string;
  sensor_id?: string;
  value?: number;
}

/** A reason whose English `message` is rendered from its `text`, so the two never disagree. */
export function reason(
  code: HealthReasonCode,
  text: ServerMessage,
  extra: Pick<HealthReason, 'role' | 'sensor_id' | 'value'> = {},
): HealthReason {
  const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return { code, message: englishText(text), text, ...defined };
}

export const ANOMALY_PENALTY = 5;
export const MAX_ANOMALY_PENALTY = 30;
/** Points an unresolved alarm takes, by severity: a critical alarm alone moves a healthy asset into the warning band. */
export const ALARM_PENALTY: Record<AlarmSeverity, number> = { low: 2, medium: 5, high: 10, critical: 20 };
export const MAX_ALARM_PENALTY = 50;
const SEVERITY_ORDER: AlarmSeverity[] = ['low', 'medium', 'high', 'critical'];

/** Unresolved alarms by severity (severities without one may be absent). */
export type AlarmCounts = Partial<Record<AlarmSeverity, number>>;

export function alarmPenalty(alarms: AlarmCounts): number {
  const points = SEVERITY_ORDER.reduce((sum, s) => sum + ALARM_PENALTY[s] * (alarms[s] ?? 0), 0);
  return Math.min(MAX_ALARM_PENALTY, points);
}

/** The most severe level present, or null without alarms. */
export function worstSeverity(alarms: AlarmCounts): AlarmSeverity | null {
  return [...SEVERITY_ORDER].reverse().find((s) => (alarms[s] ?? 0) > 0) ?? null;
}

/** Alarm counts as the database groups them: by sensor (with its role on the asset) and severity. */
export interface SensorAlarmCount {
  sensor_id: string;
  role: string | null;
  severity: AlarmSeverity;
  n: number;
}

/** All of them by severity. */
export function alarmCountsOf(rows: SensorAlarmCount[]): AlarmCounts {
  const counts: AlarmCounts = {};
  for (const r of rows) counts[r.severity] = (counts[r.severity] ?? 0) + r.n;
  return counts;
}

/** Per sensor, by severity. */
export function alarmsBySensor(rows: SensorAlarmCount[]): { sensorId: string; role: string | null; alarms: AlarmCounts }[] {
  const out = new Map<string, { sensorId: string; role: string | null; alarms: AlarmCounts }>();
  for (const r of rows) {
    let s = out.get(r.sensor_id);
    if (!s) out.set(r.sensor_id, (s = { sensorId: r.sensor_id, role: r.role, alarms: {} }));
    s.alarms[r.severity] = (s.alarms[r.severity] ?? 0) + r.n;
  }
  return [...out.values()];
}

/** One reason per sensor with unresolved alarms, the sensor with the heaviest alarms first. */
export function alarmReasons(bySensor: { sensorId: string; role: string | null; alarms: AlarmCounts }[]): HealthReason[] {
  return bySensor
    .map((s) => ({ ...s, count: SEVERITY_ORDER.reduce((n, sev) => n + (s.alarms[sev] ?? 0), 0), severity: worstSeverity(s.alarms) }))
    .filter((s) => s.count > 0 && s.severity)
    .sort((a, b) => alarmPenalty(b.alarms) - alarmPenalty(a.alarms) || a.sensorId.localeCompare(b.sensorId))
    .map((s) =>
      reason('alarms', msg('healthAlarms', { count: s.count, sensor: s.sensorId, severity: s.severity }), {
        sensor_id: s.sensorId,
        role: s.role ?? undefined,
        value: s.count,
      }),
    );
}
/** The interval's lower bound (or the probability) must come back this far past the trigger to end an episode. */
export const RUL_CLEAR_FACTOR = 1.5;
export const PROBABILITY_CLEAR_FACTOR = 0.8;

export function healthIndex(
  c: { rul?: number; typicalLife?: number | null; failureProbability?: number },
  anomalies: number,
  alarms: AlarmCounts = {},
): number | null {
  const parts: number[] = [];
  if (c.rul !== undefined && c.typicalLife) parts.push(100 * Math.min(1, c.rul / c.typicalLife));
  if (c.failureProbability !== undefined) parts.push(100 * (1 - c.failureProbability));
  if (!parts.length) return null;
  const penalty = Math.min(MAX_ANOMALY_PENALTY, ANOMALY_PENALTY * anomalies) + alarmPenalty(alarms);
  return Math.round(Math.max(0, Math.min(...parts) - penalty) * 10) / 10;
}

/**
 * Least-squares slope of each role's window, scaled by the window's standard deviation times its
 * length, so a channel's trend reads the same whatever its unit: |t| ≥ 0.5 means the series moved
 * by about half its own spread (and then some) across the window — a trend, not noise.
 */
export function trendReasons(windows: { role: string; sensorId: string; values: number[] }[], top = 3): HealthReason[] {
  const scored = windows
    .filter((w) => w.values.length >= 5)
    .map((w) => {
      const n = w.values.length;
      const mx = (n - 1) / 2;
      const my = w.values.reduce((a, b) => a + b, 0) / n;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      w.values.forEach((y, x) => {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) ** 2;
        syy += (y - my) ** 2;
      });
      const sd = Math.sqrt(syy / n);
      const t = sd > 0 ? ((sxy / sxx) * n) / sd : 0;
      return { ...w, t };
    })
    .filter((w) => Math.abs(w.t) >= 0.5)
    .sort((a, b) => Math.abs(b.t) - Math.abs(a.t))
    .slice(0, top);
  return scored.map((w) =>
    reason(
      'trend',
      msg(w.t > 0 ? 'healthTrendRising' : 'healthTrendFalling', { role: w.role, sensor: w.sensorId, count: w.values.length }),
      {
        role: w.role,
        sensor_id: w.sensorId,
        value: Math.round(w.t * 100) / 100,
      },
    ),
  );
}

export interface EpisodeTrigger {
  /** Degraded past the type's limit now. */
  triggered: boolean;
  /** Clearly healthy again (past the limit by the hysteresis margin). */
  cleared: boolean;
  /** What crossed, for the record and the order. */
  detail: Record<string, number | string | null>;
}

/** RUL types: the interval's lower bound against the planning horizon (cycles). */
export function rulTrigger(lower: number, horizon: number): EpisodeTrigger {
  return {
    triggered: lower < horizon,
    cleared: lower > horizon * RUL_CLEAR_FACTOR,
    detail: { rule: 'rul_lower_below_horizon', rul_lower: lower, planning_horizon_cycles: horizon },
  };
}

/** Failure types: the probability against the model's threshold. */
export function probabilityTrigger(p: number, threshold: number): EpisodeTrigger {
  return {
    triggered: p >= threshold,
    cleared: p < threshold * PROBABILITY_CLEAR_FACTOR,
    detail: { rule: 'probability_over_threshold', failure_probability: p, threshold },
  };
}

export type EpisodeAction = { kind: 'none' } | { kind: 'open' } | { kind: 'start' } | { kind: 'close' };

/**
 * Once per episode: an episode opens when the asset first crosses its trigger and closes only when
 * it is clearly back (hysteresis), so readings jittering around the limit start nothing new.
 * The flow starts when the episode opens, drifted inputs or not: drift does not hold the order
 * back, it makes the flow wait for a person (the drift evidence travels with it, and no timeout
 * policy approves it). An episode left open without a flow (one gated by the earlier rule, which
 * held the start while inputs drifted) starts on its next evaluation. No data decides nothing.
 */
export function episodeAction(open: { started: boolean } | null, trigger: EpisodeTrigger | null): EpisodeAction {
  if (!trigger) return { kind: 'none' };
  if (!open) return trigger.triggered ? { kind: 'open' } : { kind: 'none' };
  if (trigger.cleared) return { kind: 'close' };
  return open.started ? { kind: 'none' } : { kind: 'start' };
}

/** Days of life an RUL in cycles means for a type. */
export const cyclesToDays = (cycles: number, hoursPerCycle: number) => (cycles * hoursPerCycle) / 24;

/**
 * A drift check that found drift on a sensor feeding an asset's model: the evidence the decision
 * request shows. `window_minutes` is absent in evidence recorded before it was kept.
 */
export interface DriftEvidence {
  sensor_id: string;
  checked_at: string;
  window_minutes?: number;
  ks_statistic: number | null;
  p_value: number | null;
  psi: number | null;
}

/** What one evaluation found and what the evaluator should do about it. */
export interface AssetEvaluation {
  asset_id: string;
  status: HealthStatus;
  health: number | null;
  reasons: HealthReason[];
  drifted: boolean;
  drift: DriftEvidence[];
  action: EpisodeAction['kind'];
  /** Set when an episode is open (or was just opened or closed). */
  episode_id: string | null;
  /** Filled when action is open or start: what the maintenance flow needs. */
  start: {
    sensor_id: string;
    sensor_type: string;
    probability: number;
    days_to_failure: number | null;
    features: Record<string, number | string>;
    /**
     * Set when the prediction was made on drifted inputs: the flow then waits for a person. Absent
     * in evaluations recorded before drift started flows.
     */
    drift?: DriftEvidence[];
  } | null;
}
