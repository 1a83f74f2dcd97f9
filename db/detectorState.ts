import { getSql, type Sql } from './sql';

export interface DetectorStateRow {
  sensor_id: string;
  state_version: number;
  detector: unknown;
  grouper: unknown;
  cursor_id: bigint;
  readings: bigint;
  last_ts: Date | null;
  sensitivity: number;
}

/** The state row without its JSON documents, and the row version (`xmin`) that last wrote it. */
export type DetectorStateHead = Omit<DetectorStateRow, 'detector' | 'grouper'> & { row_version: string };

/**
 * Locks the sensor's state row (created empty on first use) and reads it, with the detector and
 * grouper documents only when asked: a caller that kept them in memory since it wrote them (same
 * `row_version`) does not need them again. An existing row, the common case, is one statement.
 */
export async function lockDetectorState(
  sensorId: string,
  withDocuments: boolean,
  tx: Sql,
): Promise<(DetectorStateHead & Partial<Pick<DetectorStateRow, 'detector' | 'grouper'>>) | undefined> {
  const lock = () => tx<(DetectorStateHead & Partial<Pick<DetectorStateRow, 'detector' | 'grouper'>>)[]>`
    select sensor_id, state_version, cursor_id, readings, last_ts, sensitivity, xmin::text as row_version
      ${withDocuments ? tx`, detector, grouper` : tx``}
    from sensor_detector_state where sensor_id = ${sensorId} for update`;
  const [row] = await lock();
  if (row) return row;
  await tx`insert into sensor_detector_state (sensor_id) select id from sensors where id = ${sensorId} on conflict do nothing`;
  return (await lock())[0];
}

/** The detector and grouper documents of a row the caller has locked. */
export async function detectorDocuments(sensorId: string, tx: Sql): Promise<{ detector: unknown; grouper: unknown }> {
  const [row] = await tx<{ detector: unknown; grouper: unknown }[]>`
    select detector, grouper from sensor_detector_state where sensor_id = ${sensorId}`;
  return row ?? { detector: null, grouper: null };
}

/**
 * Saves the state; the detector comes as JSON text already (the scorer serialises its live state
 * once instead of copying it first; the `::text` keeps the driver from encoding it as a JSON string
 * of that text). Returns the new row version.
 */
export async function saveDetectorState(
  s: { sensorId: string; detector: string; grouper: unknown; cursorId: bigint; readings: number; lastTs: Date | null },
  tx: Sql,
): Promise<string> {
  const [row] = await tx<{ row_version: string }[]>`
    update sensor_detector_state set detector = ${s.detector}::text::jsonb, grouper = ${tx.json(s.grouper as never)},
      cursor_id = ${s.cursorId.toString()}, readings = ${s.readings}, last_ts = ${s.lastTs}, updated_at = now()
    where sensor_id = ${s.sensorId}
    returning xmin::text as row_version`;
  return row!.row_version;
}

/** Reads without locking (what-if scoring in /ml/detect_anomaly). */
export async function getDetectorState(sensorId: string, sql: Sql = getSql()): Promise<DetectorStateRow | undefined> {
  const [row] = await sql<DetectorStateRow[]>`
    select sensor_id, state_version, detector, grouper, cursor_id, readings, last_ts, sensitivity
    from sensor_detector_state where sensor_id = ${sensorId}`;
  return row;
}

/** Sets a sensor's sensitivity; undefined when the sensor is unknown. */
export async function setSensorSensitivity(
  sensorId: string,
  sensitivity: number,
  sql: Sql = getSql(),
): Promise<{ sensor_id: string; sensitivity: number } | undefined> {
  const [row] = await sql<{ sensor_id: string; sensitivity: number }[]>`
    insert into sensor_detector_state (sensor_id, sensitivity) select id, ${sensitivity} from sensors where id = ${sensorId}
    on conflict (sensor_id) do update set sensitivity = excluded.sensitivity, updated_at = now()
    returning sensor_id, sensitivity`;
  return row;
}

export interface ReadingToScore {
  id: bigint;
  ts: Date;
  value: number;
  quality: number;
  quarantine_reason: string | null;
  correlation_id: string | null;
}

/** The sensor's readings stored after the cursor, in insertion order (the caller orders by time). */
export async function readingsAfterCursor(sensorId: string, cursorId: bigint, limit: number, tx: Sql): Promise<ReadingToScore[]> {
  return tx<ReadingToScore[]>`
    select id, ts, value, quality, quarantine_reason, correlation_id from sensor_readings
    where sensor_id = ${sensorId} and id > ${cursorId.toString()}
    order by id limit ${limit}`;
}

/** Sensors with readings the scorer has not seen yet (the monitoring sweep's catch-up list). */
export async function sensorsBehindScoring(limit: number, sql: Sql = getSql()): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select s.id from sensors s left join sensor_detector_state d on d.sensor_id = s.id
    where s.reading_count > coalesce(d.readings, 0) and s.last_ts > now() - interval '30 days'
    order by s.last_ts desc limit ${limit}`;
  return rows.map((r) => r.id);
}
