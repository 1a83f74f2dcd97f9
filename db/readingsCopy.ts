import type { Writable } from 'node:stream';
import type postgres from 'postgres';
import type { NewReading } from '../domain/reading';

/** Rows per chunk written to the COPY stream: big enough to amortise, small enough to stream. */
const CHUNK_ROWS = 1000;
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A field in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

function copyLine(r: NewReading): string {
  return [
    copyField(r.sensorId),
    r.ts.toISOString(),
    String(r.value),
    copyField(r.unit),
    // quality is a real: rounded to float32 here, because PostgreSQL refuses a float8 text such as
    // 5e-324 that underflows float4 instead of rounding it.
    String(Math.fround(r.quality)),
    copyField(r.sensorType),
    copyField(JSON.stringify(r.metadata)),
    copyField(r.correlationId),
  ].join('\t');
}

/** The same line with the idempotency key as a ninth column (the staging table of copyReadingsOnce). */
const keyedCopyLine = (r: NewReading) => `${copyLine(r)}\t${copyField(r.idempotencyKey)}`;

function* copyChunks(rows: NewReading[], line: (r: NewReading) => string = copyLine): Generator<string> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    let chunk = '';
    for (const r of rows.slice(i, i + CHUNK_ROWS)) chunk += line(r) + '\n';
    yield chunk;
  }
}

/**
 * Writes every chunk, waiting for each to reach the socket, then ends the stream: with nothing left
 * buffered, end() sends CopyDone at once, so the connection is free for the next statement.
 */
async function sendCopyData(writable: Writable, chunks: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  writable.on('error', (err) => (failure ??= err));
  for (const chunk of chunks) {
    if (failure) throw failure;
    await new Promise<void>((resolve, reject) => writable.write(chunk, (err) => (err ? reject(failure ?? err) : resolve())));
  }
  if (failure) throw failure;
  writable.end();
}

interface SensorSummary {
  id: string;
  type: string;
  unit: string | null;
  count: number;
  first: Date;
  last: Date;
}

/** Per sensor: how many rows, their time span, and the type and unit a new sensor is registered with. */
function summarise(rows: NewReading[]): SensorSummary[] {
  const byId = new Map<string, SensorSummary>();
  for (const r of rows) {
    const s = byId.get(r.sensorId);
    if (!s) {
      byId.set(r.sensorId, { id: r.sensorId, type: r.sensorType, unit: r.unit, count: 1, first: r.ts, last: r.ts });
      continue;
    }
    s.count++;
    if (r.ts < s.first) s.first = r.ts;
    if (r.ts > s.last) s.last = r.ts;
  }
  // Sorted so concurrent writers lock sensor rows in the same order and cannot deadlock.
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Writes readings that carry no idempotency key with COPY, in one transaction with the sensor
 * registry: every row is committed, or none is. COPY is several times cheaper for PostgreSQL than
 * an INSERT ... SELECT FROM unnest of the same rows; without idempotency keys no row can conflict,
 * so nothing needs ON CONFLICT. Returns the number of rows written.
 */
export async function copyReadings(rows: NewReading[], sql: postgres.Sql): Promise<number> {
  if (rows.length === 0) return 0;
  if (rows.some((r) => r.idempotencyKey !== null)) throw new Error('copyReadings: rows with idempotency keys need insertReadings');
  const sensors = summarise(rows);
  await sql.begin(async (tx) => {
    // New sensors first, so the rows' foreign keys hold; existing sensor rows are not locked yet.
    await tx`
      insert into sensors (id, type, unit)
      select * from unnest(${sensors.map((s) => s.id)}::text[], ${sensors.map((s) => s.type)}::text[], ${sensors.map((s) => s.unit)}::text[])
      on conflict (id) do nothing`;
    const writable = await tx`
      copy sensor_readings (sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id) from stdin`.writable();
    await sendCopyData(writable, copyChunks(rows));
    // postgres.js hands an error that PostgreSQL reports after the end of the data (a refused row,
    // a lost connection) to nobody, and the stream then never finishes. The next statement on the
    // same connection runs only after the COPY's answer, and fails if the COPY did, so this asks.
    await tx`select 1`;
    // The counters last, so the sensor rows stay locked only from here to the commit; in id order
    // (the insert's input order), like every other writer, so writers cannot deadlock.
    await tx`
      insert into sensors (id, type, unit, reading_count, first_ts, last_ts)
      select * from unnest(
        ${sensors.map((s) => s.id)}::text[], ${sensors.map((s) => s.type)}::text[], ${sensors.map((s) => s.unit)}::text[],
        ${sensors.map((s) => s.count)}::bigint[],
        ${sensors.map((s) => s.first.toISOString())}::timestamptz[], ${sensors.map((s) => s.last.toISOString())}::timestamptz[]
      ) as s(id, type, unit, n, first_ts, last_ts)
      order by id
      on conflict (id) do update set
        reading_count = sensors.reading_count + excluded.reading_count,
        first_ts = least(sensors.first_ts, excluded.first_ts),
        last_ts = greatest(sensors.last_ts, excluded.last_ts)`;
  });
  return rows.length;
}

/**
 * The batch path for sources that redeliver (MQTT after a reconnect, OPC UA after a resubscribe):
 * the rows go through COPY like copyReadings, into a temporary staging table, and move into
 * sensor_readings with `on conflict do nothing` on their idempotency keys, in one transaction with
 * the sensor registry. So a batch is all-or-nothing, and a redelivered row is skipped instead of
 * stored twice. Every row must carry a key. Returns how many rows were new.
 */
export async function copyReadingsOnce(rows: NewReading[], sql: postgres.Sql): Promise<{ inserted: number; duplicates: number }> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  return sql.begin((tx) => copyReadingsOnceIn(tx, rows));
}

