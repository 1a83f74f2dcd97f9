import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createShadowEvaluationActivities } from '../../activities/shadowEvaluation';
import { rulAccuracy } from '../../domain/rulShadow';
import { verdict } from '../../domain/shadowEvaluation';
import type { ManifestModelRegistry } from '../../models';
import { evaluateAsset } from '../../usecases/assetHealth';
import { createAsset } from '../../usecases/assets';
import { ensureRoleSensors, writeEngineCycles } from '../../usecases/assetRun';
import type { ScoreShadowPageInput, ScoreShadowPageResult } from '../../workflows/activityContracts';
import type { ShadowEvaluationInput, ShadowEvaluationProgress } from '../../workflows/shadowEvaluation';
import { registryWithConstantRulCandidate } from '../support/constantRulModel';
import { maybeRecordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';

const MODEL = 'cmapss_rul_regressor';
const WORSE = '1.0.1-constant';
// A period nobody else writes into: the shadow sees exactly the two seeded engines.
const FROM = '2018-06-01T00:00:00.000Z';
const TO = '2018-06-15T00:00:00.000Z';
const HOUR = 3_600_000;
const COSTS = { missed_failure: 20_000, extra_order: 1_500 };

let stack: TestStack;
let registry: ManifestModelRegistry;
let dir: string;
const suffix = randomUUID().slice(0, 8);
// Engine 1 of FD001 runs to its failure at cycle 192; engine 2 (287 cycles) is seen only to cycle 100.
const toFailure = `rul-shadow-a-${suffix}`;
const young = `rul-shadow-b-${suffix}`;

/**
 * Writes an engine's cycles an hour apart and lets production evaluate the asset as the cycles
 * arrive (at `checkpoints`), exactly as the live evaluator records them: the history the shadow re-runs.
 */
async function seedEngine(assetId: string, unit: number, checkpoints: number[]): Promise<number> {
  const lastCycle = checkpoints[checkpoints.length - 1]!;
  const anchor = new Date(Date.parse(FROM) + lastCycle * HOUR);
  const cycleAt = (c: number) => new Date(anchor.getTime() - (lastCycle - c) * HOUR);
  await createAsset({ id: assetId, name: `Engine ${unit}`, type_id: 'turbofan', site: null, criticality: 5, metadata: {} }, stack.sql);
  await ensureRoleSensors(assetId, stack.sql, cycleAt(0), cycleAt(0));
  let written = 0;
  for (const c of checkpoints) {
    await writeEngineCycles(
      { assetId, unit, fromCycle: written + 1, toCycle: c, anchor, lastCycle, cycleSeconds: 3600, runId: 'seed' },
      stack.sql,
    );
    written = c;
    const e = await evaluateAsset(assetId, stack.sql, { now: cycleAt(c), dedupKey: null });
    expect(e.status).toBe('ok');
  }
  return checkpoints.length;
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

let evaluations = 0;
beforeAll(async () => {
  stack = await startTestStack();
  ({ registry, dir } = registryWithConstantRulCandidate(WORSE, 100));
  evaluations += await seedEngine(toFailure, 1, [...range(100, 188, 4), 192]);
  evaluations += await seedEngine(young, 2, range(60, 100, 10));
}, 120_000);
afterAll(async () => {
  await stack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pageInput = (version: string): ScoreShadowPageInput => ({
  candidateName: MODEL,
  candidateVersion: version,
  from: FROM,
  to: TO,
  after: null,
  maxRecords: 5000,
});

async function runShadow(version: string): Promise<ShadowEvaluationProgress> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const taskQueue = `rul-shadow-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createShadowEvaluationActivities({ sql: stack.sql, registry }),
  });
  const input: ShadowEvaluationInput = { candidateName: MODEL, candidateVersion: version, from: FROM, to: TO, costs: COSTS };
  try {
    return await worker.runUntil(async () => {
      const handle = await stack.temporal.client.workflow.start('shadowEvaluation', {
        taskQueue,
        workflowId: `rul-shadow-test-${randomUUID()}`,
        args: [input],
      });
      const done = (await handle.result()) as ShadowEvaluationProgress;
      await maybeRecordHistory(handle, 'shadowEvaluation-rul-completed');
      return done;
    });
  } finally {
    await connection.close();
  }
}

describe('shadowEvaluation of the RUL regressor on seeded engine histories', () => {
  it('re-runs production on the causal windows and reproduces every recorded RUL: a tie with itself', async () => {
    const page = (await new MockActivityEnvironment().run(
      createShadowEvaluationActivities({ sql: stack.sql, registry }).scoreShadowPage,
      pageInput('1.0.0'),
    )) as ScoreShadowPageResult;
    const rul = page.tally.rul!;
    expect(page.tally.records).toBe(evaluations);
    expect(page.tally.unusable).toBe(0);
    // Windows rebuilt with readings written after an evaluation would answer differently.
    expect(rul.abs_shift).toBeLessThan(1e-6);
    expect(rul.with_truth).toBe(evaluations);
    expect(rulAccuracy(rul, 'candidate')).toEqual(rulAccuracy(rul, 'production'));
    // Production caught engine 1 before its failure and stayed silent on the young engine 2.
    expect(page.tally.production).toEqual({ missed_failures: 0, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 2 });
    expect(rul.decisions).toMatchObject({ same: 1, neither: 1, earlier: 0, later: 0 });
    expect(verdict(page.tally, COSTS)).toMatchObject({ agreement: 1, winner: 'tie', production_cost: 0, candidate_cost: 0 });
    expect(page.productionVersions).toEqual([`${MODEL}@1.0.0`]);
  });

  it('shows a constant-output candidate losing: worse accuracy, the failure missed, priced in a stored report', async () => {
    const result = await runShadow(WORSE);
    expect(result.status).toBe('completed');
    expect(result.records).toBe(evaluations);
    expect(result.verdict).toMatchObject({ production_cost: 0, candidate_cost: COSTS.missed_failure, winner: 'production' });

    const [report] = await stack.sql`
      select parameters, body, csv_artifact, length(pdf_artifact) as pdf_bytes from reports where id = ${result.report_id}`;
    expect(report!.parameters).toMatchObject({ model: MODEL, version: WORSE, winner: 'production' });
    const s = report!.body.summary;
    expect(s).toMatchObject({
      evaluations_with_truth: evaluations,
      orders_only_production: 1,
      orders_started_earlier: 0,
      winner: 'production',
    });
    expect(s.candidate_mae).toBeGreaterThan(s.production_mae + 10);
    expect(s.candidate_rmse).toBeGreaterThan(s.production_rmse);
    expect(s.candidate_nasa_score).toBeGreaterThan(s.production_nasa_score);
    expect(s.production_interval_coverage_percent).toBeGreaterThan(s.candidate_interval_coverage_percent);
    const [costs, accuracy, decisions] = report!.body.tables;
    expect(costs.rows).toEqual([
      ['production', 2, 0, 0, 0, 0],
      ['candidate', 1, 1, 0, 0, 20_000],
    ]);
    expect(accuracy.columns).toEqual(['side', 'evaluations', 'mae', 'rmse', 'nasa_score', 'interval_coverage']);
    expect(decisions.rows).toHaveLength(1);
    expect(decisions.rows[0]).toMatchObject([toFailure, 'only_production', expect.any(String), null, expect.any(Number), null, 0, 20_000]);
    // Production's first order came while the engine still had life left, inside the horizon's reach (30 × 1.5).
    expect(decisions.rows[0][4]).toBeGreaterThan(0);
    expect(decisions.rows[0][4]).toBeLessThanOrEqual(45);
    expect(report!.csv_artifact).toContain('only_production');
    expect(report!.pdf_bytes).toBeGreaterThan(1000);
  });

  it('heartbeats after every asset, and a retried call resumes after the last heartbeat', async () => {
    const activities = createShadowEvaluationActivities({ sql: stack.sql, registry });
    const beats: { cursor: { id: string }; tally: { records: number } }[] = [];
    const first = new MockActivityEnvironment();
    first.on('heartbeat', (d) => beats.push(structuredClone(d)));
    const full = (await first.run(activities.scoreShadowPage, pageInput(WORSE))) as ScoreShadowPageResult;
    expect(full.done).toBe(true);
    expect(beats.map((b) => b.cursor.id)).toEqual([toFailure, young]);
    // Marked tally: the retry continued from the first asset's heartbeat, replaying only the second.
    const beat = { ...beats[0]!, tally: { ...beats[0]!.tally, records: 1000 } };
    const resumed = (await new MockActivityEnvironment({ heartbeatDetails: beat }).run(
      activities.scoreShadowPage,
      pageInput(WORSE),
    )) as ScoreShadowPageResult;
    expect(resumed.tally.records).toBe(1000 + 5);
  });
});
