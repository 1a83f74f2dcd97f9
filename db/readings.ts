import type { NewReading, ReadingView } from '../domain/reading';
import { getSql, type Sql } from './sql';

interface ReadingRow {
  id: bigint;
  sensor_id: string;
  ts: Date;
  value: number;
  unit: string | null;
  quality: number;
  sensor_type: string;
  metadata: Record<string, unknown>;
  correlation_id: string | null;
  idempotency_key?: string | null;
  ingested_at: Date;
}

export function toReadingView(r: ReadingRow): ReadingView {
  return {
    id: r.id.toString(),
    sensor_id: r.sensor_id,
    timestamp: r.ts.toISOString(),
    value: r.value,
    unit: r.unit,
    quality: r.quality,
    sensor_type: r.sensor_type,
    metadata: r.metadata,
    correlation_id: r.correlation_id,
    ingested_at: r.ingested_at.toISOString(),
  };
}

export interface IdempotencyClaim {
  /** The API key the Idempotency-Key belongs to: records are unique per (owner, key). */
  apiKeyId: string;
  key: string;
  route: string;
  requestHash: string;
}

export interface InsertResult {
  /** The inserted rows, in input order (empty when only the count was asked for). */
  inserted: ReadingView[];
  /** Each inserted row's idempotency key, parallel to `inserted`. */
  insertedKeys: (string | null)[];
  insertedCount: number;
  /** Rows skipped because their idempotency key was already stored. */
  duplicates: number;
}

/**
 * Inserts readings in one multi-row statement and keeps the sensor registry's counters in step,
 * in the caller's transaction. Rows whose idempotency key exists are skipped, which is what makes
 * a retried batch (a resumed CSV, a retried activity) write each row once.
 *
 * With `claims` (one per row, or null), the same statement also stores each request's idempotency
 * record pointing at its new reading, so one autocommitted statement makes the readings and their
 * records durable together. Callers must not put two claims with the same key in one call.
 *
 * Inserted rows come back in input order: they are inserted in that order, so their identity ids
 * increase with it.
 */
