import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLearningActivities, featureVector, similarity } from '../../activities/learning';
import { createSql } from '../../db/sql';

let sql: postgres.Sql;
let agent: ReturnType<typeof createLearningActivities>;

beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
  agent = createLearningActivities({ sql });
});
afterAll(() => sql.end({ timeout: 2 }));

const ai4i = (over: Record<string, number | string> = {}) => ({
  Air_temperature_K: 302.0052,
  Process_temperature_K: 311.4888,
  Rotational_speed_rpm: 1359.7447,
  Torque_Nm: 60.0,
  Tool_wear_min: 235.2472,
  Type: 'L',
  ...over,
});

describe('featureVector', () => {
  it('z-scores AI4I features with the training-split statistics, sorted by name, ignoring non-numeric ones', () => {
    const { space, vector } = featureVector(ai4i());
    expect(space).toBe('Air_temperature_K,Process_temperature_K,Rotational_speed_rpm,Tool_wear_min,Torque_Nm');
    expect(vector[0]).toBeCloseTo(1, 4);
    expect(vector[1]).toBeCloseTo(1, 4);
    expect(vector[2]).toBeCloseTo(-1, 4);
    expect(vector[3]).toBeCloseTo(2, 4);
    expect(vector[4]).toBeCloseTo((60 - 40.0614) / 9.9614, 6);
  });

  it('compresses other numeric features with a signed log', () => {
    expect(featureVector({ std: Math.E - 1, mean: -(Math.E ** 2 - 1) }).vector).toEqual([-2, 1].map((x) => expect.closeTo(x, 10)));
  });
});

describe('similarity', () => {
  it('is 1 for identical vectors and 1/(1+rms distance) otherwise', () => {
    expect(similarity([1, 2], [1, 2])).toBe(1);
    expect(similarity([0, 0, 0, 0], [2, 0, 0, 0])).toBeCloseTo(0.5, 10);
    expect(similarity([1], [1, 2])).toBe(0);
  });
});

describe('LearningAgent', () => {
  it('answers an empty list when no past case exists, never an invented one', async () => {
    expect(await agent.findSimilarCases({ features: ai4i(), sensorId: `s-${randomUUID()}` })).toEqual([]);
  });

  it('stores an outcome with its standardised vector, once per dedup key', async () => {
    const sensorId = `s-${randomUUID().slice(0, 8)}`;
    const input = {
      kind: 'decision',
      sensorId,
      features: ai4i(),
      prediction: { probability: 0.93, model: 'ai4i_classifier_randomforest_baseline' },
      decision: 'approved',
      outcome: 'bearing replaced',
      summary: 'High torque and tool wear; order approved and completed',
      dedupKey: `k-${randomUUID()}`,
      workflowId: 'maintenance-x-1',
    };
    const entry = await agent.recordOutcome(input);
    expect(entry).toMatchObject({ kind: 'decision', sensor_id: sensorId, decision: 'approved', outcome: 'bearing replaced' });
    expect(entry.vector.map((x) => Math.round(x * 1000) / 1000)).toEqual([1, 1, -1, 2, 2.002]);
    expect(entry.features.Type).toBe('L');
    const again = await agent.recordOutcome({ ...input, summary: 'a retry' });
    expect(again.id).toBe(entry.id);
    expect(again.summary).toBe(input.summary);
  });

  it('ranks past cases of the same sensor by feature similarity, most similar first', async () => {
    const sensorId = `s-${randomUUID().slice(0, 8)}`;
    const record = (features: Record<string, number | string>, decision: string) =>
      agent.recordOutcome({ kind: 'decision', sensorId, features, decision, summary: decision, dedupKey: `k-${randomUUID()}` });
    const same = await record(ai4i(), 'approved');
    const oneSpreadOff = await record(ai4i({ Torque_Nm: 60 + 9.9614 }), 'escalated');
    const far = await record(ai4i({ Torque_Nm: 20, Tool_wear_min: 10 }), 'rejected');
    await agent.recordOutcome({ kind: 'decision', sensorId, features: { mean: 1 }, summary: 'other space', dedupKey: `k-${randomUUID()}` });

    const cases = await agent.findSimilarCases({ features: ai4i(), sensorId, limit: 2 });
    expect(cases.map((c) => [c.id, c.decision])).toEqual([
      [same.id, 'approved'],
      [oneSpreadOff.id, 'escalated'],
    ]);
    expect(cases[0]!.similarity).toBe(1);
    // One feature off by one spread: rms distance sqrt(1/5).
    expect(cases[1]!.similarity).toBeCloseTo(1 / (1 + Math.sqrt(1 / 5)), 3);
    const all = await agent.findSimilarCases({ features: ai4i(), sensorId, limit: 10 });
    expect(all.map((c) => c.id)).toEqual([same.id, oneSpreadOff.id, far.id]);
  });

  it('refuses features without any finite number as non-retryable', async () => {
    const error = await agent.findSimilarCases({ features: { Type: 'L' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).nonRetryable).toBe(true);
    const infinite = await agent.findSimilarCases({ features: { Torque_Nm: Infinity } }).catch((e: unknown) => e);
    expect((infinite as ApplicationFailure).nonRetryable).toBe(true);
  });
});
