/**
 * The NAB run as an operator would live it: each file's evidence through the alarm grouper
 * (domain/alarmGrouping.ts, the same code the platform runs), and the alarm KPIs of the corpus
 * treated as one operator's plant: every file is one sensor, all started at the same instant.
 */
import { alarmKpis, type AlarmForKpi, type AlarmKpis } from '../../domain/alarmKpis';
import { groupReading, newGrouperState } from '../../domain/alarmGrouping';
import type { FileEvidence } from './nabEvaluation';
import { probationaryLength } from './nabScorer';

export interface NabAlarmSummary {
  alarms: number;
  /** Alarms whose start lies in a labelled window (or up to its end): the incidents found. */
  inWindows: number;
  windowsWithAlarm: number;
  windows: number;
  sensorDays: number;
  perSensorDay: number;
  /** The same on the files without any window (every alarm there is a false one). */
  clean: { alarms: number; sensorDays: number; perSensorDay: number };
  kpis: AlarmKpis;
}

/** Alarms raised after the probationary period (the detector is still learning before it). */
export function nabAlarms(runs: readonly FileEvidence[], threshold: number): NabAlarmSummary {
  const T0 = Date.UTC(2030, 0, 1);
  const all: AlarmForKpi[] = [];
  let alarms = 0;
  let inWindows = 0;
  let windowsWithAlarm = 0;
  let windows = 0;
  let days = 0;
  const clean = { alarms: 0, sensorDays: 0, perSensorDay: 0 };
  let end = T0;
  for (const run of runs) {
    const { file, evidence } = run;
    const state = newGrouperState();
    const probation = probationaryLength(file.length);
    const starts: number[] = [];
    for (let i = 0; i < file.length; i++) {
      for (const c of groupReading(state, { ts: file.timestamps[i]!, value: file.values[i]!, evidence: evidence[i]! }, threshold)) {
        if (c.type === 'opened' && i >= probation) starts.push(i);
      }
    }
    const fileDays = (file.timestamps[file.length - 1]! - file.timestamps[probation]!) / 86_400_000;
    days += fileDays;
    alarms += starts.length;
    windows += file.windows.length;
    const inside = starts.filter((i) => file.windows.some((w) => i >= w.start && i <= w.end));
    inWindows += inside.length;
    windowsWithAlarm += file.windows.filter((w) => starts.some((i) => i >= w.start && i <= w.end)).length;
    if (file.windows.length === 0) {
      clean.alarms += starts.length;
      clean.sensorDays += fileDays;
    }
    const offset = T0 - file.timestamps[probation]!;
    for (const i of starts) {
      const at = file.timestamps[i]! + offset;
      all.push({ sensorId: file.name, start: at, createdAt: at, acknowledgedAt: null, resolvedAt: at, historical: false });
    }
    end = Math.max(end, file.timestamps[file.length - 1]! + offset);
  }
  clean.perSensorDay = clean.sensorDays ? clean.alarms / clean.sensorDays : 0;
  return {
    alarms,
    inWindows,
    windowsWithAlarm,
    windows,
    sensorDays: days,
    perSensorDay: days ? alarms / days : 0,
    clean,
    kpis: alarmKpis(all, { from: T0, to: end, operators: 1, now: end }),
  };
}
