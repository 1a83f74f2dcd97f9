import { getSql, type Sql } from './sql';

export interface ActiveSensor {
  sensor_id: string;
  last_reading_at: string;
  /** Anomalies whose reading falls inside the burst window. */
  recent_anomalies: number;
}

/**
 * A sensor is offline when its source announced its death (Sparkplug NDEATH/DDEATH marks it stale
 * in connector_sensor_state) and no reading came after: its silence is known, not a flat line,
 * and its last window (the readings up to the death) is no evidence of drift.
 */
const offline = (sql: Sql) => sql`
  exists (select 1 from connector_sensor_state cs where cs.sensor_id = s.id and cs.stale and cs.changed_at >= s.last_ts)`;

/**
 * Sensors that reported since `activeSince` and are not offline, most recently active first, each
 * with its count of anomalous readings since `anomaliesSince`. Reads the sensor registry's
 * `last_ts` (kept by ingestion) rather than scanning readings, so a monitoring run stays cheap
 * with many sensors.
 */
export async function listActiveSensors(
  opts: { activeSince: Date; anomaliesSince: Date; limit: number },
  sql: Sql = getSql(),
): Promise<ActiveSensor[]> {
  const rows = await sql<{ id: string; last_ts: Date; recent_anomalies: bigint }[]>`
    select s.id, s.last_ts,
           (select count(*) from anomalies a where a.sensor_id = s.id and a.ts >= ${opts.anomaliesSince}) as recent_anomalies
    from sensors s
    where s.last_ts >= ${opts.activeSince} and not ${offline(sql)}
    order by s.last_ts desc, s.id
    limit ${opts.limit}`;
  return rows.map((r) => ({ sensor_id: r.id, last_reading_at: r.last_ts.toISOString(), recent_anomalies: Number(r.recent_anomalies) }));
}

/** Sensors that reported since `activeSince` and went offline since (see `offline`), with when. */
export async function listOfflineSensors(
  opts: { activeSince: Date; limit: number },
  sql: Sql = getSql(),
): Promise<{ sensor_id: string; offline_since: string }[]> {
  const rows = await sql<{ id: string; offline_since: Date }[]>`
    select s.id, (select min(cs.changed_at) from connector_sensor_state cs where cs.sensor_id = s.id and cs.stale) as offline_since
    from sensors s
    where s.last_ts >= ${opts.activeSince} and ${offline(sql)}
    order by s.id
    limit ${opts.limit}`;
  return rows.map((r) => ({ sensor_id: r.id, offline_since: r.offline_since.toISOString() }));
}
