import { ApplicationFailure, Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { getCsvUploadContent, releaseCsvUploadContent } from '../db/csvUploads';
import { countReadingsBefore, insertReadings } from '../db/readings';
import { recordToRow, recordsInRange, type CsvLineError } from '../domain/csvReadings';
import { DEMO_PACE_RANGE, isDemoPace } from '../domain/demoPace';
import type { NewReading } from '../domain/reading';
import { scenarioReadingRow, type ReadingRowContext } from '../domain/readingRow';
import { generateScenario, seedFrom } from '../domain/scenarios';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';
import type { IngestScenarioReadingsInput } from '../workflows/activityContracts';

const SUB_BATCH = 500;
/**
 * A demo machine's past: five hours of healthy readings, so the drift reference window is data and
 * the streaming detector has learned the sensor (it only learns its first 200 readings, and its
 * likelihoods warm up over 300) before the run's readings are judged.
 */
export const DEMO_HISTORY_READINGS = 300;

/**
 * Gives a new demo sensor its hours of healthy history before the run (once per sensor: keys
 * `hist:<sensor>:<i>`), so the anomaly baseline and the drift reference window are learned from
 * data rather than assumed. Returns how many readings were added.
 */
async function seedDemoHistory(
  sql: postgres.Sql,
  maxFutureSkewSeconds: number,
  sensorId: string,
  before: Date,
  runSeed: number | undefined,
): Promise<number> {
  if ((await countReadingsBefore(sensorId, before, sql)) >= DEMO_HISTORY_READINGS) return 0;
  // A seeded run seeds its history too: the detector's verdict on the run depends on both.
  const seed = runSeed === undefined ? seedFrom(`history:${sensorId}`) : seedFrom(`history:${runSeed}`);
  const history = generateScenario('normal', { count: DEMO_HISTORY_READINGS, seed });
  const now = new Date();
  const rows = history.map((r) =>
    demoRow(
      { sensorId, ts: new Date(before.getTime() - (r.minutesBeforeEnd + 1) * 60_000), value: r.value, quality: Math.max(r.quality, 0.95) },
      { now, maxFutureSkewSeconds, idempotencyKey: `hist:${sensorId}:${r.index}`, correlationId: null, metadata: { history: true } },
    ),
  );
  const result = await insertReadings(rows, sql, undefined, 'count');
  return result.insertedCount;
}

/**
 * A generated demo reading as a row, through the mapping every ingest path shares. Generated data that fails it is a bug in the generator or its input: not retryable.
 */
function demoRow(r: { sensorId: string; ts: Date; value: number; quality: number }, ctx: ReadingRowContext): NewReading {
  const verdict = scenarioReadingRow(r, ctx);
  if (verdict.ok) return verdict.row;
  throw ApplicationFailure.nonRetryable(
    `generated reading refused: ${verdict.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    'InvalidInput',
    verdict.errors,
  );
}

/**
 * Demo pace: inserts the readings one at a time, `readingsPerSecond` apart, through the same
 * idempotent insert as a batch, heartbeating the next index after each one so a retry resumes
 * there (and a cancelled run stops streaming at once: the pause is the activity context's sleep).
 */
async function streamReadings(sql: postgres.Sql, rows: NewReading[], readingsPerSecond: number) {
  const ctx = Context.current();
  const resumeAt = (ctx.info.heartbeatDetails as { next?: number } | undefined)?.next;
  const start = typeof resumeAt === 'number' && resumeAt > 0 && resumeAt <= rows.length ? resumeAt : 0;
  let insertedCount = 0;
  // Readings before the resume point were written by an earlier attempt: already there, as a
  // retried batch would report them, so the run still counts all of its readings.
  let duplicates = start;
  for (let i = start; i < rows.length; i++) {
    if (i > start) await ctx.sleep(1000 / readingsPerSecond);
    const r = await insertReadings([rows[i]!], sql, undefined, 'count');
    insertedCount += r.insertedCount;
    duplicates += r.duplicates;
    ctx.heartbeat({ next: i + 1 });
  }
  return { insertedCount, duplicates };
}

export interface IngestionDeps {
  sql: postgres.Sql;
  maxFutureSkewSeconds: number;
}

/** DataIngestionAgent: persists readings in batches, idempotently, and keeps the sensor registry current. */
export function createIngestionActivities(deps: IngestionDeps) {
  return withDomainFailures({
    /**
     * Generates a scenario's readings for a demo sensor (seeded by the correlation id, so a retry
     * generates the same readings) and persists them; keys `gp:<correlation>:<i>` make a retried
     * or replayed call write each reading once.
     */
    async ingestScenarioReadings(input: IngestScenarioReadingsInput) {
      if (!Number.isInteger(input.count) || input.count < 1 || input.count > 10_000) {
        throw new InvalidInput([], `count must be an integer in 1..10000, got ${input.count}`);
      }
      if (input.readingsPerSecond !== undefined && !isDemoPace(input.readingsPerSecond)) {
        throw new InvalidInput(
          [],
          `readingsPerSecond must be in ${DEMO_PACE_RANGE.min}..${DEMO_PACE_RANGE.max}, got ${input.readingsPerSecond}`,
        );
      }
      const end = input.end ? new Date(input.end) : new Date();
      const readings = generateScenario(input.scenario, { count: input.count, seed: input.seed ?? seedFrom(input.correlationId) });
      const now = new Date();
      const rows = readings.map((r) =>
        demoRow(
          { sensorId: input.sensorId, ts: new Date(end.getTime() - r.minutesBeforeEnd * 60_000), value: r.value, quality: r.quality },
          {
            now,
            maxFutureSkewSeconds: deps.maxFutureSkewSeconds,
            idempotencyKey: `gp:${input.correlationId}:${r.index}`,
            correlationId: input.correlationId,
            metadata: { scenario: input.scenario, injected: r.injected, index: r.index, workflow_id: input.workflowId ?? null },
          },
        ),
      );
      const historySeeded = await seedDemoHistory(deps.sql, deps.maxFutureSkewSeconds, input.sensorId, rows[0]!.ts, input.seed);
      const result = input.readingsPerSecond
        ? await streamReadings(deps.sql, rows, input.readingsPerSecond)
        : await insertReadings(rows, deps.sql, undefined, 'count');
      return {
        inserted: result.insertedCount,
        duplicates: result.duplicates,
        history_seeded: historySeeded,
        first: rows[0]!.ts.toISOString(),
        last: rows[rows.length - 1]!.ts.toISOString(),
      };
    },

    /**
     * Drops a CSV upload's stored file once the workflow has ingested every row. Only the
     * workflow knows that every range completed (a retried range still needs the file to resume
     * from its heartbeat), so it calls this last. Idempotent: a released file stays released.
     */
    async releaseCsvUpload(input: { uploadId: string }): Promise<{ released: boolean }> {
      return { released: await releaseCsvUploadContent(input.uploadId, deps.sql) };
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
        throw ApplicationFailure.nonRetryable(`CSV upload ${input.uploadId} does not exist or its file was released`, 'UploadMissing');
      }
      const beat = ctx.info.heartbeatDetails as { next?: number; sensors?: string[] } | undefined;
      const resumeAt = beat?.next;
      // The sensors this range wrote to (kept across a resumed attempt), scored for alarms afterwards.
      const sensors = new Set<string>(Array.isArray(beat?.sensors) ? beat.sensors : []);
      const start = typeof resumeAt === 'number' && resumeAt > input.from ? resumeAt : input.from;
      const now = new Date();
      const errors: CsvLineError[] = [];
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
        ctx.heartbeat({ next, sensors: [...sensors] });
      };

      for await (const { index, rec, header } of recordsInRange(content, start, input.to)) {
        const verdict = recordToRow(header, rec, {
          now,
          maxFutureSkewSeconds: deps.maxFutureSkewSeconds,
          idempotencyKey: `csv:${input.uploadId}:${index}`,
          correlationId: input.correlationId ?? null,
          metadata: { source: 'csv', upload_id: input.uploadId, line: rec.line },
        });
        next = index + 1;
        if (verdict.ok) {
          pending.push(verdict.row);
          sensors.add(verdict.row.sensorId);
        } else {
          invalid += 1;
          errors.push(...verdict.errors);
        }
        if (pending.length >= SUB_BATCH) await flush();
      }
      await flush();
      return {
        inserted,
        duplicates,
        invalid,
        errors: errors.slice(0, 100),
        resumedAt: start === input.from ? null : start,
        sensorIds: [...sensors].sort(),
      };
    },
  });
}
