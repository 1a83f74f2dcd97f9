import { ApplicationFailure, Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { getCsvUploadContent } from '../db/csvUploads';
import { insertReadings } from '../db/readings';
import { recordToReading, recordsInRange } from '../domain/csvReadings';
import type { NewReading } from '../domain/reading';
import type { CsvRowError } from '../workflows/csvIngestion';

const SUB_BATCH = 500;

export interface IngestionDeps {
  sql: postgres.Sql;
  maxFutureSkewSeconds: number;
}

/** DataIngestionAgent: persists readings in batches, idempotently, and keeps the sensor registry current. */
export function createIngestionActivities(deps: IngestionDeps) {
  return {
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
          const r = await deps.sql.begin((tx) => insertReadings(pending, tx));
          inserted += r.inserted.length;
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
