import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelRegistry } from '../../models';
import { startGoldenPathStack, waitForRun } from '../support/goldenPathRuns';
import type { TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  ({ stack, key } = await startGoldenPathStack(['workflows:write', 'workflows:read', 'decisions:write']));
});
afterAll(() => stack.close());

const waitFor = (correlationId: string, wanted: string[]) => waitForRun(stack, key, correlationId, wanted);

interface Node {
  id: string;
  kind: string;
  ref: string;
  recorded: boolean;
  workflow_id: string | null;
  history_event: { workflow_id: string; event_id: number; event_type: string; name: string; activity_id: string | null } | null;
  record: Record<string, unknown>;
}
interface Graph {
  subject: { kind: string; id: string; node_id: string };
  nodes: Node[];
  edges: { from: string; to: string; relation: string }[];
  workflows: { workflow_id: string; type: string; status: string; temporal_url: string; history_available: boolean }[];
}

/** The workflow's own history: event id → (type, activity type / signal / update name). */
async function historyIndex(workflowId: string) {
  const history = await stack.temporal.client.workflow.getHandle(workflowId).fetchHistory();
  const scheduled = new Map<number, string>();
  const out = new Map<number, { type: string; name: string }>();
  for (const e of history.events ?? []) {
    const id = Number(e.eventId);
    const type = temporal.api.enums.v1.EventType[e.eventType ?? 0]!;
    if (e.activityTaskScheduledEventAttributes) scheduled.set(id, e.activityTaskScheduledEventAttributes.activityType!.name!);
    if (e.activityTaskCompletedEventAttributes)
      out.set(id, { type, name: scheduled.get(Number(e.activityTaskCompletedEventAttributes.scheduledEventId))! });
    if (e.workflowExecutionUpdateAcceptedEventAttributes)
      out.set(id, { type, name: e.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest!.input!.name! });
  }
  return out;
}

