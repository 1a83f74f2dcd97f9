import { notificationSubject } from '../domain/notificationText';
import type { ServerMessage } from '../domain/serverText';

export type IncidentReason = 'drift' | 'anomaly_burst';

/** What one monitoring run checks; every field optional so the Schedule can start it with `{}`. */
export interface SensorMonitoringInput {
  /** A sensor is active when it reported within this many hours (24). */
  activeWithinHours?: number;
  /** Drift check: recent window length in minutes, also the reference window's (60). */
  windowMinutes?: number;
  /** Drift check: KS p-value under which the change is significant (0.05). */
  pValueThreshold?: number;
  /** Drift check: fewest readings per window (30). */
  minSamples?: number;
  /** This many anomalies or more in the burst window is a burst (5). */
  burstThreshold?: number;
  /** The burst window in minutes (60). */
  burstWindowMinutes?: number;
  /** Drift checks running at once (4): enough to finish quickly, few enough to spare the database. */
  concurrency?: number;
  /** At most this many sensors per run, most recently active first (500), to bound the history. */
  maxSensors?: number;
}

export type MonitoringSettings = Required<SensorMonitoringInput>;

export const MONITORING_DEFAULTS: MonitoringSettings = {
  activeWithinHours: 24,
  windowMinutes: 60,
  pValueThreshold: 0.05,
  minSamples: 30,
  burstThreshold: 5,
  burstWindowMinutes: 60,
  concurrency: 4,
  maxSensors: 500,
};

export function monitoringSettings(input: SensorMonitoringInput = {}): MonitoringSettings {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
  return { ...MONITORING_DEFAULTS, ...given };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One incident per sensor per UTC hour: the id carries the hour, so a second monitoring run in the
 * same hour finds the incident already there instead of opening another.
 */
export function incidentWorkflowId(sensorId: string, at: Date): string {
  return `incident-${sensorId}-${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}${pad(at.getUTCHours())}`;
}

/** Why a sensor needs an incident; empty when it does not. */
export function incidentReasons(driftDetected: boolean, recentAnomalies: number, burstThreshold: number): IncidentReason[] {
  const reasons: IncidentReason[] = [];
  if (driftDetected) reasons.push('drift');
  if (recentAnomalies >= burstThreshold) reasons.push('anomaly_burst');
  return reasons;
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight, in item order per lane. Safe in
 * workflow code: the interleaving depends only on the order in which activities complete, which
 * the history records.
 */
export async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  const lanes = Number.isFinite(limit) ? Math.max(1, Math.min(Math.floor(limit), items.length)) : 1;
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * The subject a person reads first: which sensor, and why it was flagged. The English subject is
 * the one integrators always received; the message beside it is what the dashboard and the
 * reports translate (domain/notificationText.ts).
 */
export function incidentSubject(i: { sensorId: string; reasons: IncidentReason[]; recentAnomalies: number; burstWindowMinutes: number }): {
  subject: string;
  message: ServerMessage;
} {
  const drift = i.reasons.includes('drift');
  const burst = { sensor: i.sensorId, count: i.recentAnomalies, minutes: i.burstWindowMinutes };
  if (!i.reasons.includes('anomaly_burst')) return notificationSubject('notificationIncidentDrift', { sensor: i.sensorId });
  return notificationSubject(drift ? 'notificationIncidentDriftAndBurst' : 'notificationIncidentBurst', burst);
}
