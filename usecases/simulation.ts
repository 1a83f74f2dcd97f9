import type postgres from 'postgres';
import { insertReadings } from '../db/readings';
import { InvalidInput } from '../domain/errors';
import type { NewReading } from '../domain/reading';
import { scenarioReadingRow } from '../domain/readingRow';
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
  const rows: NewReading[] = readings.map((r) => {
    const ts = new Date(end.getTime() - r.minutesBeforeEnd * input.intervalSeconds * 1000);
    // The mapping every ingest path shares; the readings end now, so the skew allowance is moot.
    const verdict = scenarioReadingRow(
      { sensorId: input.sensorId, ts, value: r.value, quality: r.quality },
      {
        now: end,
        maxFutureSkewSeconds: 0,
        idempotencyKey: `sim:${input.correlationId}:${r.index}`,
        correlationId: input.correlationId,
        metadata: { simulated: input.scenario, injected: r.injected },
      },
    );
    if (!verdict.ok) throw new InvalidInput(verdict.errors);
    return verdict.row;
  });
  const result = await insertReadings(rows, sql, undefined, 'count');
  return {
    status: 'success',
    // The original system's fields: every generated reading is ingested, so events_generated
    // counts the rows that landed (a replayed X-Correlation-ID lands none twice).
    message: `${result.insertedCount} ${input.scenario} readings ingested for sensor ${input.sensorId}`,
    simulation_id: `sim-${input.correlationId}`,
    events_generated: result.insertedCount,
    scenario: input.scenario,
    sensor_id: input.sensorId,
    readings_ingested: result.insertedCount,
    injected: readings.filter((r) => r.injected === 'spike' || r.injected === 'drift').length,
    first_timestamp: rows[0]!.ts.toISOString(),
    last_timestamp: rows[rows.length - 1]!.ts.toISOString(),
    correlation_id: input.correlationId,
  };
}