describe('GET /lineage/{kind}/{id} after a Golden Path', () => {
  it('links every step of the order, from its readings to its report, to the rows and history events that made them', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 40, scenario: 'drift' } })
    ).json();
    const wf: string = started.workflow_id;
    const waiting = await waitFor(started.correlation_id, ['waiting_for_decision', 'completed', 'failed']);
    expect(waiting.status).toBe('waiting_for_decision');
    const decided = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: {
        request_id: waiting.decision_request_id,
        decision: 'approved',
        operator_id: 'eva.santos',
        justification: 'torque creep confirmed',
      },
    });
    expect(decided.status).toBe(201);
    await waitFor(started.correlation_id, ['completed', 'failed']);

    const [order] = await stack.sql`select id, prediction_id from maintenance_orders where workflow_id = ${wf}`;
    const res = await stack.request(`/api/v1/lineage/order/${order!.id}`, { key });
    expect(res.status).toBe(200);
    const graph = (await res.json()) as Graph;
    expect(graph.subject).toEqual({ kind: 'order', id: order!.id, node_id: `order:${order!.id}` });
    const events = await historyIndex(wf);
    const only = (kind: string) => {
      const found = graph.nodes.filter((n) => n.kind === kind);
      expect(found, kind).toHaveLength(1);
      return found[0]!;
    };
    /** The node's event is in the workflow's history and is the completion of the named activity. */
    const producedBy = (n: Node, name: string, type = 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED') => {
      expect(n.workflow_id, n.id).toBe(wf);
      expect(n.history_event, n.id).toMatchObject({ workflow_id: wf, name });
      expect(events.get(n.history_event!.event_id), n.id).toEqual({ type, name });
    };
    const edge = (from: string, to: string) =>
      expect(
        graph.edges.some((e) => e.from === from && e.to === to),
        `${from} → ${to}`,
      ).toBe(true);

    expect(graph.workflows).toEqual([
      expect.objectContaining({ workflow_id: wf, type: 'goldenPath', status: 'completed', history_available: true }),
    ]);
    expect(graph.workflows[0]!.temporal_url).toContain(encodeURIComponent(wf));

    // Readings: exactly the run's valid readings, with the quarantined ones as verdicts.
    const runReadings = await stack.sql`
      select id::text as id, quarantine_reason from sensor_readings where correlation_id = ${started.correlation_id} order by ts, id`;
    const readings = only('readings');
    producedBy(readings, 'ingestScenarioReadings');
    expect(readings.recorded).toBe(true);
    expect(readings.record.ids).toEqual(runReadings.filter((r) => !r.quarantine_reason).map((r) => r.id));
    const quality = readings.record.quality as { valid: number; quarantined: Record<string, number> };
    expect(quality.valid + Object.values(quality.quarantined).reduce((a, b) => a + b, 0)).toBe(40);
    expect((readings.record.verdicts_event as { name: string }).name).toBe('validateReadings');

    // Prediction, its features and its model, all from the prediction activity.
    const [p] = await stack.sql`select id, features, stage, model, version, probability from predictions where workflow_id = ${wf}`;
    expect(p!.id).toBe(order!.prediction_id);
    const prediction = only('prediction');
    expect(prediction.ref).toBe(p!.id);
    producedBy(prediction, 'predictForSensor');
    expect(prediction.record).toMatchObject({ probability: p!.probability, threshold: expect.any(Number) });
    const features = only('features');
    expect(features.record.values).toEqual(p!.features);
    expect(Object.keys(features.record.derivation as object).sort()).toEqual(Object.keys(p!.features).sort());
    const model = only('model');
    const registered = (await defaultModelRegistry().listVersions(p!.model)).find((v) => v.version === p!.version)!;
    expect(model.record).toMatchObject({
      name: p!.model,
      version: p!.version,
      stage_at_prediction: p!.stage,
      artifact_sha256: registered.entry.sha256,
      threshold: registered.entry.threshold,
    });

    const [drift] = await stack.sql`select id::text as id from drift_checks where workflow_id = ${wf}`;
    const driftNode = only('drift_check');
    expect(driftNode.ref).toBe(drift!.id);
    producedBy(driftNode, 'checkDrift');

    const orderNode = only('order');
    expect(orderNode.ref).toBe(order!.id);
    producedBy(orderNode, 'proposeMaintenanceOrder');

    const [decision] = await stack.sql`select id from human_decisions where workflow_id = ${wf}`;
    const decisionNode = only('decision');
    expect(decisionNode.ref).toBe(decision!.id);
    producedBy(decisionNode, 'recordDecision');
    expect(decisionNode.record).toMatchObject({ decision: 'approved', operator_id: 'eva.santos', decided_by: { kind: 'api_key' } });
    // Who decided travelled in the update; the history, not the table, holds that event.
    const carried = decisionNode.record.carried_by_event as Node['history_event'] & { payload: { justification: string } };
    expect(events.get(carried!.event_id)).toEqual({ type: 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED', name: 'submitDecision' });
    expect(carried!.payload.justification).toBe('torque creep confirmed');

    const [booking] = await stack.sql`select id::text as id from technician_bookings where order_id = ${order!.id}`;
    const bookingNode = only('booking');
    expect(bookingNode.ref).toBe(booking!.id);
    expect(bookingNode.record.status).toBe('firm');

    const notifications = await stack.sql`select id::text as id from notifications where workflow_id = ${wf} order by created_at, id`;
    const notificationNodes = graph.nodes.filter((n) => n.kind === 'notification');
    expect(notificationNodes.map((n) => n.ref).sort()).toEqual(notifications.map((n) => n.id).sort());
    for (const n of notificationNodes) producedBy(n, 'sendNotification');

    const [report] = await stack.sql`select id from reports where workflow_id = ${wf}`;
    const reportNode = only('report');
    expect(reportNode.ref).toBe(report!.id);
    producedBy(reportNode, 'generateReport');

    edge(`workflow:${wf}`, readings.id);
    edge(readings.id, features.id);
    edge(readings.id, driftNode.id);
    edge(features.id, prediction.id);
    edge(model.id, prediction.id);
    edge(driftNode.id, prediction.id);
    edge(prediction.id, orderNode.id);
    edge(orderNode.id, decisionNode.id);
    edge(decisionNode.id, bookingNode.id);
    edge(orderNode.id, reportNode.id);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);

    // The same run answers from its decision, prediction and report.
    for (const [kind, id] of [
      ['decision', decision!.id],
      ['prediction', p!.id],
      ['report', report!.id],
    ] as const) {
      const other = (await (await stack.request(`/api/v1/lineage/${kind}/${id}`, { key })).json()) as Graph;
      expect(other.subject.node_id).toBe(`${kind}:${id}`);
      expect(other.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    }
  });

  it('records the threshold and artifact of an API prediction, which has no readings or workflow behind it', async () => {
    const mlKey = await stack.key(['ml:predict', 'workflows:read']);
    const features = {
      Air_temperature_K: 300,
      Process_temperature_K: 310,
      Rotational_speed_rpm: 1500,
      Torque_Nm: 40,
      Tool_wear_min: 10,
      Type: 'M',
    };
    const predicted = await (await stack.request('/api/v1/ml/predict', { method: 'POST', key: mlKey, json: { features } })).json();
    // The prediction log writes behind the answer: wait for the row.
    let res = await stack.request(`/api/v1/lineage/prediction/${predicted.prediction_id}`, { key: mlKey });
    for (let i = 0; res.status === 404 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 50));
      res = await stack.request(`/api/v1/lineage/prediction/${predicted.prediction_id}`, { key: mlKey });
    }
    const graph = (await res.json()) as Graph;
    const registered = (await defaultModelRegistry().listVersions(predicted.model_info.name)).find(
      (v) => v.version === predicted.model_info.version,
    )!;
    expect(graph.nodes.map((n) => n.kind).sort()).toEqual(['features', 'model', 'prediction']);
    expect(graph.nodes.find((n) => n.kind === 'model')).toMatchObject({
      recorded: true,
      workflow_id: null,
      history_event: null,
      record: { artifact_sha256: registered.entry.sha256, threshold: predicted.threshold },
    });
    expect(graph.workflows).toEqual([]);
  });

  it('answers 404 for an unknown record and 422 for an unknown kind', async () => {
    const missing = await stack.request(`/api/v1/lineage/order/${randomUUID()}`, { key });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await stack.request(`/api/v1/lineage/sensor/${randomUUID()}`, { key })).status).toBe(422);
    expect((await stack.request(`/api/v1/lineage/order/not-a-uuid`, { key })).status).toBe(422);
  });
});
