/**
 * What the API reads about sensors and their readings. Plain queries today, re-exported so that
 * routes depend on the use-case layer and a rule added here (tenancy, masking) reaches every caller.
 */
export { listReadings } from '../db/readings';
import { setSensorArchived } from '../db/sensors';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';

export { listSensors } from '../db/sensors';
export { sensorHistory, sensorWindow } from '../db/quality';

/** Hides a sensor from the lists, or shows it again; its data stays either way. NotFound for an unknown sensor. */
export async function archiveSensor(sql: Sql, sensorId: string, archived: boolean, now: Date): Promise<{ archived_at: Date | null }> {
  const row = await setSensorArchived(sensorId, archived ? now : null, sql);
  if (!row) throw new NotFound(`No sensor ${sensorId}`);
  return row;
}
