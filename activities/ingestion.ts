import { ApplicationFailure, Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { getCsvUploadContent } from '../db/csvUploads';
import { countReadingsBefore, insertReadings } from '../db/readings';
import { recordToReading, recordsInRange } from '../domain/csvReadings';
import type { NewReading } from '../domain/reading';
import { generateScenario, seedFrom, type Scenario } from '../domain/scenarios';
import type { CsvRowError } from '../workflows/csvIngestion';

const SUB_BATCH = 500;
/** A demo machine's past: an hour of healthy readings, so baselines and drift checks have a reference. */
export const DEMO_HISTORY_READINGS = 60;

/**
 * Gives a new demo sensor its hour of healthy history before the run (once per sensor: keys
 * `hist:<sensor>:<i>`), so the anomaly baseline and the drift reference window are learned from
 * data rather than assumed. Returns how many readings were added.
 */
async function seedDemoHistory(sql: postgres.Sql, sensorId: string, before: Date): Promise<number> {
  if ((await countReadingsBefore(sensorId, before, sql)) >= DEMO_HISTORY_READINGS) return 0;
  const history = generateScenario('normal', { count: DEMO_HISTORY_READINGS, seed: seedFrom(`history:${sensorId}`) });
  const rows: NewReading[] = history.map((r) => ({
    sensorId,
    ts: new Date(before.getTime() - (r.minutesBeforeEnd + 1) * 60_000),
    value: r.value,
    unit: 'Nm',
    quality: Math.max(r.quality, 0.95),
    sensorType: 'torque',
    metadata: { history: true },
    correlationId: null,
    idempotencyKey: `hist:${sensorId}:${r.index}`,
  }));
  const result = await insertReadings(rows, sql, undefined, 'count');
  return result.insertedCount;
}

export interface IngestionDeps {
  sql: postgres.Sql;
  maxFutureSkewSeconds: number;
}

/** DataIngestionAgent: persists readings in batches, idempotently, and keeps the sensor registry current. */
export function createIngestionActivities(deps: IngestionDeps) {
  return {
    /**
     * Generates a scenario's readings for a demo sensor (seeded by the correlation id, so a retry
     * generates the same readings) and persists them; keys `gp:<correlation>:<i>` make a retried
     * or replayed call write each reading once.
     */
    async ingestScenarioReadings(input: {
      correlationId: string;
      workflowId?: string;
      sensorId: string;
      scenario: Scenario;
      count: number;
      end?: string;
    }) {
      if (!Number.isInteger(input.count) || input.count < 1 || input.count > 10_000) {
        throw ApplicationFailure.nonRetryable(`count must be an integer in 1..10000, got ${input.count}`, 'InvalidInput');
      }
      const end = input.end ? new Date(input.end) : new Date();
      const readings = generateScenario(input.scenario, { count: input.count, seed: seedFrom(input.correlationId) });
      const rows: NewReading[] = readings.map((r) => ({
        sensorId: input.sensorId,
        ts: new Date(end.getTime() - r.minutesBeforeEnd * 60_000),
        value: r.value,
        unit: 'Nm',
        quality: r.quality,
        sensorType: 'torque',
        metadata: { scenario: input.scenario, injected: r.injected, index: r.index, workflow_id: input.workflowId ?? null },
        correlationId: input.correlationId,
        idempotencyKey: `gp:${input.correlationId}:${r.index}`,
      }));
      const historySeeded = await seedDemoHistory(deps.sql, input.sensorId, rows[0]!.ts);
      const result = await insertReadings(rows, deps.sql, undefined, 'count');
      return {
        inserted: result.insertedCount,
        duplicates: result.duplicates,
        history_seeded: historySeeded,
        first: rows[0]!.ts.toISOString(),
        last: rows[rows.length - 1]!.ts.toISOString(),
      };
    },

    /**
     * Ingests data records [from, to) of a stored CSV upload. Heartbeats after each sub-batch with
     * the next record to do, so a retry after a crash resumes there; each row's idempotency key
     * (`csv:<upload>:<record>`) makes any overlap harmless.
     */
    async ingestCsvRange(input: { uploadId: string; from: number; to: number; correlationId?: string }) {
      const ctx = Context.current();
      const content = await getCsvUploadContent(input.uploadId, deps.sql);
      if (content === undefined) {
        throw ApplicationFailure.nonRetryable(`CSV upload ${input.uploadId} does not exist`, 'UploadMissing');
      }
      const resumeAt = (ctx.info.heartbeatDetails as { next?: number } | undefined)?.next;
      const start = typeof resumeAt === 'number' && resumeAt > input.from ? resumeAt : input.from;
      const now = new Date();
      const errors: CsvRowError[] = [];
      let inserted = 0;
      let duplicates = 0;
      let invalid = 0;
      let pending: NewReading[] = [];
      let next = start;

      const flush = async () => {
        if (pending.length) {
          const r = await insertReadings(pending, deps.sql, undefined, 'count');
          inserted += r.insertedCount;
          duplicates += r.duplicates;
          pending = [];
        }
        ctx.heartbeat({ next });
      };

      for (const { index, rec, header } of recordsInRange(content, start, input.to)) {
        const reading = recordToReading(header, rec);
        next = index + 1;
        if (Array.isArray(reading)) {
          invalid += 1;
          errors.push(...reading);
        } else {
          const ts = reading.timestamp ? new Date(reading.timestamp) : now;
          if (ts.getTime() > now.getTime() + deps.maxFutureSkewSeconds * 1000) {
            invalid += 1;
            errors.push({ line: rec.line, field: 'timestamp', message: 'is in the future' });
          } else {
            pending.push({
              sensorId: reading.sensor_id,
              ts,
              value: reading.value,
              unit: reading.unit ?? null,
              quality: reading.quality,
              sensorType: reading.sensor_type,
              metadata: { source: 'csv', upload_id: input.uploadId, line: rec.line },
              correlationId: reading.correlation_id ?? input.correlationId ?? null,
              idempotencyKey: `csv:${input.uploadId}:${index}`,
            });
          }
        }
        if (pending.length >= SUB_BATCH) await flush();
      }
      await flush();
      return { inserted, duplicates, invalid, errors: errors.slice(0, 100), resumedAt: start === input.from ? null : start };
    },
  };
}
