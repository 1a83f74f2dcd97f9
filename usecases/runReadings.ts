import type postgres from 'postgres';
import { listRunReadings } from '../db/runReadings';

export interface RunReading {
  ts: string;
  value: number;
  unit: string | null;
  quarantined: boolean;
  anomaly: boolean;
}

/** The readings of one Golden Path run, for the live chart (a run writes at most a few hundred). */
export async function runReadings(sql: postgres.Sql, sensorId: string, correlationId: string): Promise<RunReading[]> {
  const rows = await listRunReadings({ sensorId, correlationId, limit: 1000 }, sql);
  return rows.map((r) => ({ ...r, ts: r.ts.toISOString() }));
}
