import { z } from 'zod';
import { SENSOR_ID_PATTERN, sensorTypeNames } from './sensorTypes';

export const sensorIdSchema = z
  .string()
  .regex(SENSOR_ID_PATTERN, 'must match ^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$')
  .describe('Sensor identifier');

/** A finite number; JSON cannot carry NaN or Infinity, and strings such as "NaN" are refused. */
export const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

/** ISO 8601 timestamp with a time zone offset (or Z). */
export const isoTimestamp = z.iso.datetime({ offset: true });

export const readingInputSchema = z
  .strictObject({
    sensor_id: sensorIdSchema,
    value: finiteNumber,
    timestamp: isoTimestamp.optional().describe('When the value was measured; defaults to now'),
    sensor_type: z.enum(sensorTypeNames).default('temperature'),
    unit: z.string().min(1).max(32).optional(),
    quality: z.number().min(0).max(1).default(1),
    correlation_id: z.uuid().optional(),
    metadata: z.record(z.string().max(128), z.unknown()).optional(),
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
