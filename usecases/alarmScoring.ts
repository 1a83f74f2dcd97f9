import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { insertAlarm, recordAlarmEvent, updateAlarmSpan, type AlarmRow } from '../db/alarms';
import { recordAnomalies, streamingAnomaliesBetween } from '../db/anomalies';
import { detectorDocuments, getDetectorState, lockDetectorState, readingsAfterCursor, saveDetectorState } from '../db/detectorState';
import { groupReading, newGrouperState, type AlarmGroupingConfig, type AlarmSpan, type GrouperState } from '../domain/alarmGrouping';
import {
  DEFAULT_CONFIG,
  StreamingAnomalyDetector,
  thresholdFor,
  type DetectorState,
  type ReadingScore,
} from '../stats/streaming/anomalyDetector';
import type { CachedDetector, DetectorStateCache } from './detectorStateCache';

/** Readings scored per transaction; a backlog is worked through in several. */
const SCORE_BATCH = 5000;

export interface ScoringOptions {
  /** Readings below this quality (or quarantined) are not evidence: skipped, not learned. */
  minQuality: number;
  /** An alarm whose last anomalous reading is older than this when it is raised is historical. */
  historicalAfterMs: number;
  now?: Date;
  grouping?: AlarmGroupingConfig;
}

export const DEFAULT_SCORING: ScoringOptions = { minQuality: 0.8, historicalAfterMs: 60 * 60_000 };

export interface ScoringResult {
  scored: number;
  skipped: number;
  anomalies: number;
  /** Live alarms raised by this call: each needs its lifecycle workflow. */
  opened: AlarmRow[];
  /** Alarms raised already resolved, from readings long past. */
  historical: number;
}

