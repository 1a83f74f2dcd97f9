import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANOMALY_PRODUCTION } from '../../activities/anomalyShadow';
import { createShadowEvaluationActivities } from '../../activities/shadowEvaluation';
import { modelsDir } from '../../config';
import { verdict } from '../../domain/shadowEvaluation';
import { ManifestModelRegistry } from '../../models';
import type { ScoreShadowPageInput, ScoreShadowPageResult } from '../../workflows/activityContracts';
import { startTestStack, type TestStack } from '../support/stack';

const DETECTOR = 'sensor_anomaly_isolation_forest';
const WORSE = '1.0.1-worse';
// A period nobody else writes into: the replay sees exactly the seeded sensor.
const FROM = '2019-03-03T00:00:00.000Z';
const TO = '2019-03-04T00:00:00.000Z';
const MIN = 60_000;
const at = (minute: number) => new Date(Date.parse(FROM) + minute * MIN);

let stack: TestStack;
let tmp: string;
let registry: ManifestModelRegistry;
const sensorId = `shadow-anomaly-${randomUUID().slice(0, 8)}`;
const realAlarm = randomUUID();
const falseAlarm = randomUUID();

/** The registry plus a deliberately worse detector: production's forest behind a threshold of 0.999 (it flags nothing). */
function registryWithWorseDetector(): ManifestModelRegistry {
  tmp = mkdtempSync(path.join(tmpdir(), 'anomaly-shadow-registry-'));
  const manifest = JSON.parse(readFileSync(path.join(modelsDir(), 'registry.json'), 'utf8'));
  for (const m of Object.values(manifest.models) as { versions: { artifact: string }[] }[]) {
    for (const v of m.versions) v.artifact = path.resolve(modelsDir(), v.artifact);
  }
  const model = manifest.models[DETECTOR];
  const prod = model.versions.find((v: { stage: string }) => v.stage === 'Production');
  model.versions.push({ ...prod, version: WORSE, stage: 'None', threshold: 0.999, created_at: '2026-01-01T00:00:00Z' });
  writeFileSync(path.join(tmp, 'registry.json'), JSON.stringify(manifest));
  return new ManifestModelRegistry({ modelsDir: tmp });
}

/** 300 steady readings with a burst at minutes 200–204, and production's two alarms: the burst (converted), a false one. */
async function seed(): Promise<void> {
  await stack.sql`insert into sensors (id, type, unit) values (${sensorId}, 'torque', 'Nm')`;
  const rows = Array.from({ length: 300 }, (_, i) => ({
    sensor_id: sensorId,
    ts: at(i),
    value: i >= 200 && i < 205 ? 150 : 40 + 1.5 * Math.sin(i / 3) + 0.5 * Math.cos(i * 1.7),
    quality: 0.99,
    sensor_type: 'torque',
  }));
  await stack.sql`insert into sensor_readings ${stack.sql(rows)}`;
  const alarm = (id: string, start: number, end: number, extra: { maintenance_workflow_id: string | null; resolution_cause: string }) =>
    stack.sql`
      insert into alarms (id, sensor_id, source, kind, severity, state, start_ts, end_ts, last_anomalous_ts, peak_score,
        resolved_by, resolved_at, resolution_cause, maintenance_workflow_id, dedup_key)
      values (${id}, ${sensorId}, 'streaming', 'anomaly', 'high', 'resolved', ${at(start)}, ${at(end)}, ${at(end)}, 0.9,
        'eva', now(), ${extra.resolution_cause}, ${extra.maintenance_workflow_id}, ${`test:${id}`})`;
  await alarm(realAlarm, 200, 204, { maintenance_workflow_id: `maintenance-${sensorId}-x`, resolution_cause: 'converted' });
  await alarm(falseAlarm, 100, 101, { maintenance_workflow_id: null, resolution_cause: 'false alarm: probe knocked' });
}

beforeAll(async () => {
  stack = await startTestStack();
  registry = registryWithWorseDetector();
  await seed();
});
afterAll(async () => {
  await stack?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function replay(version: string): Promise<ScoreShadowPageResult> {
  const activities = createShadowEvaluationActivities({ sql: stack.sql, registry });
  const input: ScoreShadowPageInput = {
    candidateName: DETECTOR,
    candidateVersion: version,
    from: FROM,
    to: TO,
    after: null,
    maxRecords: 5000,
  };
  return (await new MockActivityEnvironment().run(activities.scoreShadowPage, input)) as ScoreShadowPageResult;
}

describe('shadow evaluation of the anomaly detector', () => {
  it('replays the period’s readings and sets its alarms against production’s and against how people resolved them', async () => {
    const page = await replay('1.0.0');
    expect(page.done).toBe(true);
    expect(page.cursor).toEqual({ at: FROM, id: sensorId });
    expect(page.productionVersions).toEqual([ANOMALY_PRODUCTION]);
    expect(page.tally.judged).toEqual({ approved: 1, rejected: 1 });
    const byId = new Map(page.tally.changed.map((c) => [c.id, c]));
    // The burst is one production confirmed: the candidate raises it too (so it is no changed case).
    expect(byId.has(realAlarm)).toBe(false);
    expect(page.tally.candidate.missed_failures).toBe(0);
    expect(page.tally.production).toMatchObject({ agreed_with_humans: 1, extra_orders: 1, missed_failures: 0 });
  });

  it('shows a deliberately worse detector losing: it misses the alarm people converted into maintenance', async () => {
    const page = await replay(WORSE);
    expect(page.tally.records).toBe(2);
    expect(page.tally.flipped_to_healthy).toBe(2);
    expect(page.tally.candidate).toMatchObject({ missed_failures: 1, agreed_with_humans: 1, extra_orders: 0 });
    const v = verdict(page.tally, { missed_failure: 20_000, extra_order: 1_500 });
    expect(v).toMatchObject({ production_cost: 1_500, candidate_cost: 20_000, winner: 'production' });
  });
});
