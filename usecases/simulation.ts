import type postgres from 'postgres';
import { insertReadings } from '../db/readings';
import type { NewReading } from '../domain/reading';
import { generateScenario, seedFrom, type Scenario, type ScenarioOptions } from '../domain/scenarios';

/**
 * Generates a scenario for a sensor and ingests it in one transaction, so the simulation console
 * produces real rows that drift checks, anomaly detection and reports then read.
 */
export async function simulateScenario(
  sql: postgres.Sql,
  input: { sensorId: string; scenario: Scenario; correlationId: string; intervalSeconds: number; options: Omit<ScenarioOptions, 'seed'> },
) {
  const end = new Date();
  const readings = generateScenario(input.scenario, { ...input.options, seed: seedFrom(input.correlationId) });
  const rows: NewReading[] = readings.map((r) => ({
    sensorId: input.sensorId,
    ts: new Date(end.getTime() - r.minutesBeforeEnd * input.intervalSeconds * 1000),
    value: r.value,
    unit: 'Nm',
    quality: r.quality,
    sensorType: 'torque',
    metadata: { simulated: input.scenario, injected: r.injected },
    correlationId: input.correlationId,
    idempotencyKey: `sim:${input.correlationId}:${r.index}`,
  }));
  const result = await insertReadings(rows, sql, undefined, 'count');
  return {
    status: 'success',
    scenario: input.scenario,
    sensor_id: input.sensorId,
    readings_ingested: result.insertedCount,
    injected: readings.filter((r) => r.injected === 'spike' || r.injected === 'drift').length,
    first_timestamp: rows[0]!.ts.toISOString(),
    last_timestamp: rows[rows.length - 1]!.ts.toISOString(),
    correlation_id: input.correlationId,
  };
}
