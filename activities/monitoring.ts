import type postgres from 'postgres';
import { listActiveSensors as listActive, listOfflineSensors, type ActiveSensor } from '../db/activeSensors';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

export interface ListActiveSensorsInput {
  /** A sensor is active when it reported within this many hours. */
  activeWithinHours: number;
  /** Anomalies counted per sensor over this many minutes (the burst window). */
  anomalyWindowMinutes: number;
  /** At most this many sensors, most recently active first. */
  maxSensors: number;
}

/**
 * The sensor-monitoring flow's view of the fleet: which sensors are active and how many anomalies
 * each had lately. Read-only, so retries need no idempotency key.
 */
export function createMonitoringActivities(deps: { sql: postgres.Sql }) {
  return withDomainFailures({
    async listActiveSensors(
      input: ListActiveSensorsInput,
    ): Promise<{ sensors: ActiveSensor[]; offline: { sensor_id: string; offline_since: string }[]; as_of: string }> {
      const bad = (['activeWithinHours', 'anomalyWindowMinutes', 'maxSensors'] as const).filter(
        (k) => !Number.isFinite(input[k]) || input[k] <= 0,
      );
      if (bad.length) throw new InvalidInput([], `${bad.join(', ')} must be positive numbers`);
      const now = new Date();
      const sensors = await listActive(
        {
          activeSince: new Date(now.getTime() - input.activeWithinHours * 3_600_000),
          anomaliesSince: new Date(now.getTime() - input.anomalyWindowMinutes * 60_000),
          limit: Math.floor(input.maxSensors),
        },
        deps.sql,
      );
      // Reported apart, not checked: their source said they are gone (no drift, no burst to find).
      const offline = await listOfflineSensors(
        { activeSince: new Date(now.getTime() - input.activeWithinHours * 3_600_000), limit: Math.floor(input.maxSensors) },
        deps.sql,
      );
      return { sensors, offline, as_of: now.toISOString() };
    },
  });
}