/** copyReadingsOnce inside the caller's transaction, so other writes can commit with the rows. */
export async function copyReadingsOnceIn(
  tx: postgres.TransactionSql,
  rows: NewReading[],
): Promise<{ inserted: number; duplicates: number }> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  if (rows.some((r) => r.idempotencyKey === null)) throw new Error('copyReadingsOnce: every row needs an idempotency key');
  await tx`
      create temporary table reading_staging (
        sensor_id text, ts timestamptz, value float8, unit text, quality real, sensor_type text,
        metadata jsonb, correlation_id uuid, idempotency_key text
      ) on commit drop`;
  const writable = await tx`
      copy reading_staging (sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key)
      from stdin`.writable();
  await sendCopyData(writable, copyChunks(rows, keyedCopyLine));
  await tx`select 1`; // see copyReadings: surfaces an error PostgreSQL reported after the data
  // Foreign keys are checked at the end of the statement, so registering a new sensor in the same
  // statement, from the rows actually inserted, satisfies them; sorted, like every other writer,
  // so concurrent writers lock sensor rows in the same order and cannot deadlock.
  const [{ n: inserted }] = await tx<{ n: number }[]>`
      with ins as (
        insert into sensor_readings (sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key)
        select sensor_id, ts, value, unit, quality, sensor_type, metadata, correlation_id, idempotency_key from reading_staging
        on conflict do nothing
        returning sensor_id, ts, unit, sensor_type
      ),
      registry as (
        insert into sensors (id, type, unit, reading_count, first_ts, last_ts)
        select sensor_id, min(sensor_type), min(unit), count(*), min(ts), max(ts)
        from ins group by sensor_id order by sensor_id
        on conflict (id) do update set
          reading_count = sensors.reading_count + excluded.reading_count,
          first_ts = least(sensors.first_ts, excluded.first_ts),
          last_ts = greatest(sensors.last_ts, excluded.last_ts)
      )
      select count(*)::int as n from ins`;
  return { inserted, duplicates: rows.length - inserted };
}
