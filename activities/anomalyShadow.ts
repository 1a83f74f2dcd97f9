import { Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { scorableReadingsBetween, sensorsWithReadingsBetween, streamingAlarmsBetween } from '../db/shadowEvaluation';
import { candidateSpans, compareAlarms, humanVerdictOfAlarm } from '../domain/anomalyShadow';
import { addCase, emptyTally, type ShadowCursor, type ShadowTally } from '../domain/shadowEvaluation';
import { scoreAnomalies, WINDOW, type ModelRegistry } from '../models';
import { DEFAULT_SCORING } from '../usecases/alarmScoring';
import type { ScoreShadowPageInput, ScoreShadowPageResult } from '../workflows/activityContracts';

/** Sensors replayed per activity call; one heartbeat each. */
const SENSORS_PER_CALL = 25;
/** Readings of one sensor replayed at most (a period longer than this is cut at its end). */
const MAX_READINGS = 50_000;
/** Anomalous readings closer than this are one would-be alarm. */
const GAP_MS = 10 * 60_000;
/** A candidate alarm this close to a production alarm is the same stretch. */
const SLACK_MS = 5 * 60_000;

export const ANOMALY_PRODUCTION = 'streaming detector (alarms raised)';

/**
 * The anomaly detector's shadow page: each sensor's readings of the period, as the production
 * scorer would have taken them (quality enough, not quarantined), through the candidate version;
 * its would-be alarms against production's alarms and how people resolved them. The cursor's id
 * is the last sensor replayed; a retry resumes after the last heartbeat.
 */
export async function scoreAnomalyShadowPage(
  input: ScoreShadowPageInput,
  candidate: { name: string; version: string },
  deps: { sql: postgres.Sql; registry: ModelRegistry },
): Promise<ScoreShadowPageResult> {
  const ctx = Context.current();
  const resumed = ctx.info.heartbeatDetails as { cursor: ShadowCursor | null; tally: ShadowTally } | undefined;
  let cursor = resumed?.cursor ?? input.after;
  const tally = resumed?.tally ?? emptyTally();
  const from = new Date(input.from);
  const to = new Date(input.to);
  const sensors = await sensorsWithReadingsBetween({ from, to, after: cursor?.id ?? null, limit: SENSORS_PER_CALL }, deps.sql);
  for (const sensorId of sensors) {
    const readings = await scorableReadingsBetween(
      { sensorId, from, to, minQuality: DEFAULT_SCORING.minQuality, limit: MAX_READINGS },
      deps.sql,
    );
    const alarms = await streamingAlarmsBetween(sensorId, from, to, deps.sql);
    if (readings.length <= WINDOW) {
      // Too few readings for the candidate's window: nothing it could have said.
      tally.unusable++;
    } else {
      const scored = await scoreAnomalies(
        readings.map((r) => r.value),
        { modelName: candidate.name, modelVersion: candidate.version, registry: deps.registry },
      );
      const points = scored.points.map((p, i) => ({ ts: readings[i]!.ts.getTime(), score: p.score, isAnomaly: p.isAnomaly }));
      const production = alarms.map((a) => ({
        id: a.id,
        start: a.start_ts.getTime(),
        end: (a.end_ts ?? a.last_anomalous_ts).getTime(),
        peak_score: a.peak_score,
        human: humanVerdictOfAlarm(a),
      }));
      for (const c of compareAlarms(sensorId, production, candidateSpans(points, GAP_MS), SLACK_MS)) addCase(tally, c);
    }
    cursor = { at: input.from, id: sensorId };
    ctx.heartbeat({ cursor, tally });
  }
  return { tally, cursor, done: sensors.length < SENSORS_PER_CALL, productionVersions: [ANOMALY_PRODUCTION] };
}
