import { getSql, type Sql } from './sql';

export interface SensorView {
  sensor_id: string;
  sensor_type: string;
  unit: string | null;
  equipment: string | null;
  location: string | null;
  reading_count: number;
  first_reading: string | null;
  last_reading: string | null;
  created_at: string;
  /** When the sensor was hidden from the lists; null for a listed sensor. */
  archived_at: string | null;
  /** Since when a connector's source declared it dead (Sparkplug NDEATH/DDEATH); null while live. */
  stale_since: string | null;
}

/**
 * Sensors with their counters, maintained at ingestion time: no scan of sensor_readings. Archived
 * sensors are left out unless `includeArchived`.
 */
export async function listSensors(f: { includeArchived?: boolean } = {}, sql: Sql = getSql()): Promise<SensorView[]> {
  const rows = await sql<
    {
      id: string;
      type: string;
      unit: string | null;
      equipment: string | null;
      location: string | null;
      reading_count: bigint;
      first_ts: Date | null;
      last_ts: Date | null;
      created_at: Date;
      archived_at: Date | null;
      stale_since: Date | null;
    }[]
  >`select id, type, unit, equipment, location, reading_count, first_ts, last_ts, created_at, archived_at,
      -- Marked by a connector whose source announced its death, until the next birth or value.
      (select min(changed_at) from connector_sensor_state cs where cs.sensor_id = sensors.id and cs.stale) as stale_since
    from sensors
    ${f.includeArchived ? sql`` : sql`where archived_at is null`}
    order by id`;
  return rows.map((r) => ({
    sensor_id: r.id,
    sensor_type: r.type,
    unit: r.unit,
    equipment: r.equipment,
    location: r.location,
    reading_count: Number(r.reading_count),
    first_reading: r.first_ts?.toISOString() ?? null,
    last_reading: r.last_ts?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
    archived_at: r.archived_at?.toISOString() ?? null,
    stale_since: r.stale_since?.toISOString() ?? null,
  }));
}

/** A registered sensor's type; undefined for an unknown sensor. */
export async function getSensorType(sensorId: string, sql: Sql = getSql()): Promise<string | undefined> {
  const [sensor] = await sql<{ type: string }[]>`select type from sensors where id = ${sensorId}`;
  return sensor?.type;
}

/**
 * Hides a sensor from the lists (now) or shows it again (null). Only the mark changes: readings
 * and everything derived from them stay. Undefined for an unknown sensor.
 */
export async function setSensorArchived(
  sensorId: string,
  archivedAt: Date | null,
  sql: Sql = getSql(),
): Promise<{ archived_at: Date | null } | undefined> {
  const [row] = await sql<{ archived_at: Date | null }[]>`
    update sensors set archived_at = case when ${archivedAt}::timestamptz is null then null else coalesce(archived_at, ${archivedAt}::timestamptz) end
    where id = ${sensorId} returning archived_at`;
  return row;
}
