import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMonitoringSchedule, monitoringScheduleId } from '../../temporal/schedules';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'workflows:write', 'workflows:read', 'ml:predict', 'reports:generate']);
  await stack.startWorker();
});
afterAll(() => stack.close());

async function json(path: string, init: Parameters<TestStack['request']>[1] = {}) {
  const res = await stack.request(path, { key, ...init });
  return { status: res.status, body: await res.json() };
}

/** Polls until `done` holds for the answer, or fails with the last answer. */
async function until<T>(get: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const closed = (id: string) =>
  until(
    () => json(`/api/v1/workflows/${id}`),
    (r) => r.status === 200 && r.body.status !== 'running',
    `workflow ${id}`,
  ).then((r) => r.body);

describe('sensor monitoring on the dev server with the real agents', () => {
  const sensorId = `mon-${randomUUID().slice(0, 8)}`;

  it('opens an incident for a drifting sensor that notifies with its workflow id, and not a second one in the same hour', async () => {
    const sim = await json('/api/v1/simulate/drift-event', {
      method: 'POST',
      json: { sensor_id: sensorId, num_samples: 120, drift_magnitude: 15 },
    });
    expect(sim.status).toBe(200);

    const startedAt = Date.now();
    const started = await json('/api/v1/monitoring/run', { method: 'POST', json: {} });
    expect(started.status).toBe(202);
    expect(started.body.workflow_id).toMatch(/^monitoring-manual-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    const run = await closed(started.body.workflow_id);
    expect(run.status).toBe('completed');
    const check = run.result.checks.find((c: { sensor_id: string }) => c.sensor_id === sensorId);
    expect(check).toMatchObject({ drift: 'ok', drift_detected: true, incident: 'opened' });
    expect(check.p_value).toBeLessThan(0.05);
    // The hour the run started in (or the next, should it have crossed one).
    const hours = [startedAt, Date.now()].map((t) => new Date(t).toISOString().slice(0, 13).replace(/[-T]/g, ''));
    expect(hours.map((h) => `incident-${sensorId}-${h}`)).toContain(check.incident_id);

    const incident = await closed(check.incident_id);
    expect(incident.status).toBe('completed');
    expect(incident.result).toMatchObject({
      status: 'notified',
      sensor_id: sensorId,
      reasons: ['drift'],
      monitoring_workflow_id: started.body.workflow_id,
    });

    const notifications = await stack.sql<{ channel: string; status: string; subject: string; body: Record<string, unknown> }[]>`
      select channel, status, subject, body from notifications where workflow_id = ${check.incident_id}`;
    expect(notifications.length).toBeGreaterThanOrEqual(1);
    expect(notifications[0]!.subject).toBe(`Incident on ${sensorId}: distribution drift`);
    expect(notifications[0]!.body).toMatchObject({
      sensor_id: sensorId,
      reasons: ['drift'],
      monitoring_workflow_id: started.body.workflow_id,
    });
    const events = await stack.sql<
      { type: string; payload: Record<string, unknown> }[]
    >`select type, payload from events where workflow_id = ${check.incident_id}`;
    expect(events.map((e) => e.type)).toEqual(['incident.opened']);
    // The incident is on the one alarm list too, with its own lifecycle.
    expect(incident.result.alarm_id).toEqual(expect.any(String));
    const [alarm] = await stack.sql`select source, kind, state, dedup_key from alarms where id = ${incident.result.alarm_id}`;
    expect(alarm).toMatchObject({ source: 'monitoring', kind: 'drift', state: 'open', dedup_key: `incident:${check.incident_id}` });
    expect((await stack.temporal.client.workflow.getHandle(`alarm-${incident.result.alarm_id}`).describe()).type).toBe('alarmLifecycle');
    const [drift] = await stack.sql<{ drift_detected: boolean; recent_count: number }[]>`
      select drift_detected, recent_count from drift_checks where workflow_id = ${started.body.workflow_id} and sensor_id = ${sensorId}`;
    expect(drift).toMatchObject({ drift_detected: true });

    const listed = await until(
      () => json(`/api/v1/workflows?type=sensorIncident&sensor_id=${sensorId}`),
      (r) => r.status === 200 && r.body.items.length > 0,
      'incident in the visibility store',
    );
    expect(listed.body.items.map((w: { workflow_id: string }) => w.workflow_id)).toEqual([check.incident_id]);

    const again = await closed((await json('/api/v1/monitoring/run', { method: 'POST', json: {} })).body.workflow_id);
    expect(again.result.checks.find((c: { sensor_id: string }) => c.sensor_id === sensorId)).toMatchObject({
      incident: 'existing',
      incident_id: check.incident_id,
    });
    const [{ count }] = await stack.sql<
      { count: bigint }[]
    >`select count(*) from events where type = 'incident.opened' and workflow_id = ${check.incident_id}`;
    expect(Number(count)).toBe(1);
  });

  it('rejects monitoring settings out of range and keys without the scope', async () => {
    expect((await json('/api/v1/monitoring/run', { method: 'POST', json: { burst_threshold: 0 } })).status).toBe(422);
    expect((await json('/api/v1/monitoring/run', { method: 'POST', json: { sensors: ['x'] } })).status).toBe(422);
    const readOnly = await stack.key(['workflows:read']);
    expect((await stack.request('/api/v1/monitoring/run', { method: 'POST', key: readOnly, json: {} })).status).toBe(403);
  });

  it('describes the 15-minute schedule once a worker has ensured it, keeping an operator pause on update', async () => {
    expect((await json('/api/v1/monitoring/schedule')).status).toBe(404);
    const client = stack.temporal.client;
    expect(await ensureMonitoringSchedule(client, stack.temporal.taskQueue)).toEqual({
      scheduleId: monitoringScheduleId(stack.temporal.taskQueue),
      created: true,
    });
    try {
      const described = await json('/api/v1/monitoring/schedule');
      expect(described.status).toBe(200);
      expect(described.body).toMatchObject({
        schedule_id: `sensor-monitoring-${stack.temporal.taskQueue}`,
        interval_seconds: [900],
        paused: false,
      });
      const next = described.body.next_action_times.map((t: string) => Date.parse(t));
      expect(next.length).toBeGreaterThanOrEqual(2);
      expect(next.every((t: number) => t % 900_000 === 0 && t > Date.now() - 1000)).toBe(true);
      expect(next[1] - next[0]).toBe(900_000);

      await client.schedule.getHandle(monitoringScheduleId(stack.temporal.taskQueue)).pause('maintenance window');
      expect(await ensureMonitoringSchedule(client, stack.temporal.taskQueue)).toMatchObject({ created: false });
      expect((await json('/api/v1/monitoring/schedule')).body).toMatchObject({
        paused: true,
        note: 'maintenance window',
        interval_seconds: [900],
      });
    } finally {
      await client.schedule.getHandle(monitoringScheduleId(stack.temporal.taskQueue)).delete();
    }
  });
});

describe('background explanations on the dev server', () => {
  const features = {
    Air_temperature_K: 301.2,
    Process_temperature_K: 310.5,
    Rotational_speed_rpm: 1310,
    Torque_Nm: 62,
    Tool_wear_min: 215,
    Type: 'M',
  };

  it('attaches exact Shapley values to a stored prediction; they add up to prediction minus base value', async () => {
    const correlationId = randomUUID();
    const predicted = await json('/api/v1/ml/predict', {
      method: 'POST',
      headers: { 'X-Correlation-ID': correlationId },
      json: { features },
    });
    expect(predicted.status).toBe(200);
    expect(predicted.body.explanation).toBeUndefined();
    const listed = await until(
      () => json(`/api/v1/ml/predictions?correlation_id=${correlationId}`),
      (r) => r.body.length === 1,
      'stored prediction',
    );
    const id = listed.body[0].id as string;
    expect((await json(`/api/v1/ml/predictions/${id}`)).body).toMatchObject({ id, explanation: null, explanation_status: 'not_requested' });

    const started = await json(`/api/v1/ml/predictions/${id}/explain`, { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ workflow_id: `explain-${id}`, prediction_url: `/api/v1/ml/predictions/${id}` });
    const ready = await until(
      () => json(`/api/v1/ml/predictions/${id}`),
      (r) => r.body.explanation_status !== 'pending' && r.body.explanation_status !== 'not_requested',
      'explanation',
    );
    expect(ready.body.explanation_status).toBe('ready');
    const e = ready.body.explanation;
    const sum = Object.values(e.values as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(e.prediction - e.base_value, 9);
    expect(e.prediction).toBeCloseTo(predicted.body.probability, 6);
    expect(Object.keys(e.values).sort()).toEqual([
      'Air_temperature_K',
      'Process_temperature_K',
      'Rotational_speed_rpm',
      'Tool_wear_min',
      'Torque_Nm',
      'Type',
    ]);

    // Asking again computes nothing and leaves the stored explanation as it was. The first run is
    // let close first: the explanation is stored before its workflow completes, and a request while
    // it still runs joins that run (whose result is the computation).
    expect((await closed(`explain-${id}`)).result).toMatchObject({ status: 'completed', computed: true });
    await json(`/api/v1/ml/predictions/${id}/explain`, { method: 'POST' });
    const second = await closed(`explain-${id}`);
    expect(second.result).toMatchObject({ status: 'completed', computed: false });
    expect((await json(`/api/v1/ml/predictions/${id}`)).body.explanation).toEqual(e);
  });

  it('answers 404 for a prediction that does not exist, and 422 for an id that is not a UUID', async () => {
    expect((await json(`/api/v1/ml/predictions/${randomUUID()}/explain`, { method: 'POST' })).status).toBe(404);
    expect((await json(`/api/v1/ml/predictions/${randomUUID()}`)).status).toBe(404);
    expect((await json('/api/v1/ml/predictions/not-a-uuid')).status).toBe(422);
  });
});

describe('report generation as a workflow on the dev server', () => {
  it('stores a report with CSV and PDF artifacts and returns their links', async () => {
    const started = await json('/api/v1/workflows/reportGeneration', { method: 'POST', json: { report_type: 'system_health' } });
    expect(started.status).toBe(202);
    const { from, to, workflow_id } = started.body;
    expect(Date.parse(to) - Date.parse(from)).toBe(24 * 3_600_000);
    expect(workflow_id).toBe(`report-system_health-${from}-${to}`);

    const done = await closed(workflow_id);
    expect(done.status).toBe('completed');
    const reportId = done.result.report_id as string;
    expect(done.result).toMatchObject({ status: 'completed', report_type: 'system_health', from, to });
    expect(done.result.artifacts).toEqual({
      json: `/api/v1/reports/${reportId}`,
      csv: `/api/v1/reports/${reportId}/artifact.csv`,
      pdf: `/api/v1/reports/${reportId}/artifact.pdf`,
    });

    const report = await json(done.result.artifacts.json);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ id: reportId, report_type: 'system_health', workflow_id, parameters: { from, to } });
    const csv = await stack.request(done.result.artifacts.csv, { key });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).length).toBeGreaterThan(20);
    const pdf = Buffer.from(await (await stack.request(done.result.artifacts.pdf, { key })).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a reversed period and needs the reports scope as well', async () => {
    const reversed = await json('/api/v1/workflows/reportGeneration', {
      method: 'POST',
      json: { report_type: 'anomaly_summary', from: '2025-05-02T00:00:00Z', to: '2025-05-01T00:00:00Z' },
    });
    expect(reversed.status).toBe(422);
    const workflowsOnly = await stack.key(['workflows:write']);
    expect(
      (
        await stack.request('/api/v1/workflows/reportGeneration', {
          method: 'POST',
          key: workflowsOnly,
          json: { report_type: 'system_health' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('OpenAPI for the new flows', () => {
  it('documents the monitoring, prediction and report-workflow routes with their scopes and bodies', async () => {
    const doc = await (await stack.request('/openapi.json')).json();
    expect(doc.paths['/api/v1/monitoring/run'].post['x-required-scopes']).toEqual(['workflows:write']);
    expect(Object.keys(doc.paths['/api/v1/monitoring/run'].post.requestBody.content['application/json'].schema.properties)).toContain(
      'burst_threshold',
    );
    expect(doc.paths['/api/v1/monitoring/schedule'].get['x-required-scopes']).toEqual(['workflows:read']);
    expect(doc.paths['/api/v1/ml/predictions/{id}/explain'].post['x-required-scopes']).toEqual(['ml:predict']);
    expect(doc.paths['/api/v1/ml/predictions/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    const report = doc.paths['/api/v1/workflows/reportGeneration'].post;
    expect(report['x-required-scopes']).toEqual(['workflows:write', 'reports:generate']);
    expect(report.requestBody.content['application/json'].schema.properties.report_type.enum).toContain('system_health');
  });
});