export async function insertReadings(
  rows: NewReading[],
  sql: Sql = getSql(),
  claims?: (IdempotencyClaim | null)[],
  /** 'count' skips sending every inserted row back: a 10,000-row batch only needs the number. */
  returning: 'rows' | 'count' = 'rows',
): Promise<InsertResult> {
  if (rows.length === 0) return { inserted: [], insertedKeys: [], insertedCount: 0, duplicates: 0 };
  const withClaims = claims?.some(Boolean) ?? false;
  // The idempotency records point at the inserted rows' ids, which 'count' does not return.
  if (withClaims && returning === 'count') throw new Error("insertReadings: claims need returning 'rows'");
  // Column arrays + unnest keep the statement's parameter count constant whatever the batch size.
  const inserted = await sql<ReadingRow[]>`
    with input as (
      select * from unnest(
        ${rows.map((r) => r.sensorId)}::text[],
        ${rows.map((r) => r.ts.toISOString())}::timestamptz[],
        ${rows.map((r) => r.value)}::float8[],
        ${rows.map((r) => r.unit)}::text[],
        -- quality is a real: rounded to float32 here, because PostgreSQL refuses a float8 text
        -- such as 5e-324 that underflows float4 (a 500 for a valid 0..1 quality) instead of rounding it.
        ${rows.map((r) => Math.fround(r.quality))}::real[],
        ${rows.map((r) => r.sensorType)}::text[],
        ${rows.map((r) => JSON.stringify(r.metadata))}::text[],
        ${rows.map((r) => r.correlationId)}::uuid[],
        ${rows.map((r) => r.idempotencyKey)}::text[]
      ) ${
        // Row order only matters when rows come back (single readings); a 10,000-row batch skips it.
        returning === 'rows'
          ? sql`with ordinality as t(sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key, ord)`
          : sql`as t(sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key)`
      }
    ),
    ins as (
      insert into sensor_readings
        (sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key)
      select sensor_id, ts, value, unit, quality, sensor_type, metadata::jsonb, correlation_id, idempotency_key
      from input ${returning === 'rows' ? sql`order by ord` : sql``}
      on conflict do nothing
      returning ${
        returning === 'rows'
          ? sql`id, sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key, ingested_at`
          : sql`sensor_id, ts, unit, sensor_type`
      }
    ),
    registry as (
      -- Foreign keys are checked at the end of the statement, so registering a new sensor here,
      -- from the rows actually inserted, satisfies them. Sorted so concurrent batches lock sensors
      -- in the same order and cannot deadlock.
      insert into sensors (id, type, unit, reading_count, first_ts, last_ts)
      select sensor_id, min(sensor_type), min(unit), count(*), min(ts), max(ts)
      from ins group by sensor_id order by sensor_id
      on conflict (id) do update set
        reading_count = sensors.reading_count + excluded.reading_count,
        first_ts = least(sensors.first_ts, excluded.first_ts),
        last_ts = greatest(sensors.last_ts, excluded.last_ts)
    )
    ${
      withClaims
        ? sql`, claim as (
      select * from unnest(
        ${rows.map((r) => r.idempotencyKey)}::text[],
        ${claims!.map((c) => c?.key ?? null)}::text[],
        ${claims!.map((c) => c?.route ?? null)}::text[],
        ${claims!.map((c) => c?.requestHash ?? null)}::text[],
        ${claims!.map((c) => c?.apiKeyId ?? null)}::uuid[]
      ) as c(idempotency_key, key, route, request_hash, api_key_id)
      where key is not null
    ),
    claimed as (
      insert into idempotency_records (api_key_id, key, route, request_hash, status, response)
      select claim.api_key_id, claim.key, claim.route, claim.request_hash, 200, jsonb_build_object('reading_id', ins.id::text)
      from ins join claim using (idempotency_key)
      on conflict (api_key_id, key) do nothing
    )`
        : sql``
    }
    ${returning === 'rows' ? sql`select * from ins order by id` : sql`select count(*)::int as n from ins`}`;
  if (returning === 'count') {
    const n = (inserted[0] as unknown as { n: number }).n;
    return { inserted: [], insertedKeys: [], insertedCount: n, duplicates: rows.length - n };
  }
  return {
    inserted: inserted.map(toReadingView),
    insertedKeys: inserted.map((r) => r.idempotency_key ?? null),
    insertedCount: inserted.length,
    duplicates: rows.length - inserted.length,
  };
}

export interface ReadingFilter {
  sensorId?: string;
  startTs?: Date;
  endTs?: Date;
  limit: number;
  offset: number;
}

export async function listReadings(f: ReadingFilter, sql: Sql = getSql()): Promise<{ rows: ReadingView[]; total: number }> {
  const where = sql`
    where true
    ${f.sensorId ? sql`and sensor_id = ${f.sensorId}` : sql``}
    ${f.startTs ? sql`and ts >= ${f.startTs}` : sql``}
    ${f.endTs ? sql`and ts <= ${f.endTs}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    sql<ReadingRow[]>`
      select id, sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, ingested_at
      from sensor_readings ${where}
      order by ts desc, id desc
      limit ${f.limit} offset ${f.offset}`,
    sql<{ total: bigint }[]>`select count(*) as total from sensor_readings ${where}`,
  ]);
  return { rows: rows.map(toReadingView), total: Number(count?.total ?? 0) };
}

export async function countReadingsByIdempotencyPrefix(prefix: string, sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: bigint }[]>`
    select count(*) as n from sensor_readings where idempotency_key like ${prefix + '%'}`;
  return Number(row?.n ?? 0);
}

export async function getReading(id: string, sql: Sql = getSql()): Promise<ReadingView | undefined> {
  const [row] = await sql<ReadingRow[]>`
    select id, sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, ingested_at
    from sensor_readings where id = ${id}`;
  return row && toReadingView(row);
}

/** How many readings a sensor has before a time (quarantined ones included). */
export async function countReadingsBefore(sensorId: string, before: Date, sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = ${sensorId} and ts < ${before}`;
  return row?.n ?? 0;
}
