import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['data:ingest', 'data:read', 'decisions:write', 'workflows:write', 'workflows:read']);
  await stack.startWorker();
});
afterAll(() => stack.close());

const MIN = 60_000;

interface Node {
  id: string;
  kind: string;
  ref: string;
  workflow_id: string | null;
  history_event: { workflow_id: string; event_id: number; event_type: string; name: string } | null;
  record: Record<string, unknown>;
}
interface Graph {
  subject: { kind: string; id: string; node_id: string };
  nodes: Node[];
  edges: { from: string; to: string; relation: string }[];
  workflows: { workflow_id: string; type: string | null; history_available: boolean }[];
}

async function json(path: string, init: Parameters<TestStack['request']>[1] = {}) {
  const res = await stack.request(path, { key, ...init });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

async function until<T>(get: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get().catch(() => undefined as T);
    if (v !== undefined && done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('lineage of an alarm', () => {
  it('links the readings of its span, the detector, the alarm, its lifecycle and timeline, and the order it was converted into', async () => {
    const sensorId = `lin-${randomUUID().slice(0, 8)}`;
    const endMs = Date.now();
    const healthy = generateScenario('normal', { count: 320, seed: seedFrom(`lineage:${sensorId}`) }).map((r, i) => ({
      sensor_id: sensorId,
      sensor_type: 'torque',
      value: r.value,
      unit: 'Nm',
      quality: 0.99,
      timestamp: new Date(endMs - (320 - i) * MIN).toISOString(),
    }));
    expect((await json('/api/v1/data/ingest/batch', { method: 'POST', json: { readings: healthy } })).status).toBe(200);
    // A stretch of overload (six readings, seconds apart): one alarm, and torque high enough that the
    // converted maintenance flow proposes an order.
    const now = Date.now();
    for (let i = 0; i < 6; i++) {
      const at = new Date(now + i * 5000).toISOString();
      const spike = { sensor_id: sensorId, sensor_type: 'torque', value: 120, unit: 'Nm', quality: 0.99, timestamp: at };
      expect((await json('/api/v1/data/ingest', { method: 'POST', json: spike })).status).toBe(200);
    }
    const alarm = (
      await until(
        () => json(`/api/v1/alarms?sensor_id=${sensorId}`),
        (r) => r.body.length === 1 && r.body[0].workflow_id !== null && r.body[0].readings === 6,
        'one open alarm over the six readings, with its lifecycle',
      )
    ).body[0];
    expect((await json(`/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', json: { note: 'looking' } })).status).toBe(200);
    const converted = await json(`/api/v1/alarms/${alarm.id}/convert`, { method: 'POST', json: { justification: 'spindle overload' } });
    expect(converted.status).toBe(200);
    const maintenanceWf: string = converted.body.maintenance_workflow_id;
    const waiting = await until(
      () => json(`/api/v1/workflows/${maintenanceWf}`),
      (r) => r.status === 200 && ['waiting_for_decision', 'no_action', 'completed', 'failed'].includes(r.body.progress?.status),
      'the converted maintenance flow waiting for a decision',
    );
    expect(waiting.body.progress.status).toBe('waiting_for_decision');
    const decided = await json('/api/v1/decisions/submit', {
      method: 'POST',
      json: {
        request_id: waiting.body.progress.decision_request_id,
        decision: 'approved',
        operator_id: 'eva.santos',
        justification: 'overload confirmed on site',
      },
    });
    expect(decided.status).toBe(201);
    await until(
      () => stack.sql`select id from human_decisions where workflow_id = ${maintenanceWf}`,
      (rows) => rows.length === 1,
      'the decision recorded',
    );

    const res = await json(`/api/v1/lineage/alarm/${alarm.id}`);
    expect(res.status).toBe(200);
    const graph = res.body as Graph;
    const nodes = (kind: string) => graph.nodes.filter((n) => n.kind === kind);
    const only = (kind: string) => {
      const found = nodes(kind);
      expect(found, kind).toHaveLength(1);
      return found[0]!;
    };
    const edge = (from: string, to: string, relation: string) =>
      expect(graph.edges, `${from} -${relation}-> ${to}`).toContainEqual({ from, to, relation });
    expect(graph.subject).toEqual({ kind: 'alarm', id: alarm.id, node_id: `alarm:${alarm.id}` });

    // Readings: exactly the rows of the alarm's span, with their verdicts.
    const [row] = await stack.sql<{ start_ts: Date; end_ts: Date | null; last_anomalous_ts: Date; workflow_id: string }[]>`
      select start_ts, end_ts, last_anomalous_ts, workflow_id from alarms where id = ${alarm.id}`;
    const spanRows = await stack.sql<{ id: string }[]>`
      select id::text as id from sensor_readings where sensor_id = ${sensorId}
        and ts >= ${row!.start_ts} and ts <= ${row!.end_ts ?? row!.last_anomalous_ts} order by ts, id`;
    expect(spanRows.length).toBeGreaterThan(0);
    const readings = only('readings');
    expect(readings.record.ids).toEqual(spanRows.map((r) => r.id));
    expect(readings.record.quality).toMatchObject({ valid: spanRows.length, quarantined: {} });

    const detector = only('detector');
    expect(detector.record).toMatchObject({ name: 'streaming', version: 1, sensitivity_now: 0.5 });
    expect(detector.record.threshold_at_raise).toBeTypeOf('number');
    const alarmNode = only('alarm');
    expect(alarmNode.ref).toBe(alarm.id);
    expect(alarmNode.record).toMatchObject({ severity: alarm.severity, state: 'resolved', maintenance_workflow_id: maintenanceWf });
    edge(readings.id, detector.id, 'scored');
    edge(detector.id, alarmNode.id, 'raised');

    // The lifecycle workflow and each timeline row, written by the activity its dedup key names.
    expect(graph.workflows.map((w) => w.workflow_id).sort()).toEqual([row!.workflow_id, maintenanceWf].sort());
    expect(graph.workflows.every((w) => w.history_available)).toBe(true);
    edge(alarmNode.id, `workflow:${row!.workflow_id}`, 'handled_by');
    const timeline = await stack.sql<{ id: string; type: string; actor: string | null }[]>`
      select id::text as id, type, actor from alarm_events where alarm_id = ${alarm.id} order by at, id`;
    expect(timeline.map((e) => e.type)).toEqual(['raised', 'lifecycle_started', 'acknowledged', 'converted']);
    const events = nodes('alarm_event');
    expect(events.map((e) => e.ref)).toEqual(timeline.map((e) => e.id));
    for (const t of timeline.filter((e) => e.type === 'acknowledged' || e.type === 'converted')) {
      const n = events.find((e) => e.ref === t.id)!;
      expect(n.history_event).toMatchObject({ workflow_id: row!.workflow_id, name: 'applyAlarmTransition' });
      expect(n.record.carried_by_event).toMatchObject({ name: t.type === 'acknowledged' ? 'acknowledgeAlarm' : 'convertAlarm' });
      expect(n.record.actor).toBe(t.actor);
      edge(`workflow:${row!.workflow_id}`, n.id, 'recorded');
    }
    // Whoever the lifecycle paged, each row a node of that workflow.
    const paged = await stack.sql<{ id: string }[]>`select id::text as id from notifications where workflow_id = ${row!.workflow_id}`;
    expect(
      nodes('notification')
        .filter((n) => n.workflow_id === row!.workflow_id)
        .map((n) => n.ref)
        .sort(),
    ).toEqual(paged.map((p) => p.id).sort());
    const convertedEvent = events.find((e) => e.record.type === 'converted')!;
    edge(convertedEvent.id, `workflow:${maintenanceWf}`, 'converted');

    // The maintenance run it became: prediction → order → decision, ids of the rows.
    const [order] = await stack.sql<{ id: string; prediction_id: string }[]>`
      select id, prediction_id from maintenance_orders where workflow_id = ${maintenanceWf}`;
    const [decision] = await stack.sql<{ id: string }[]>`select id from human_decisions where workflow_id = ${maintenanceWf}`;
    const prediction = only('prediction');
    expect(prediction.ref).toBe(order!.prediction_id);
    expect(only('order').ref).toBe(order!.id);
    expect(only('decision').ref).toBe(decision!.id);
    edge(`prediction:${order!.prediction_id}`, `order:${order!.id}`, 'proposed');
    edge(`order:${order!.id}`, `decision:${decision!.id}`, 'decided');
    // Every edge joins nodes of the graph.
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);

    expect((await json(`/api/v1/lineage/alarm/${randomUUID()}`)).status).toBe(404);
  });
});
