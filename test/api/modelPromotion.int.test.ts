import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { recordedProductionVersions } from '../../db/modelStages';
import { defaultModelRegistry, useRecordedProductionVersions } from '../../models';
import { maybeRecordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';

const MODEL = 'ai4i_classifier_randomforest_baseline';
const CANDIDATE = '1.1.0';
let stack: TestStack;
let tmp: string;
let engineer: string;
let reader: string;

/**
 * A registry with a second version of the production classifier (its own artifact again), so a
 * promotion has something to displace and a rollback something to return to. Set before the
 * process's registry is first built.
 */
function useRegistryWithCandidate(): void {
  tmp = mkdtempSync(path.join(tmpdir(), 'promotion-registry-'));
  const real = path.join(projectRoot, 'models');
  const manifest = JSON.parse(readFileSync(path.join(real, 'registry.json'), 'utf8'));
  for (const m of Object.values(manifest.models) as { versions: { artifact: string; card: string }[] }[]) {
    for (const v of m.versions) Object.assign(v, { artifact: path.join(real, v.artifact), card: path.join(real, v.card) });
  }
  const versions = manifest.models[MODEL].versions;
  versions.push({ ...versions[0], version: CANDIDATE, stage: 'Staging', created_at: '2026-11-01T00:00:00Z' });
  writeFileSync(path.join(tmp, 'registry.json'), JSON.stringify(manifest));
  process.env.MODELS_DIR = tmp;
}

async function seedShadowReport(ageHours: number): Promise<string> {
  const [r] = await stack.sql`
    insert into reports (report_type, parameters, body, created_at)
    values ('shadow_evaluation', ${stack.sql.json({ model: MODEL, version: CANDIDATE })},
            ${stack.sql.json({ title: 'seeded', period: { from: '', to: '' }, summary: { winner: 'candidate' }, charts: [], tables: [] })},
            now() - make_interval(hours => ${ageHours}))
    returning id`;
  return r!.id;
}

const post = (p: string, key: string, json: unknown) => stack.request(p, { method: 'POST', key, json });
const overview = async () => (await stack.request(`/api/v1/ml/models/${MODEL}/promotions`, { key: reader })).json();

beforeAll(async () => {
  useRegistryWithCandidate();
  stack = await startTestStack();
  expect((await defaultModelRegistry().listVersions(MODEL)).map((v) => v.version)).toContain(CANDIDATE);
  await stack.startWorker();
  engineer = await stack.key(['models:promote', 'ml:predict']);
  reader = await stack.key(['ml:predict']);
});
afterAll(async () => {
  await stack?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('gated promotion', () => {
  const promote = (key = engineer) =>
    post(`/api/v1/ml/models/${MODEL}/versions/${CANDIDATE}/promotions`, key, { justification: 'beats production on last month' });

  it('refuses a promotion without a fresh shadow report (409 with the reason), and a caller without models:promote (403)', async () => {
    expect((await promote(reader)).status).toBe(403);
    const none = await promote();
    expect(none.status).toBe(409);
    expect(await none.json()).toMatchObject({ code: 'no_fresh_shadow_report', detail: expect.stringContaining('has no shadow report') });
    const oldId = await seedShadowReport(200);
    const stale = await promote();
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.detail).toContain(`(${oldId},`);
    expect(body.detail).toContain('older than 168 h');
    expect((await overview()).pending).toBeNull();
  });

  it('waits for an engineer, records who promoted what on which evidence, and rolls back in one audited call', async () => {
    const evidence = await seedShadowReport(1);
    const started = await promote();
    expect(started.status).toBe(202);
    const { request_id, evidence_report_id } = await started.json();
    expect(evidence_report_id).toBe(evidence);

    let view = await overview();
    for (let i = 0; !view.pending && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await overview();
    }
    expect(view.pending).toMatchObject({ id: request_id, version: CANDIDATE, status: 'open', evidence_report_id: evidence });
    expect(view.production_version).toBe('1.0.0');
    // A second request while one is pending is refused.
    expect((await promote()).status).toBe(409);

    const decided = await post(`/api/v1/ml/promotions/${request_id}/decision`, engineer, {
      decision: 'approved',
      justification: 'shadow report reviewed',
    });
    expect(decided.status).toBe(200);
    const outcome = await decided.json();
    expect(outcome).toMatchObject({ status: 'approved', decided_by: { kind: 'api_key', key_name: 'test-models:promote+ml:predict' } });
    const again = await post(`/api/v1/ml/promotions/${request_id}/decision`, engineer, { decision: 'rejected', justification: 'too late' });
    expect(again.status).toBe(409);

    await maybeRecordHistory(stack.temporal.client.workflow.getHandle(request_id), 'modelPromotion-approved');
    view = await overview();
    expect(view.production_version).toBe(CANDIDATE);
    // The registry serves what was recorded: "auto" now resolves to the promoted version.
    useRecordedProductionVersions(() => recordedProductionVersions(stack.sql));
    expect((await defaultModelRegistry().resolve(MODEL)).version).toBe(CANDIDATE);
    expect(view.pending).toBeNull();
    expect(view.history[0]).toMatchObject({
      id: outcome.stage_change_id,
      version: CANDIDATE,
      action: 'promote',
      from_stage: 'Staging',
      to_stage: 'Production',
      replaced_version: '1.0.0',
      evidence_report_id: evidence,
      justification: 'shadow report reviewed',
      by: { kind: 'api_key', key_name: 'test-models:promote+ml:predict' },
    });

    expect((await post(`/api/v1/ml/models/${MODEL}/rollback`, reader, { justification: 'x'.repeat(5) })).status).toBe(403);
    const rolled = await post(`/api/v1/ml/models/${MODEL}/rollback`, engineer, { justification: 'alarm storm after promotion' });
    expect(rolled.status).toBe(201);
    expect(await rolled.json()).toMatchObject({
      action: 'rollback',
      version: '1.0.0',
      replaced_version: CANDIDATE,
      to_stage: 'Production',
    });
    view = await overview();
    expect(view.production_version).toBe('1.0.0');
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['rollback', 'promote']);
    // The audit rows cannot be edited.
    await expect(stack.sql`update model_stage_changes set justification = 'edited'`).rejects.toThrow(/append-only/);
  });
});
