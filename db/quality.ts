import { getSql, type Sql } from './sql';

export interface ReadingForValidation {
  id: bigint;
  ts: Date;
  value: number;
  quality: number;
  sensor_type: string;
  ingested_at: Date;
  quarantine_reason: string | null;
}

/** The readings of one run (correlation id) for one sensor, oldest first. */
export async function readingsOfRun(sensorId: string, correlationId: string, sql: Sql = getSql()): Promise<ReadingForValidation[]> {
  return sql<ReadingForValidation[]>`
    select id, ts, value, quality, sensor_type, ingested_at, quarantine_reason
    from sensor_readings
    where sensor_id = ${sensorId} and correlation_id = ${correlationId}
    order by ts, id`;
}

/** Marks readings as quarantined; already-quarantined rows keep their first reason. */
export async function quarantineReadings(items: { id: bigint; reason: string }[], sql: Sql = getSql()): Promise<void> {
  if (!items.length) return;
  await sql`
    update sensor_readings r set quarantine_reason = q.reason
    from unnest(${items.map((i) => i.id.toString())}::bigint[], ${items.map((i) => i.reason)}::text[]) as q(id, reason)
    where r.id = q.id and r.quarantine_reason is null`;
}

/** Valid (not quarantined) values of a sensor before a time, newest first: the sensor's history. */
export async function sensorHistory(
  sensorId: string,
  before: Date,
  limit: number,
  sql: Sql = getSql(),
): Promise<{ ts: Date; value: number }[]> {
  return sql<{ ts: Date; value: number }[]>`
    select ts, value from sensor_readings
    where sensor_id = ${sensorId} and ts < ${before} and quarantine_reason is null
    order by ts desc limit ${limit}`;
}

/** Valid (not quarantined) values of a sensor in (from, to], oldest first: a window to analyse. */
export async function sensorWindow(
  sensorId: string,
  from: Date,
  to: Date,
  limit: number,
  sql: Sql = getSql(),
): Promise<{ ts: Date; value: number }[]> {
  return sql<{ ts: Date; value: number }[]>`
    select ts, value from sensor_readings
    where sensor_id = ${sensorId} and quarantine_reason is null and ts > ${from} and ts <= ${to}
    order by ts limit ${limit}`;
}

/** The time of a sensor's latest valid reading; null when it has none. */
export async function latestValidReadingTs(sensorId: string, sql: Sql = getSql()): Promise<Date | null> {
  const [latest] = await sql<{ ts: Date | null }[]>`
    select max(ts) as ts from sensor_readings where sensor_id = ${sensorId} and quarantine_reason is null`;
  return latest?.ts ?? null;
}

/**
 * Valid values of a sensor after `from` and before `to` (or at `to` when includeEnd): one drift
 * window. Unordered, since KS and PSI do not care.
 */
export async function validValuesBetween(
  sensorId: string,
  from: Date,
  to: Date,
  includeEnd: boolean,
  sql: Sql = getSql(),
  limit = 1_000_000,
): Promise<{ value: number }[]> {
  // The latest `limit` readings: the (sensor_id, ts desc) index returns them in order, so the
  // bound costs no sort and a huge window reads only what is used.
  return sql<{ value: number }[]>`
    select value from sensor_readings
    where sensor_id = ${sensorId} and quarantine_reason is null
      and ts > ${from} and ${includeEnd ? sql`ts <= ${to}` : sql`ts < ${to}`}
    order by ts desc
    limit ${limit}`;
}
