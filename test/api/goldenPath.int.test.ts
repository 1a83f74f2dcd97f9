import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoldenPathStack, waitForRun } from '../support/goldenPathRuns';
import type { TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  ({ stack, key } = await startGoldenPathStack(['workflows:write', 'workflows:read', 'decisions:write']));
});
afterAll(() => stack.close());

const waitFor = (correlationId: string, wanted: string[]) => waitForRun(stack, key, correlationId, wanted);

describe('Golden Path on the dev server with the real agents', () => {
  it('runs all seven stages, waits for the REST decision, and leaves consistent rows behind', async () => {
    const start = await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 40, scenario: 'drift' } });
    expect(start.status).toBe(202);
    const started = await start.json();
    expect(started).toMatchObject({
      workflow_id: `golden-path-${started.correlation_id}`,
      events_url: `/api/v1/workflows/golden-path-${started.correlation_id}/events`,
    });
    expect(started.temporal_url).toContain(encodeURIComponent(started.workflow_id));

    const waiting = await waitFor(started.correlation_id, ['waiting_for_decision', 'completed', 'failed']);
    expect(waiting.status, JSON.stringify(waiting.stages)).toBe('waiting_for_decision');
    expect(waiting.stages.slice(0, 6).map((s: { status: string }) => s.status)).toEqual([
      'complete',
      'complete',
      'complete',
      'complete',
      'complete',
      'complete',
    ]);
    expect(waiting.prediction.probability).toBeGreaterThanOrEqual(0.5);

    const decided = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: {
        request_id: waiting.decision_request_id,
        decision: 'approved',
        operator_id: 'eva.santos',
        justification: 'torque creep confirmed on the spindle',
      },
    });
    expect(decided.status).toBe(201);
    expect(await decided.json()).toMatchObject({ decision: 'approved', operator_id: 'eva.santos', source: 'update' });
    const again = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: { request_id: waiting.decision_request_id, decision: 'rejected', operator_id: 'bo', justification: 'second opinion' },
    });
    expect(again.status).toBe(409);

    const done = await waitFor(started.correlation_id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.stages.every((s: { status: string }) => s.status === 'complete')).toBe(true);

    const wf = started.workflow_id;
    const [order] = await stack.sql`select id, status, technician_id, window_start from maintenance_orders where workflow_id = ${wf}`;
    expect(order).toMatchObject({ status: 'scheduled', technician_id: expect.any(String) });
    const bookings = await stack.sql`select status from technician_bookings where order_id = ${order!.id}`;
    expect(bookings.map((b) => b.status)).toEqual(['firm']);
    const decisions = await stack.sql`select decision, operator_id from human_decisions where workflow_id = ${wf}`;
    expect(decisions).toEqual([{ decision: 'approved', operator_id: 'eva.santos' }]);
    const notifications = await stack.sql`select status from notifications where workflow_id = ${wf}`;
    expect(notifications.length).toBeGreaterThanOrEqual(1);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
    const [report] = await stack.sql`select id, report_type, body from reports where workflow_id = ${wf}`;
    expect(report).toMatchObject({ id: done.report_id, report_type: 'workflow_run' });
    expect(report!.body.summary).toMatchObject({ readings: 40, order_status: 'scheduled' });
    const knowledge = await stack.sql`select decision from knowledge where workflow_id = ${wf}`;
    expect(knowledge).toEqual([{ decision: 'approved' }]);
    const drift = await stack.sql`select drift_detected from drift_checks where workflow_id = ${wf}`;
    expect(drift).toEqual([{ drift_detected: true }]);
    const [{ n }] = await stack.sql`select count(*)::int as n from sensor_readings where correlation_id = ${started.correlation_id}`;
    expect(n).toBe(40);
  });

  it('skips maintenance for a healthy machine', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 30, scenario: 'normal' } })
    ).json();
    const done = await waitFor(started.correlation_id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.stages.slice(5).map((s: { status: string }) => s.status)).toEqual(['skipped', 'skipped']);
    expect(done.prediction.probability).toBeLessThan(0.2);
  });

  it('flags the injected spikes of the anomaly scenario and completes with an automatic decision', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', {
        method: 'POST',
        key,
        // Seed 6 puts its four spikes where the detector, at any hour of the week, flags each of
        // them and nothing else (an unseeded run's spikes can sit side by side, and the second of
        // two adjacent spikes is no longer novel).
        json: { sensor_events: 40, scenario: 'anomaly', auto_decision: 'rejected', seed: 6 },
      })
    ).json();
    const done = await waitFor(started.correlation_id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const anomalies = await stack.sql`
      select (r.metadata->>'index')::int as index, r.metadata->>'injected' as injected
      from anomalies a join sensor_readings r on r.id = a.reading_id and r.ts = a.ts
      where a.workflow_id = ${started.workflow_id} order by a.ts`;
    expect(anomalies).toEqual([10, 15, 25, 30].map((index) => ({ index, injected: 'spike' })));
    // The default demo scenario is meant to end at a human decision: a worn tool under spikes.
    expect(done.maintenance_order_id, `p=${done.prediction?.probability}`).toBeTruthy();
    expect(done.decision).toMatchObject({ decision: 'rejected', source: 'auto' });
    const [order] = await stack.sql`select status from maintenance_orders where id = ${done.maintenance_order_id}`;
    expect(order!.status).toBe('rejected');
    const live = await stack.sql`select 1 from technician_bookings where order_id = ${done.maintenance_order_id} and status <> 'released'`;
    expect(live).toHaveLength(0);
  });

  it('shows the first of two identical runs as a similar past case of the second', async () => {
    const run = async () => {
      const started = await (
        await stack.request('/api/v1/demo/golden-path', {
          method: 'POST',
          key,
          json: { sensor_events: 20, scenario: 'anomaly', auto_decision: 'approved', seed: 2 },
        })
      ).json();
      return waitFor(started.correlation_id, ['completed', 'failed']);
    };
    const first = await run();
    expect(first.status).toBe('completed');
    const second = await run();
    expect(second.status).toBe('completed');
    // Each run writes to a sensor of its own, so the match has to come from the first run's
    // machine condition, not from its sensor id.
    expect(second.sensor_id).not.toBe(first.sensor_id);
    // The same seed wrote the same values to both sensors.
    const values = (run: { correlation_id: string }) =>
      stack.sql`select value from sensor_readings where correlation_id = ${run.correlation_id} order by ts`.then((rows) =>
        rows.map((r) => r.value),
      );
    expect(await values(second)).toEqual(await values(first));
    const [firstCase] = await stack.sql`select id from knowledge where workflow_id = ${first.workflow_id}`;
    const found = second.similar_cases.find((c: { id: string }) => c.id === firstCase!.id);
    expect(found, JSON.stringify(second.similar_cases)).toBeDefined();
    expect(found.similarity).toBeGreaterThan(0.5);
  });

  it('lists a waiting run in the pending decisions with what is being approved, and drops it once decided', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 20, scenario: 'anomaly', seed: 2 } })
    ).json();
    const waiting = await waitFor(started.correlation_id, ['waiting_for_decision', 'completed', 'failed']);
    expect(waiting.status).toBe('waiting_for_decision');
    const readings = await (
      await stack.request(`/api/v1/demo/golden-path/readings/${started.correlation_id}?sensor_id=${waiting.sensor_id}`, { key })
    ).json();
    // The run's own readings only (not the machine history seeded before them), in time order, anomalies marked.
    expect(readings).toHaveLength(20);
    expect(readings.map((r: { ts: string }) => r.ts)).toEqual(readings.map((r: { ts: string }) => r.ts).sort());
    const [{ n }] = await stack.sql`select count(*)::int as n from anomalies where workflow_id = ${started.workflow_id}`;
    expect(readings.filter((r: { anomaly: boolean }) => r.anomaly)).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
    const pending = await (await stack.request('/api/v1/decisions/pending', { key })).json();
    const mine = pending.find((p: { request_id: string }) => p.request_id === waiting.decision_request_id);
    expect(mine).toMatchObject({
      workflow_id: started.workflow_id,
      correlation_id: started.correlation_id,
      deadline: waiting.decision_deadline,
      order: { id: waiting.maintenance_order_id, sensor_id: waiting.sensor_id, status: 'awaiting_approval' },
    });
    expect(mine.threshold).toBeGreaterThan(0);
    expect(mine.drift).toBeNull();
    expect(mine.order.failure_probability).toBeCloseTo(waiting.prediction.probability, 6);
    expect(mine.order.technician_name).toEqual(expect.any(String));
    expect(mine.similar_cases.map((c: { id: string }) => c.id)).toEqual(waiting.similar_cases.map((c: { id: string }) => c.id));

    const decided = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: { request_id: waiting.decision_request_id, decision: 'rejected', operator_id: 'eva.santos', justification: 'not needed' },
    });
    expect(decided.status).toBe(201);
    const after = await (await stack.request('/api/v1/decisions/pending', { key })).json();
    expect(after.map((p: { request_id: string }) => p.request_id)).not.toContain(waiting.decision_request_id);
  });

  it('streams progress as Server-Sent Events until the run closes', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 10, scenario: 'normal' } })
    ).json();
    const res = await stack.request(started.events_url, { key });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => /event: (\w+)/.exec(block)?.[1]);
    expect(events[0]).toBe('progress');
    expect(events.at(-1)).toBe('end');
    const last = JSON.parse(/data: (.*)/.exec(text.split('\n\n').filter(Boolean).at(-1)!)![1]!);
    expect(last.status).toBe('completed');
  });

  it('lists the runs by type and sensor, and exports a replayable history', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 5, scenario: 'normal' } })
    ).json();
    await waitFor(started.correlation_id, ['completed', 'failed']);
    const list = await (await stack.request(`/api/v1/workflows?type=goldenPath&sensor_id=${started.sensor_id}`, { key })).json();
    expect(list.items.map((i: { workflow_id: string }) => i.workflow_id)).toContain(started.workflow_id);
    const history = await (await stack.request(`/api/v1/workflows/${started.workflow_id}/history`, { key })).json();
    expect(history.events[0].eventType).toMatch(/WORKFLOW_EXECUTION_STARTED|WorkflowExecutionStarted/);
  });
});
