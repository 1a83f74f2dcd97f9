import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createShadowEvaluationActivities } from '../../activities/shadowEvaluation';
import { modelsDir } from '../../config';
import { ManifestModelRegistry, predictFailureBatch, type FailureFeatures } from '../../models';
import type { ScoreShadowPageResult } from '../../workflows/activityContracts';
import type { ShadowEvaluationInput, ShadowEvaluationProgress } from '../../workflows/shadowEvaluation';
import { maybeRecordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';

const PRODUCTION = 'ai4i_classifier_randomforest_baseline';
const WORSE = '1.0.1-worse';
// A period nobody else writes into: the evaluation sees exactly the seeded history.
const FROM = '2026-01-05T00:00:00.000Z';
const TO = '2026-01-06T00:00:00.000Z';

let stack: TestStack;
let tmp: string;
let registry: ManifestModelRegistry;

/**
 * The registry plus a deliberately worse candidate: production's own artifact behind a threshold
 * of 0.999, so it raises (almost) no orders and misses the failures people confirmed.
 */
function registryWithWorseCandidate(): ManifestModelRegistry {
  tmp = mkdtempSync(path.join(tmpdir(), 'shadow-registry-'));
  const manifest = JSON.parse(readFileSync(path.join(modelsDir(), 'registry.json'), 'utf8'));
  // Artifact paths are relative to the manifest's directory: point them back at the real ones.
  for (const m of Object.values(manifest.models) as { versions: { artifact: string }[] }[]) {
    for (const v of m.versions) v.artifact = path.resolve(modelsDir(), v.artifact);
  }
  const model = manifest.models[PRODUCTION];
  const prod = model.versions.find((v: { stage: string }) => v.stage === 'Production');
  model.versions.push({
    ...prod,
    version: WORSE,
    stage: 'None',
    threshold: 0.999,
    created_at: '2026-01-01T00:00:00Z',
  });
  writeFileSync(path.join(tmp, 'registry.json'), JSON.stringify(manifest));
  return new ManifestModelRegistry({ modelsDir: tmp });
}

const failing: FailureFeatures = {
  Air_temperature_K: 302,
  Process_temperature_K: 311.2,
  Rotational_speed_rpm: 1300,
  Torque_Nm: 65,
  Tool_wear_min: 230,
  Type: 'L',
};
const healthy: FailureFeatures = {
  Air_temperature_K: 298.1,
  Process_temperature_K: 308.6,
  Rotational_speed_rpm: 1550,
  Torque_Nm: 40,
  Tool_wear_min: 20,
  Type: 'M',
};

/** 8 risky cases production flagged (6 approved by people, 2 rejected) and 12 healthy ones, stored as production scored them. */
async function seedHistory(): Promise<void> {
  const rows = [...Array.from({ length: 8 }, () => failing), ...Array.from({ length: 12 }, () => healthy)];
  const scored = await predictFailureBatch(rows, { modelName: PRODUCTION });
  expect(scored.predictions.slice(0, 8)).toEqual(Array(8).fill(1));
  expect(scored.predictions.slice(8)).toEqual(Array(12).fill(0));
  for (const [i, features] of rows.entries()) {
    const at = new Date(Date.parse(FROM) + i * 60_000);
    const [p] = await stack.sql`
      insert into predictions (model, version, stage, sensor_id, features, probability, prediction, created_at)
      values (${PRODUCTION}, '1.0.0', 'Production', 'shadow-press', ${stack.sql.json(features)}, ${scored.probabilities[i]!}, ${scored.predictions[i]!}, ${at})
      returning id`;
    if (i >= 8) continue;
    const [o] = await stack.sql`
      insert into maintenance_orders (sensor_id, prediction_id, status, priority, required_skill, duration_minutes, created_at)
      values ('shadow-press', ${p!.id}, ${i < 6 ? 'approved' : 'rejected'}, 'high', 'mechanical', 60, ${at})
      returning id`;
    await stack.sql`
      insert into human_decisions (request_id, decision, operator_id, justification, order_id, created_at)
      values (${`dr-shadow-${i}`}, ${i < 6 ? 'approved' : 'rejected'}, 'eva', 'seeded history', ${o!.id}, ${at})`;
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  registry = registryWithWorseCandidate();
  await seedHistory();
});
afterAll(async () => {
  await stack?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function runShadow(version: string, recordsPerCall: number): Promise<{ result: ShadowEvaluationProgress; workflowId: string }> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const taskQueue = `shadow-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createShadowEvaluationActivities({ sql: stack.sql, registry }),
  });
  const workflowId = `shadow-test-${randomUUID()}`;
  const input: ShadowEvaluationInput = {
    candidateName: PRODUCTION,
    candidateVersion: version,
    from: FROM,
    to: TO,
    costs: { missed_failure: 20_000, extra_order: 1_500 },
    recordsPerCall,
  };
  try {
    const result = await worker.runUntil(async () => {
      const handle = await stack.temporal.client.workflow.start('shadowEvaluation', { taskQueue, workflowId, args: [input] });
      const done = (await handle.result()) as ShadowEvaluationProgress;
      if (version === WORSE) await maybeRecordHistory(handle, 'shadowEvaluation-completed');
      return done;
    });
    return { result, workflowId };
  } finally {
    await connection.close();
  }
}

describe('shadowEvaluation on seeded history', () => {
  it('shows a deliberately worse candidate losing against production, with the figures it used, in a stored report', async () => {
    // Seven records per call: the 20 records take three calls, so the cursor is carried between pages.
    const { result, workflowId } = await runShadow(WORSE, 7);
    expect(result.status).toBe('completed');
    expect(result.records).toBe(20);
    // Production: 2 orders people rejected (2 × 1 500). Candidate: the 6 confirmed failures missed (6 × 20 000).
    expect(result.verdict).toEqual({ agreement: 12 / 20, production_cost: 3_000, candidate_cost: 120_000, winner: 'production' });

    const [report] = await stack.sql`
      select report_type, parameters, body, csv_artifact, length(pdf_artifact) as pdf_bytes, workflow_id from reports where id = ${result.report_id}`;
    expect(report).toMatchObject({ report_type: 'shadow_evaluation', workflow_id: workflowId });
    expect(report!.parameters).toMatchObject({ model: PRODUCTION, version: WORSE, costs: { missed_failure: 20_000, extra_order: 1_500 } });
    expect(report!.body.summary).toMatchObject({
      records_rescored: 20,
      changed_cases: 8,
      flipped_to_healthy: 8,
      human_approved: 6,
      human_rejected: 2,
      cost_per_missed_failure: 20_000,
      cost_per_extra_order: 1_500,
      winner: 'production',
      production_versions: `${PRODUCTION}@1.0.0`,
    });
    const costs = report!.body.tables[0];
    expect(costs.rows).toEqual([
      ['production', 6, 0, 2, 0, 3_000],
      ['candidate', 2, 6, 0, 0, 120_000],
    ]);
    expect(report!.body.tables[1].rows).toHaveLength(8);
    expect(report!.csv_artifact).toContain('candidate,2,6,0,0,120000');
    expect(report!.pdf_bytes).toBeGreaterThan(1000);
  });

  it('finds production agreeing with itself: no changed case, no extra cost', async () => {
    const { result } = await runShadow('1.0.0', 5000);
    expect(result.verdict).toEqual({ agreement: 1, production_cost: 3_000, candidate_cost: 3_000, winner: 'tie' });
    // The version's shadow reports list it, for the promotion gate and the Model Metadata page.
    const key = await stack.key(['ml:predict']);
    const listed = await (await stack.request(`/api/v1/ml/models/${PRODUCTION}/versions/1.0.0/shadow-reports`, { key })).json();
    expect(listed.map((r: { id: string }) => r.id)).toContain(result.report_id);
    expect(listed.find((r: { id: string }) => r.id === result.report_id).summary).toMatchObject({ winner: 'tie', records_rescored: 20 });
  });

  it('heartbeats its cursor and tally after every chunk, and a retried call resumes from the last heartbeat', async () => {
    const activities = createShadowEvaluationActivities({ sql: stack.sql, registry, chunkSize: 5 });
    const input = { candidateName: PRODUCTION, candidateVersion: WORSE, from: FROM, to: TO, after: null, maxRecords: 5000 };
    const beats: { cursor: unknown; tally: { records: number }; versions: string[] }[] = [];
    const first = new MockActivityEnvironment();
    first.on('heartbeat', (d) => beats.push(structuredClone(d)));
    const full = (await first.run(activities.scoreShadowPage, input)) as ScoreShadowPageResult;
    expect(full.tally.records).toBe(20);
    expect(beats.map((b) => b.tally.records)).toEqual([5, 10, 15, 20]);
    // A retry after the second heartbeat: its marked tally shows the call continued from it (10 rows left), not from the start.
    const beat = { ...beats[1]!, tally: { ...beats[1]!.tally, records: 1000 } };
    const resumed = (await new MockActivityEnvironment({ heartbeatDetails: beat }).run(
      activities.scoreShadowPage,
      input,
    )) as ScoreShadowPageResult;
    expect(resumed.tally.records).toBe(1010);
    expect(resumed.done).toBe(true);
  });

  it('refuses an unknown version (404) and a period that ends before it starts (422)', async () => {
    const key = await stack.key(['workflows:write']);
    const missing = await stack.request(`/api/v1/ml/models/${PRODUCTION}/versions/9.9.9/shadow-evaluations`, {
      method: 'POST',
      key,
      json: {},
    });
    expect(missing.status).toBe(404);
    const backwards = await stack.request(`/api/v1/ml/models/cmapss_rul_regressor/versions/1.0.0/shadow-evaluations`, {
      method: 'POST',
      key,
      json: { from: TO, to: FROM },
    });
    expect(backwards.status).toBe(422);
  });
});
