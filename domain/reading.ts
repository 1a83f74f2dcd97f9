import { z } from 'zod';
import { SENSOR_ID_PATTERN, sensorTypeNames } from './sensorTypes';

export const sensorIdSchema = z
  .string()
  .regex(SENSOR_ID_PATTERN, 'must match ^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$')
  .describe('Sensor identifier');

/** A finite number; JSON cannot carry NaN or Infinity, and strings such as "NaN" are refused. */
export const finiteNumber = z.number().refine(Number.isFinite, { message: 'must be a finite number', params: { code: 'not_finite' } });

/** ISO 8601 timestamp with a time zone offset (or Z). */
export const isoTimestamp = z.iso.datetime({ offset: true });

/** PostgreSQL text and jsonb cannot hold U+0000: refuse it here (422) rather than fail in the database (500). */
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';
/** Deeper metadata would overflow JSON.stringify's stack (a 500) long before it is useful. */
export const MAX_METADATA_DEPTH = 32;

/** Walks strings, keys and nesting without recursion, so the check itself cannot overflow the stack. */
function inspect(value: unknown): { nul: boolean; depth: number } {
  const pending: [unknown, number][] = [[value, 0]];
  let depth = 0;
  while (pending.length) {
    const [v, d] = pending.pop()!;
    depth = Math.max(depth, d);
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { nul: true, depth };
    } else if (v !== null && typeof v === 'object') {
      if (d > MAX_METADATA_DEPTH) return { nul: false, depth: d };
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return { nul: true, depth };
        pending.push([x, d + 1]);
      }
    }
  }
  return { nul: false, depth };
}
/** True when no string or key anywhere in `value` contains U+0000. */
export const hasNoNul = (value: unknown) => !inspect(value).nul;
const shallowEnough = (value: unknown) => inspect(value).depth <= MAX_METADATA_DEPTH;

export const readingInputSchema = z
  .strictObject({
    sensor_id: sensorIdSchema,
    value: finiteNumber,
    timestamp: isoTimestamp.optional().describe('When the value was measured; defaults to now'),
    sensor_type: z.enum(sensorTypeNames).default('temperature'),
    unit: z.string().min(1).max(32).refine(hasNoNul, NUL_MESSAGE).optional(),
    quality: z.number().min(0).max(1).default(1),
    correlation_id: z.uuid().optional(),
    metadata: z
      .record(z.string().max(128), z.unknown())
      .refine(hasNoNul, NUL_MESSAGE)
      .refine(shallowEnough, `must not nest deeper than ${MAX_METADATA_DEPTH} levels`)
      .optional(),
  })
  .describe('One sensor reading');

export type ReadingInput = z.input<typeof readingInputSchema>;
export type ParsedReading = z.output<typeof readingInputSchema>;

/** What is written to sensor_readings. */
export interface NewReading {
  sensorId: string;
  ts: Date;
  value: number;
  unit: string | null;
  quality: number;
  sensorType: string;
  metadata: Record<string, unknown>;
  correlationId: string | null;
  idempotencyKey: string | null;
}

/** A reading as the API returns it (the original system's field names). */
export interface ReadingView {
  id: string;
  sensor_id: string;
  timestamp: string;
  value: number;
  unit: string | null;
  quality: number;
  sensor_type: string;
  metadata: Record<string, unknown>;
  correlation_id: string | null;
  ingested_at: string;
}
