import { getSql, type Sql } from './sql';

export interface RunReadingRow {
  ts: Date;
  value: number;
  unit: string | null;
  quarantined: boolean;
  anomaly: boolean;
}

/**
 * The readings one run wrote to its sensor, oldest first, each marked when it was quarantined or
 * flagged as an anomaly. Looked up through the sensor's (sensor_id, ts) index, then narrowed to
 * the run by correlation id (the sensor may also hold machine history seeded before the run).
 */
export async function listRunReadings(
  f: { sensorId: string; correlationId: string; limit: number },
  sql: Sql = getSql(),
): Promise<RunReadingRow[]> {
  return sql<RunReadingRow[]>`
    select r.ts, r.value, r.unit, r.quarantine_reason is not null as quarantined,
           exists (select 1 from anomalies a where a.reading_id = r.id and a.ts = r.ts) as anomaly
    from sensor_readings r
    where r.sensor_id = ${f.sensorId} and r.correlation_id = ${f.correlationId}
    order by r.ts, r.id
    limit ${f.limit}`;
}
