import { MockActivityEnvironment } from '@temporalio/testing';
import type postgres from 'postgres';
import { createShadowEvaluationActivities } from '../activities/shadowEvaluation';
import type { ScoreShadowPageResult } from '../workflows/activityContracts';
import type { BenchSection } from './benchSection';
import { BENCH_KEY } from './stack';

const MODEL = 'ai4i_classifier_randomforest_baseline';
const RECORDS = 20_000;
// A past day nothing else writes into, one stored prediction a few seconds apart.
const FROM = '2020-03-01T00:00:00.000Z';
const TO = '2020-03-02T00:00:00.000Z';

/** 20,000 stored classifier predictions with varied features, every seventh flagged. */
export async function seedShadowHistory(sql: postgres.Sql): Promise<void> {
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from predictions where created_at >= ${FROM} and created_at < ${TO}`;
  if (n >= RECORDS) return;
  await sql`
    insert into predictions (model, version, stage, sensor_id, features, probability, prediction, created_at)
    select ${MODEL}, '1.0.0', 'Production', 'bench-shadow',
      jsonb_build_object('Air_temperature_K', 298 + (i % 5), 'Process_temperature_K', 308.5 + (i % 4),
                         'Rotational_speed_rpm', 1300 + (i % 400), 'Torque_Nm', 30 + (i % 40), 'Tool_wear_min', i % 240, 'Type', 'L'),
      0.5, (i % 7 = 0)::int, ${FROM}::timestamptz + i * interval '4 seconds'
    from generate_series(1, ${RECORDS}) i`;
}

/** Records re-scored per second by one activity call in this process (read, score, tally, heartbeat). */
export async function shadowActivityThroughput(sql: postgres.Sql): Promise<{ records: number; seconds: number; per_s: number }> {
  const activities = createShadowEvaluationActivities({ sql });
  const input = { candidateName: 'ai4i_classifier_gbm', candidateVersion: '1.0.0', from: FROM, to: TO, after: null, maxRecords: RECORDS };
  // Warm: sessions, JIT, the query plan.
  await new MockActivityEnvironment().run(activities.scoreShadowPage, { ...input, maxRecords: 1000 });
  const t0 = performance.now();
  const result = (await new MockActivityEnvironment().run(activities.scoreShadowPage, input)) as ScoreShadowPageResult;
  const seconds = (performance.now() - t0) / 1000;
  return { records: result.tally.records, seconds: Math.round(seconds * 100) / 100, per_s: Math.round(result.tally.records / seconds) };
}

/** The same through the running stack: started by the API, run by the worker, report stored. */
async function shadowWorkflowThroughput(baseUrl: string): Promise<{ records: number; seconds: number; per_s: number }> {
  const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/ml/models/ai4i_classifier_gbm/versions/1.0.0/shadow-evaluations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ from: FROM, to: TO }),
  });
  if (res.status !== 202) throw new Error(`shadow start ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const { workflow_id } = (await res.json()) as { workflow_id: string };
  for (;;) {
    const doc = (await (await fetch(`${baseUrl}/api/v1/workflows/${workflow_id}`, { headers })).json()) as {
      status: string;
      progress?: { records?: number };
      result?: { records?: number };
    };
    if (doc.status === 'completed') {
      const seconds = (performance.now() - t0) / 1000;
      const records = doc.result?.records ?? doc.progress?.records ?? 0;
      return { records, seconds: Math.round(seconds * 100) / 100, per_s: Math.round(records / seconds) };
    }
    if (doc.status !== 'running') throw new Error(`shadow workflow ended ${doc.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Shadow evaluation: stored records re-scored per second, in one activity call and end to end through the workflow. */
export const shadowEvaluationSection: BenchSection = {
  name: 'shadow',
  async run(stack) {
    await seedShadowHistory(stack.sql);
    const activity = await shadowActivityThroughput(stack.sql);
    const workflow = await shadowWorkflowThroughput(stack.baseUrl);
    return {
      json: { activity, workflow },
      rows: [
        [
          'shadow evaluation, records re-scored (20,000 stored predictions)',
          `${workflow.per_s} records/s end to end (${workflow.seconds} s: API → workflow → report)`,
          `${activity.per_s} records/s in one activity call (read, ONNX batch of 500, tally, heartbeat)`,
        ],
      ],
    };
  },
};
