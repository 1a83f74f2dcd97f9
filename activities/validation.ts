import type postgres from 'postgres';
import { anomaliesWithReadingQuality, countRecentAnomaliesOfOtherRuns, setAnomalyCredibility } from '../db/anomalies';
import { quarantineReadings, readingsOfRun } from '../db/quality';
import { SENSOR_TYPES, type SensorType } from '../domain/sensorTypes';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

export interface ValidationDeps {
  sql: postgres.Sql;
  qualityThreshold: number;
}

/** Readings measured this long before they arrived are stale. */
export const STALENESS_HOURS = 24;

/** ValidationAgent: data quality before anything is inferred, and credibility of what was inferred. */
export function createValidationActivities(deps: ValidationDeps) {
  return withDomainFailures({
    /**
     * Checks a run's readings: range per sensor type, quality threshold, staleness, duplicates
     * (same timestamp and value). Failing readings are quarantined with the reason (never deleted).
     * Re-running it gives the same answer: reasons are recomputed, and a row keeps its first one.
     */
    async validateReadings(input: { sensorId: string; correlationId: string }) {
      const rows = await readingsOfRun(input.sensorId, input.correlationId, deps.sql);
      if (rows.length === 0) throw new InvalidInput([], `no readings for ${input.sensorId} in run ${input.correlationId}`);
      const seen = new Set<string>();
      const flagged: { id: bigint; reason: string }[] = [];
      for (const r of rows) {
        const spec = SENSOR_TYPES[r.sensor_type as SensorType];
        const key = `${r.ts.toISOString()}|${r.value}`;
        let reason: string | null = null;
        if (!Number.isFinite(r.value)) reason = 'non_finite';
        else if (spec && (r.value < spec.min || r.value > spec.max)) reason = 'out_of_range';
        else if (r.quality < deps.qualityThreshold) reason = 'low_quality';
        else if (r.ingested_at.getTime() - r.ts.getTime() > STALENESS_HOURS * 3_600_000) reason = 'stale';
        else if (seen.has(key)) reason = 'duplicate';
        seen.add(key);
        if (reason) flagged.push({ id: r.id, reason });
      }
      await quarantineReadings(flagged, deps.sql);
      const reasons: Record<string, number> = {};
      for (const f of flagged) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
      return {
        checked: rows.length,
        valid: rows.length - flagged.length,
        quarantined: flagged.length,
        reasons,
        threshold: deps.qualityThreshold,
      };
    },

    /**
     * Judges whether detected anomalies are credible: agreement of both detectors, the reading's
     * quality, the strength of the score, and recurrence on this sensor in the past 7 days.
     * credibility = 0.35·agreement + 0.25·quality + 0.25·strength + 0.15·recurrence; credible ≥ 0.5.
     */
    async assessAnomalyCredibility(input: { sensorId: string; correlationId: string; workflowId?: string; anomalyIds: string[] }) {
      if (input.anomalyIds.length === 0)
        return { assessed: 0, credible: 0, items: [] as { id: string; credibility: number; credible: boolean; reasons: string[] }[] };
      const rows = await anomaliesWithReadingQuality(input.anomalyIds, deps.sql);
      const recent = await countRecentAnomaliesOfOtherRuns(input.sensorId, input.correlationId, deps.sql);
      const recurrence = Math.min(1, Number(recent) / 5);
      const items = rows.map((a) => {
        const agreement = a.method === 'combined' ? 1 : 0.5;
        const quality = a.quality ?? 0.5;
        const strength = Math.min(1, Math.max(0, (a.score - 0.5) / 0.5));
        const credibility = 0.35 * agreement + 0.25 * quality + 0.25 * strength + 0.15 * recurrence;
        const reasons = [
          a.method === 'combined' ? 'both detectors agree' : `only ${a.method} flagged it`,
          `reading quality ${quality.toFixed(2)}`,
          `score ${a.score.toFixed(2)}`,
          recurrence > 0 ? `${recent} anomalies on this sensor in 7 days` : 'no recent anomalies on this sensor',
        ];
        return { id: a.id.toString(), credibility: Math.round(credibility * 1000) / 1000, credible: credibility >= 0.5, reasons };
      });
      if (items.length) {
        await setAnomalyCredibility(items, deps.sql);
      }
      return { assessed: items.length, credible: items.filter((i) => i.credible).length, items };
    },
  });
}
