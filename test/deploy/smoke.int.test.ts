import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import { runSmoke } from '../../scripts/smoke';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let adminKey: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  adminKey = await stack.key(['admin']);
  await stack.startWorker();
});
afterAll(() => stack.close());

const STEPS = [
  'health',
  'ingest',
  'ingest_replay',
  'read_back',
  'predict',
  'golden_path_start',
  'golden_path_waiting_for_decision',
  'decision_submit',
  'golden_path_completed',
  'metrics',
];

describe('runSmoke against the stack the tests start', () => {
  it('passes every step within 60 s and leaves exactly the rows it claims', async () => {
    const started = Date.now();
    const summary = await runSmoke({ baseUrl: stack.baseUrl, apiKey: adminKey });
    const elapsed = Date.now() - started;

    expect(
      summary.steps.filter((s) => !s.ok),
      JSON.stringify(summary, null, 2),
    ).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(summary.base_url).toBe(stack.baseUrl);
    expect(summary.steps.map((s) => s.name)).toEqual(STEPS);
    expect(elapsed).toBeLessThan(60_000);
    for (const s of summary.steps) expect(s.latency_ms).toBeGreaterThanOrEqual(0);
    expect(summary.steps.find((s) => s.name === 'ingest')!.status).toBe(200);
    expect(summary.steps.find((s) => s.name === 'decision_submit')!.status).toBe(201);

    // The ingest went in once although it was sent twice with one Idempotency-Key.
    const sensorId = /for (smoke-[0-9a-f]{8})/.exec(summary.steps.find((s) => s.name === 'ingest')!.detail)![1]!;
    const [{ n }] = await stack.sql`select count(*)::int as n from sensor_readings where sensor_id = ${sensorId}`;
    expect(n).toBe(1);

    // The Golden Path stopped for the smoke's decision, a rejection recorded once: the order books no technician.
    const correlationId = /correlation ([0-9a-f-]{36})/.exec(summary.steps.find((s) => s.name === 'golden_path_start')!.detail)![1]!;
    const decisions =
      await stack.sql`select decision, operator_id from human_decisions where workflow_id = ${`golden-path-${correlationId}`}`;
    expect(decisions).toEqual([{ decision: 'rejected', operator_id: 'smoke' }]);
    const orders = await stack.sql`select status from maintenance_orders where workflow_id = ${`golden-path-${correlationId}`}`;
    expect(orders).toEqual([{ status: 'rejected' }]);
  });

  it('fails the summary and names the refused steps when the key lacks their scopes', async () => {
    const readOnly = await stack.key(['data:read']);
    const summary = await runSmoke({ baseUrl: stack.baseUrl, apiKey: readOnly, goldenPathTimeoutMs: 2000 });
    const byName = Object.fromEntries(summary.steps.map((s) => [s.name, s]));
    expect(summary.ok).toBe(false);
    expect(byName.health).toMatchObject({ ok: true, status: 200 });
    expect(byName.ingest).toMatchObject({ ok: false, status: 403 });
    expect(byName.read_back).toMatchObject({ ok: false, status: null, detail: 'skipped: ingest failed' });
    expect(byName.predict).toMatchObject({ ok: false, status: 403 });
    expect(byName.golden_path_start).toMatchObject({ ok: false, status: 403 });
    // The API's metrics are admin-only on the public port since the security issue (#22).
    expect(byName.metrics).toMatchObject({ ok: false, status: 403 });
  });
});
