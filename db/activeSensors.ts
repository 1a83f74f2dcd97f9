import { getSql, type Sql } from './sql';

export interface ActiveSensor {
  sensor_id: string;
  last_reading_at: string;
  /** Anomalies whose reading falls inside the burst window. */
  recent_anomalies: number;
}

/**
 * Sensors that reported since `activeSince`, most recently active first, each with its count of
 * anomalous readings since `anomaliesSince`. Reads the sensor registry's `last_ts` (kept by
 * ingestion) rather than scanning readings, so a monitoring run stays cheap with many sensors.
 */
export async function listActiveSensors(
  opts: { activeSince: Date; anomaliesSince: Date; limit: number },
  sql: Sql = getSql(),
): Promise<ActiveSensor[]> {
  const rows = await sql<{ id: string; last_ts: Date; recent_anomalies: bigint }[]>`
    select s.id, s.last_ts,
           (select count(*) from anomalies a where a.sensor_id = s.id and a.ts >= ${opts.anomaliesSince}) as recent_anomalies
    from sensors s
    where s.last_ts >= ${opts.activeSince}
    order by s.last_ts desc, s.id
    limit ${opts.limit}`;
  return rows.map((r) => ({ sensor_id: r.id, last_reading_at: r.last_ts.toISOString(), recent_anomalies: Number(r.recent_anomalies) }));
}
