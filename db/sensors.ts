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
}

/** Sensors with their counters, maintained at ingestion time: no scan of sensor_readings. */
export async function listSensors(sql: Sql = getSql()): Promise<SensorView[]> {
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
    }[]
  >`select id, type, unit, equipment, location, reading_count, first_ts, last_ts, created_at from sensors order by id`;
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
  }));
}

/** A registered sensor's type; undefined for an unknown sensor. */
export async function getSensorType(sensorId: string, sql: Sql = getSql()): Promise<string | undefined> {
  const [sensor] = await sql<{ type: string }[]>`select type from sensors where id = ${sensorId}`;
  return sensor?.type;
}
