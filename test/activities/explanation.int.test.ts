import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExplanationActivities } from '../../activities/explanation';
import { getPrediction } from '../../db/predictionExplanations';
import { recordPrediction } from '../../db/predictions';
import { createSql } from '../../db/sql';
import { predictFailure } from '../../models';

let sql: postgres.Sql;
let agent: ReturnType<typeof createExplanationActivities>;

beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
  agent = createExplanationActivities({ sql });
});
afterAll(() => sql.end({ timeout: 2 }));

const features = {
  Air_temperature_K: 302.4,
  Process_temperature_K: 311.1,
  Rotational_speed_rpm: 1290,
  Torque_Nm: 66,
  Tool_wear_min: 228,
  Type: 'L' as const,
};

async function storedPrediction(f: Record<string, unknown>, model = { name: 'ai4i_classifier_randomforest_baseline', version: '1.0.0' }) {
  return recordPrediction(
    {
      model: model.name,
      version: model.version,
      stage: null,
      sensorId: 'press-9',
      features: f,
      probability: 0.5,
      prediction: 1,
      explanation: null,
      latencyMs: 1,
      workflowId: null,
      correlationId: null,
      dedupKey: `explain-test:${randomUUID()}`,
    },
    sql,
  );
}

describe('explainStoredPrediction', () => {
  it('attaches exact Shapley values of the model version that predicted, once', async () => {
    const real = await predictFailure(features);
    const id = await storedPrediction(features, { name: real.model.name, version: real.model.version });
    const first = await agent.explainStoredPrediction({ predictionId: id });
    expect(first).toMatchObject({ prediction_id: id, sensor_id: 'press-9', computed: true });
    const e = first.explanation;
    expect(e.prediction).toBeCloseTo(real.probability, 6);
    expect(Object.values(e.values).reduce((a, b) => a + b, 0)).toBeCloseTo(e.prediction - e.base_value, 9);
    expect((await getPrediction(id, sql))!.explanation).toEqual(e);

    const second = await agent.explainStoredPrediction({ predictionId: id });
    expect(second.computed).toBe(false);
    expect(second.explanation).toEqual(e);
  });

  it('fails without retry for an unknown prediction, stored features the model refuses, and a model that is not registered', async () => {
    const cases = [
      [randomUUID(), 'NotFound'],
      [await storedPrediction({ ...features, Torque_Nm: undefined, TWF: 1 }), 'InvalidInput'],
      [await storedPrediction(features, { name: 'no_such_model', version: '1.0.0' }), 'ModelNotFound'],
    ] as const;
    for (const [predictionId, type] of cases) {
      const err = await agent.explainStoredPrediction({ predictionId }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplicationFailure);
      expect(err).toMatchObject({ type, nonRetryable: true });
    }
  });
});
