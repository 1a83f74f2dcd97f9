import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { getSql, type Sql } from './sql';

/*
 * The benchmark's floor for batch ingestion (bench/ingest.ts): the same rows written with the
 * least work PostgreSQL allows, no idempotency keys and no registry counters. Not for production.
 */

/** Registers a torque sensor with no counters, if it is new. */
export async function registerBaselineSensor(sensorId: string, sql: Sql = getSql()): Promise<void> {
  await sql`insert into sensors (id, type, unit) values (${sensorId}, 'torque', 'Nm') on conflict do nothing`;
}

/**
 * COPYs ready-made text-format lines (sensor_id, ts, value, unit, quality, sensor_type, metadata)
 * into sensor_readings. Takes the transaction the caller opened: COPY needs one connection.
 */
export async function copyBaselineReadings(copyText: string, tx: postgres.TransactionSql): Promise<void> {
  const writable = await tx`copy sensor_readings (sensor_id, ts, value, unit, quality, sensor_type, metadata) from stdin`.writable();
  await pipeline(Readable.from([copyText]), writable);
}
