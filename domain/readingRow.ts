import type { FieldError } from './errors';
import { fieldError, issuesToFieldErrors } from './fieldErrorText';
import { readingInputSchema, type NewReading, type ParsedReading } from './reading';

/**
 * The one mapping from a reading to the row written to sensor_readings, shared by every ingest
 * path (REST single and batch, the CSV workflow, simulations, the Golden Path demo), so a reading
 * one path refuses is refused by all of them with the same field and message.
 */

/** Dotted path of the offending field, e.g. `timestamp` (callers add `readings.3.` or a line). */
export type ReadingFieldError = FieldError;

export type ReadingVerdict = { ok: true; row: NewReading } | { ok: false; errors: ReadingFieldError[] };

export interface ReadingRowContext {
  /** The ingest time: the default timestamp and the reference for the future check. */
  now: Date;
  maxFutureSkewSeconds: number;
  /** The key that makes the write exactly-once; null when the path has none (REST batch). */
  idempotencyKey: string | null;
  /** Used when the reading names no correlation id of its own. */
  correlationId?: string | null;
  /** Provenance the path adds (CSV upload and line, scenario); wins over the reading's own keys. */
  metadata?: Record<string, unknown>;
}

/** Validates raw input (the API's reading schema, then the time checks) and returns the row. */
export function readingRow(input: unknown, ctx: ReadingRowContext): ReadingVerdict {
  const parsed = readingInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
  return parsedReadingRow(parsed.data, ctx);
}

/**
 * For a reading the schema already accepted (the API validates bodies in its router): the checks a
 * schema alone cannot make, because they depend on the clock.
 */
export function parsedReadingRow(r: ParsedReading, ctx: ReadingRowContext): ReadingVerdict {
  const ts = r.timestamp ? new Date(r.timestamp) : ctx.now;
  if (ts.getTime() > ctx.now.getTime() + ctx.maxFutureSkewSeconds * 1000) {
    return {
      ok: false,
      errors: [
        fieldError('timestamp', 'in_future', `is more than ${ctx.maxFutureSkewSeconds} s in the future`, {
          seconds: ctx.maxFutureSkewSeconds,
        }),
      ],
    };
  }
  // Readings predate no machine we monitor; a pre-epoch time is a unit or typing mistake.
  if (ts.getUTCFullYear() < 1970) return { ok: false, errors: [fieldError('timestamp', 'before_1970', 'is before 1970')] };
  return {
    ok: true,
    row: {
      sensorId: r.sensor_id,
      ts,
      value: r.value,
      unit: r.unit ?? null,
      quality: r.quality,
      sensorType: r.sensor_type,
      metadata: ctx.metadata ? { ...r.metadata, ...ctx.metadata } : ((r.metadata ?? {}) as Record<string, unknown>),
      correlationId: r.correlation_id ?? ctx.correlationId ?? null,
      idempotencyKey: ctx.idempotencyKey,
    },
  };
}

/** A generated scenario reading (the scenarios model a torque sensor in Nm), by the same mapping. */
export function scenarioReadingRow(
  r: { sensorId: string; ts: Date; value: number; quality: number },
  ctx: ReadingRowContext,
): ReadingVerdict {
  return readingRow(
    { sensor_id: r.sensorId, timestamp: r.ts.toISOString(), value: r.value, quality: r.quality, sensor_type: 'torque', unit: 'Nm' },
    ctx,
  );
}