/** Why a reading scored as it did, from its strongest evidence. */
export function streamingReason(s: ReadingScore, threshold: number): string {
  const parts = Object.entries(s.components)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`);
  return `streaming detector evidence ${s.evidence.toFixed(2)} (threshold ${threshold.toFixed(2)}): ${parts.join(', ') || 'no evidence'}`;
}

export const streamingAlarmKey = (sensorId: string, span: Pick<AlarmSpan, 'key'>) => `stream:${sensorId}:${span.key}`;

/**
 * Scores the readings of one sensor that no one has scored yet, with the persisted detector and
 * alarm grouper, and stores what they found: anomalous readings (anomalies table) and alarms.
 * The sensor's state row is locked for the whole batch, so concurrent callers (the API after an
 * ingest, the monitoring sweep, a Golden Path run) take turns and every reading is scored once.
 * Each batch is ordered by timestamp, so a backfill is judged in the order its readings were taken.
 * With a `cache` (one per process), the state this process saved last is reused when the row is
 * still that version, instead of being read and parsed again; the results are the same either way.
 */
export async function scoreSensorReadings(
  sql: postgres.Sql,
  sensorId: string,
  opts: ScoringOptions = DEFAULT_SCORING,
  cache?: DetectorStateCache,
): Promise<ScoringResult> {
  const result: ScoringResult = { scored: 0, skipped: 0, anomalies: 0, opened: [], historical: 0 };
  for (;;) {
    const pass = await sql.begin(async (tx): Promise<{ more: boolean; keep?: CachedDetector }> => {
      // With a cached state, the readings after its cursor are asked for in the same round trip as
      // the lock (pipelined on the transaction's connection, after it); used only if the row is
      // still the version this process wrote, so its cursor is the one they were read after.
      const expectedCursor = cache?.cursorOf(sensorId);
      const [row, early] = await Promise.all([
        lockDetectorState(sensorId, expectedCursor === undefined, tx),
        expectedCursor === undefined ? undefined : readingsAfterCursor(sensorId, expectedCursor, SCORE_BATCH, tx),
      ]);
      if (!row) return { more: false };
      const cached = cache?.take(sensorId, row);
      const readings = cached && early ? early : await readingsAfterCursor(sensorId, row.cursor_id, SCORE_BATCH, tx);
      // Nothing to score: a cached entry is unchanged, so it goes back as it was.
      if (readings.length === 0) return { more: false, keep: cached };
      const docs = cached || row.detector !== undefined ? row : await detectorDocuments(sensorId, tx);
      // A state just read from PostgreSQL belongs to this pass alone: adopted, not copied.
      const detector =
        cached?.detector ??
        (docs.detector
          ? StreamingAnomalyDetector.adopt(docs.detector as DetectorState, undefined, row.sensitivity)
          : new StreamingAnomalyDetector(undefined, row.sensitivity));
      const grouper = cached?.grouper ?? (docs.grouper as GrouperState | null) ?? newGrouperState();
      const ordered = [...readings].sort((a, b) => a.ts.getTime() - b.ts.getTime() || (a.id < b.id ? -1 : 1));
      const spans = new Map<string, { span: AlarmSpan; isNew: boolean; endTs: number | null }>();
      const anomalies = [];
      let lastTs = row.last_ts;
      for (const r of ordered) {
        if (r.quality < opts.minQuality || r.quarantine_reason) {
          result.skipped += 1;
          continue;
        }
        const ts = r.ts.getTime();
        const s = detector.update(r.value, ts);
        result.scored += 1;
        if (!lastTs || r.ts > lastTs) lastTs = r.ts;
        if (s.evidence >= detector.threshold) {
          anomalies.push({
            sensorId,
            readingId: r.id,
            ts: r.ts,
            value: r.value,
            score: Math.round(s.evidence * 1000) / 1000,
            method: 'streaming',
            reason: streamingReason(s, detector.threshold),
            workflowId: null,
            correlationId: r.correlation_id,
            dedupKey: `stream:${r.id}`,
          });
        }
        for (const c of groupReading(grouper, { ts, value: r.value, evidence: s.evidence }, detector.threshold, opts.grouping)) {
          const prev = spans.get(c.alarm.key);
          const endTs = c.type === 'closed' ? c.endTs : null;
          spans.set(c.alarm.key, { span: c.alarm, isNew: c.type === 'opened' || (prev?.isNew ?? false), endTs });
        }
      }
      await recordAnomalies(anomalies, tx);
      result.anomalies += anomalies.length;
      const now = (opts.now ?? new Date()).getTime();
      for (const { span, isNew, endTs } of spans.values()) {
        const dedupKey = streamingAlarmKey(sensorId, span);
        if (!isNew) {
          await updateAlarmSpan(
            dedupKey,
            {
              lastAnomalousTs: new Date(span.lastAnomalousTs),
              endTs: endTs === null ? null : new Date(endTs),
              peakScore: span.peakScore,
              peakValue: span.peakValue,
              peakTs: new Date(span.peakTs),
              readings: span.readings,
              severity: span.severity,
            },
            tx,
          );
          continue;
        }
        const historical = now - span.lastAnomalousTs > opts.historicalAfterMs;
        const { alarm, created } = await insertAlarm(
          {
            id: randomUUID(),
            sensorId,
            source: 'streaming',
            kind: 'anomaly',
            severity: span.severity,
            state: historical ? 'resolved' : 'open',
            startTs: new Date(span.startTs),
            endTs: endTs === null ? (historical ? new Date(span.lastAnomalousTs) : null) : new Date(endTs),
            lastAnomalousTs: new Date(span.lastAnomalousTs),
            peakScore: span.peakScore,
            peakValue: span.peakValue,
            peakTs: new Date(span.peakTs),
            readings: span.readings,
            historical,
            resolutionCause: historical ? 'historical: raised from readings long past, nobody was paged' : null,
            dedupKey,
            details: { peak_deviation: Math.round(span.peakDeviation * 100) / 100, threshold: detector.threshold },
          },
          tx,
        );
        if (!created) continue;
        await recordAlarmEvent(
          {
            alarmId: alarm.id,
            type: historical ? 'raised_historical' : 'raised',
            actor: 'detector',
            dedupKey: `${alarm.id}:raised`,
            at: alarm.start_ts,
          },
          tx,
        );
        if (historical) result.historical += 1;
        else result.opened.push(alarm);
      }
      const last = readings[readings.length - 1]!;
      const rowVersion = await saveDetectorState(
        {
          sensorId,
          detector: detector.serialize(),
          grouper,
          cursorId: last.id,
          readings: Number(row.readings) + readings.length,
          lastTs,
        },
        tx,
      );
      return { more: readings.length === SCORE_BATCH, keep: { rowVersion, cursorId: last.id, detector, grouper } };
    });
    // Kept only once the pass committed: after a failure the row, not this memory, is the truth.
    if (cache && pass.keep) cache.put(sensorId, pass.keep);
    if (!pass.more) return result;
  }
}

export interface WhatIfPoint {
  index: number;
  value: number;
  score: number;
  method: 'streaming';
  robust_z: null;
  model_score: null;
  reason: string;
}

/**
 * How the sensor's detector, as it stands, would judge readings that are not stored (nothing is
 * learned or persisted): the readings are scored in order from a copy of its state. Null when the
 * sensor has no learned state yet (fewer readings than the detector learns on), so the caller
 * can say so and fall back.
 */
export async function streamingWhatIf(
  sql: postgres.Sql,
  sensorId: string,
  readings: { value: number; ts?: number }[],
  sensitivity: number,
): Promise<{ threshold: number; points: WhatIfPoint[] } | null> {
  const row = await getDetectorState(sensorId, sql);
  if (!row?.detector) return null;
  const detector = StreamingAnomalyDetector.fromJSON(row.detector as DetectorState, undefined, sensitivity);
  if (detector.readings < DEFAULT_CONFIG.learnReadings) return null;
  const points: WhatIfPoint[] = [];
  readings.forEach((r, index) => {
    const s = detector.update(r.value, r.ts);
    if (s.evidence >= detector.threshold)
      points.push({
        index,
        value: r.value,
        score: Math.round(s.evidence * 1000) / 1000,
        method: 'streaming',
        robust_z: null,
        model_score: null,
        reason: streamingReason(s, detector.threshold),
      });
  });
  return { threshold: Math.round(detector.threshold * 1000) / 1000, points };
}

/**
 * The streaming detector's verdicts on a sensor's stored window, as they were made when each
 * reading arrived (re-scoring them from today's state would judge them with their own future).
 * Unscored readings are scored first, for real. Null when the sensor has no learned state.
 */
export async function streamingWindowVerdicts(
  sql: postgres.Sql,
  sensorId: string,
  window: { ts: Date }[],
  opts: ScoringOptions = DEFAULT_SCORING,
): Promise<{ threshold: number; byTs: Map<string, { score: number; reason: string }> } | null> {
  await scoreSensorReadings(sql, sensorId, opts);
  const row = await getDetectorState(sensorId, sql);
  if (!row?.detector || (row.detector as DetectorState).n < DEFAULT_CONFIG.learnReadings || window.length === 0) return null;
  const found = await streamingAnomaliesBetween(sensorId, window[0]!.ts, window[window.length - 1]!.ts, sql);
  const threshold = Math.round(thresholdFor(DEFAULT_CONFIG, row.sensitivity) * 1000) / 1000;
  return { threshold, byTs: new Map(found.map((a) => [a.ts.toISOString(), { score: a.score, reason: a.reason }])) };
}
