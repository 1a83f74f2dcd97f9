import { createHash } from 'node:crypto';
import type { SensorTarget } from '../domain/connectorMapping';
import type { NewReading } from '../domain/reading';
import { readingRow } from '../domain/readingRow';

export interface Sample {
  target: SensorTarget;
  value: number;
  ts: Date;
  quality?: number;
  /** Deterministic for a message: the same message redelivered gives the same key. */
  idempotencyKey: string;
  /** Provenance stored on the reading (connector id, topic or node). */
  source: Record<string, unknown>;
}

/** A short stable digest, for keys of messages that carry no sequence number. */
export const digest = (data: Buffer | string) => createHash('sha1').update(data).digest('base64url').slice(0, 16);

/**
 * A sample as a row, through the same validation and mapping as every other ingest path
 * (domain/readingRow.ts): a reading REST would refuse is refused here with the same message.
 */
export function sampleRow(s: Sample, ctx: { now: Date; maxFutureSkewSeconds: number }): { row: NewReading } | { error: string } {
  const verdict = readingRow(
    {
      sensor_id: s.target.sensorId,
      value: s.value,
      timestamp: s.ts.toISOString(),
      sensor_type: s.target.sensorType,
      unit: s.target.unit ?? undefined,
      quality: s.quality ?? 1,
    },
    { now: ctx.now, maxFutureSkewSeconds: ctx.maxFutureSkewSeconds, idempotencyKey: s.idempotencyKey, metadata: { source: s.source } },
  );
  if (verdict.ok) return { row: verdict.row };
  const [first] = verdict.errors;
  return { error: `${first!.field} ${first!.message}` };
}
