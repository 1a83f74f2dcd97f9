import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../db/apiKeys';
import { seedDefaultTechnicians } from '../../db/technicians';
import { demoSensorId } from '../../domain/demoSensors';
import { hasScopes, SCOPES, type Scope } from '../../domain/scopes';
import type { GoldenPathInput } from '../../workflows/goldenPath';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #22, "The decision gate": one key per scope, each tried on every route and body field that
 * can lead to an approved order or a firmly booked technician. Only `decisions:write` (and
 * `admin`) ever gets there, and every decision and order transition carries the key's identity.
 * The server runs with the production defaults: DEMO_AUTO_DECISIONS off, DECISION_TIMEOUT_POLICY
 * escalate, DECISION_TIMEOUT_MIN_SECONDS 60.
 */

const run = randomUUID().slice(0, 8);
const REAL_SENSOR = `line-7-spindle-${run}`;
const DEMO_NAMED_SENSOR = 'gp-anomaly-0123abcd';
const SUBMIT_PATH = '/api/v1/decisions/submit';

interface Key {
  scope: Scope;
  id: string;
  name: string;
  key: string;
}

let stack: TestStack;
let keys: Key[];
let admin: Key;
let decider: Key;
/** Every order this file creates or whose workflow it starts, for the final sweep. */
const orderIds = new Set<string>();
const workflowIds = new Set<string>();

async function makeKey(name: string, scopes: Scope[]) {
  const { record, key } = await createApiKey({ name, scopes }, stack.sql);
  return { id: record.id, name: record.name, key };
}

beforeAll(async () => {
  stack = await startTestStack({ DEMO_AUTO_DECISIONS: 'false' });
  await seedDefaultTechnicians(stack.sql);
  keys = [];
  for (const scope of SCOPES) keys.push({ scope, ...(await makeKey(`gate-${scope}-${run}`, [scope])) });
  admin = keys.find((k) => k.scope === 'admin')!;
  decider = keys.find((k) => k.scope === 'decisions:write')!;
  await stack.startWorker();
});
afterAll(() => stack?.close());

const call = (method: string, path: string, key: string, json?: unknown) => stack.request(`/api/v1${path}`, { method, key, json });

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; detail: string; errors?: { field: string }[]; [k: string]: unknown };
}

/** A manual order in awaiting_approval with a tentative booking, made by the admin key. */
async function manualOrder(): Promise<{ id: string }> {
  const res = await call('POST', '/maintenance/schedule', admin.key, { sensor_id: `gate-manual-${run}`, failure_probability: 0.9 });
  expect(res.status).toBe(201);
  const order = (await res.json()) as { id: string };
  orderIds.add(order.id);
  return order;
}

async function goldenPathStatus(correlationId: string) {
  return (await call('GET', `/demo/golden-path/status/${correlationId}`, admin.key)).json();
}

async function waitForRun(correlationId: string, wanted: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await goldenPathStatus(correlationId).catch(() => null);
    if (doc && wanted.includes(doc.status)) return doc;
    if (Date.now() > deadline) throw new Error(`run ${correlationId} did not reach ${wanted}: ${JSON.stringify(doc)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A Golden Path started by the admin key and left waiting for its human decision. */
async function waitingRun() {
  const res = await call('POST', '/demo/golden-path', admin.key, { sensor_events: 40, scenario: 'drift' });
  expect(res.status).toBe(202);
  const started = (await res.json()) as { correlation_id: string; workflow_id: string };
  workflowIds.add(started.workflow_id);
  const doc = await waitForRun(started.correlation_id, ['waiting_for_decision', 'completed', 'failed']);
  expect(doc.status).toBe('waiting_for_decision');
  orderIds.add(doc.maintenance_order_id);
  return { ...started, requestId: doc.decision_request_id as string, orderId: doc.maintenance_order_id as string };
}

/**
 * Start requests that used to approve without a person: each is refused before anything starts.
 * `field` is the body field the 422 must name; keys without the route's scope get 403 first.
 */
const gpBase = { sensor_events: 20, scenario: 'anomaly' };
const ptmBase = { sensor_id: REAL_SENSOR, features: { torque: 60, tool_wear: 220 } };
const startAttempts: { name: string; path: string; body: Record<string, unknown>; field: string; needsIngest?: boolean }[] = [
  ...['/demo/golden-path', '/workflows/goldenPath'].flatMap((path) => [
    { name: 'auto_decision approved', path, body: { ...gpBase, auto_decision: 'approved' }, field: 'auto_decision' },
    { name: 'auto_decision escalated', path, body: { ...gpBase, auto_decision: 'escalated' }, field: 'auto_decision' },
    { name: 'timeout_policy auto_approve', path, body: { ...gpBase, timeout_policy: 'auto_approve' }, field: 'timeout_policy' },
    {
      name: 'timeout_policy auto_approve with a 1 s deadline',
      path,
      body: { ...gpBase, timeout_policy: 'auto_approve', decision_timeout_seconds: 1 },
      field: 'timeout_policy',
    },
    { name: 'a 1 s deadline', path, body: { ...gpBase, decision_timeout_seconds: 1 }, field: 'decision_timeout_seconds' },
    { name: 'a 59 s deadline', path, body: { ...gpBase, decision_timeout_seconds: 59 }, field: 'decision_timeout_seconds' },
    {
      name: 'auto_decision on a real sensor',
      path,
      body: { ...gpBase, sensor_id: REAL_SENSOR, auto_decision: 'approved' },
      field: 'auto_decision',
      needsIngest: true,
    },
  ]),
  {
    name: 'auto_decision',
    path: '/workflows/predictionToMaintenance',
    body: { ...ptmBase, auto_decision: 'approved' },
    field: 'auto_decision',
  },
  {
    name: 'auto_decision on a demo-named sensor',
    path: '/workflows/predictionToMaintenance',
    body: { ...ptmBase, sensor_id: DEMO_NAMED_SENSOR, auto_decision: 'approved' },
    field: 'auto_decision',
  },
  {
    name: 'timeout_policy auto_approve',
    path: '/workflows/predictionToMaintenance',
    body: { ...ptmBase, timeout_policy: 'auto_approve', decision_timeout_seconds: 1 },
    field: 'timeout_policy',
  },
  {
    name: 'a 1 s deadline',
    path: '/workflows/predictionToMaintenance',
    body: { ...ptmBase, decision_timeout_seconds: 1 },
    field: 'decision_timeout_seconds',
  },
];

describe('decision gate: workflow starts', () => {
  it('refuses every start that could decide without a person, for every scope', async () => {
    for (const k of keys) {
      for (const a of startAttempts) {
        const res = await call('POST', a.path, k.key, a.body);
        const body = await problem(res);
        const label = `${k.scope} ${a.path} ${a.name}: ${body.detail}`;
        if (!hasScopes([k.scope], ['workflows:write'])) {
          expect(res.status, label).toBe(403);
        } else if (a.needsIngest && !hasScopes([k.scope], ['data:ingest'])) {
          // Finding 4: a real sensor's readings are not workflows:write's to write.
          expect(res.status, label).toBe(403);
          expect(body.required_scopes, label).toEqual(['data:ingest']);
        } else {
          expect(res.status, label).toBe(422);
          expect(
            body.errors?.map((e) => e.field.replace(/^body\./, '')),
            label,
          ).toContain(a.field);
        }
      }
    }
    // Nothing was started: no run, so no order, for the sensors those bodies named.
    const orders = await stack.sql`select id from maintenance_orders where sensor_id in (${REAL_SENSOR}, ${DEMO_NAMED_SENSOR})`;
    expect(orders).toHaveLength(0);
  });

  it('makes a workflows:write key hold data:ingest too before a Golden Path writes readings to a real sensor', async () => {
    const writer = await makeKey(`gate-writer-${run}`, ['workflows:write']);
    const writerIngest = await makeKey(`gate-writer-ingest-${run}`, ['workflows:write', 'data:ingest']);
    // The 59 s deadline stops the run before it starts: only the scope check is under test.
    const body = { ...gpBase, sensor_id: REAL_SENSOR, decision_timeout_seconds: 59 };
    const refused = await call('POST', '/demo/golden-path', writer.key, body);
    expect(refused.status).toBe(403);
    expect((await problem(refused)).detail).toContain(`sensor_id ${REAL_SENSOR} is not a demo sensor`);
    const passed = await call('POST', '/demo/golden-path', writerIngest.key, body);
    expect(passed.status).toBe(422);
    // A demo sensor needs no data:ingest.
    const demo = await call('POST', '/demo/golden-path', writer.key, { ...body, sensor_id: DEMO_NAMED_SENSOR });
    expect(demo.status).toBe(422);
  });

  it('tells clients the server-side decision settings', async () => {
    const res = await call('GET', '/demo/settings', keys[0]!.key);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ auto_decisions: false, decision_timeout_min_seconds: 60, decision_timeout_policy: 'escalate' });
  });
});

describe('decision gate: orders', () => {
  it('lets maintenance:schedule propose an order but never book it firmly', async () => {
    for (const k of keys) {
      const res = await call('POST', '/maintenance/schedule', k.key, { sensor_id: `gate-manual-${run}`, failure_probability: 0.95 });
      if (!hasScopes([k.scope], ['maintenance:schedule'])) {
        expect(res.status, k.scope).toBe(403);
        continue;
      }
      expect(res.status, k.scope).toBe(201);
      const order = (await res.json()) as { id: string; status: string };
      orderIds.add(order.id);
      expect(order.status).toBe('awaiting_approval');
      const bookings = await stack.sql`select status from technician_bookings where order_id = ${order.id}`;
      expect(
        bookings.every((b) => b.status === 'tentative'),
        k.scope,
      ).toBe(true);
      // Skipping the decision is not a way round it either.
      const skip = await call('PATCH', `/maintenance/orders/${order.id}`, k.key, { status: 'scheduled' });
      expect(skip.status, k.scope).toBe(409);
      expect((await problem(skip)).code).toBe('illegal_transition');
    }
  });

  it('lets only the decision scope move an order into approved, rejected or escalated', async () => {
    const scheduleAndDecide = await makeKey(`gate-schedule-decide-${run}`, ['maintenance:schedule', 'decisions:write']);
    for (const status of ['approved', 'rejected', 'escalated'] as const) {
      for (const k of [...keys, { scope: 'maintenance:schedule+decisions:write', ...scheduleAndDecide }]) {
        const order = await manualOrder();
        const res = await call('PATCH', `/maintenance/orders/${order.id}`, k.key, { status, actor: 'someone else' });
        const label = `${k.scope} -> ${status}`;
        if (k.scope === 'admin' || k.scope === 'maintenance:schedule+decisions:write') {
          expect(res.status, label).toBe(200);
          const detail = (await res.json()) as { status: string; transitions: { to_status: string; actor: string; by: unknown }[] };
          expect(['approved', 'scheduled', 'rejected', 'escalated']).toContain(detail.status);
          const move = detail.transitions.find((t) => t.to_status === status)!;
          // The body's actor is kept as text; the identity is the key's.
          expect(move).toMatchObject({ actor: 'someone else', by: { kind: 'api_key', key_id: k.id, key_name: k.name } });
        } else {
          expect(res.status, label).toBe(403);
          const body = await problem(res);
          // maintenance:schedule passes the route's scope and is stopped by the decision rule.
          expect(body.required_scopes, label).toEqual(k.scope === 'maintenance:schedule' ? ['decisions:write'] : ['maintenance:schedule']);
          const [row] = await stack.sql`select status from maintenance_orders where id = ${order.id}`;
          expect(row!.status, label).toBe('awaiting_approval');
        }
      }
    }
  });
});

describe('decision gate: orders held by a waiting workflow', () => {
  let submitRun: Awaited<ReturnType<typeof waitingRun>>;
  let signalRun: Awaited<ReturnType<typeof waitingRun>>;

  beforeAll(async () => {
    [submitRun, signalRun] = await Promise.all([waitingRun(), waitingRun()]);
  }, 180_000);

  it('refuses PATCH on a held order with 409 pointing at its decision request, even for admin', async () => {
    for (const status of ['approved', 'rejected', 'escalated', 'cancelled'] as const) {
      const res = await call('PATCH', `/maintenance/orders/${submitRun.orderId}`, admin.key, { status });
      expect(res.status, status).toBe(409);
      const body = await problem(res);
      expect(body).toMatchObject({ code: 'awaiting_decision', request_id: submitRun.requestId, submit_path: SUBMIT_PATH });
      expect(body.detail).toContain(submitRun.requestId);
    }
    const [row] = await stack.sql`select status from maintenance_orders where id = ${submitRun.orderId}`;
    expect(row!.status).toBe('awaiting_approval');
  });

  it('takes POST /decisions/submit only from the decision scope and records the key beside operator_id', async () => {
    for (const k of keys) {
      const res = await call('POST', '/decisions/submit', k.key, {
        request_id: submitRun.requestId,
        decision: 'approved',
        operator_id: 'claims-to-be-the-plant-manager',
        justification: `approval attempt by ${k.scope}`,
      });
      if (k.scope === 'decisions:write') {
        expect(res.status, k.scope).toBe(201);
        expect(await res.json()).toMatchObject({
          decision: 'approved',
          operator_id: 'claims-to-be-the-plant-manager',
          decided_by: { kind: 'api_key', key_id: k.id, key_name: k.name },
        });
      } else if (k.scope === 'admin') {
        expect(res.status, k.scope).toBe(409); // already decided by the decision key
      } else {
        expect(res.status, k.scope).toBe(403);
      }
    }
    const done = await waitForRun(submitRun.correlation_id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const [order] = await stack.sql`select status from maintenance_orders where id = ${submitRun.orderId}`;
    expect(order!.status).toBe('scheduled');
  });

  it('takes the decision signal only from the decision scope and records the key', async () => {
    for (const k of keys) {
      const res = await call('POST', `/workflows/${signalRun.workflow_id}/signals/decision`, k.key, {
        decision: 'rejected',
        operator_id: 'anyone',
        justification: `rejection attempt by ${k.scope}`,
      });
      if (k.scope === 'decisions:write') expect(res.status, k.scope).toBe(202);
      // The signal is asynchronous: admin may still see the run waiting, and its late signal is ignored.
      else if (k.scope === 'admin') expect([202, 409], k.scope).toContain(res.status);
      else expect(res.status, k.scope).toBe(403);
    }
    const done = await waitForRun(signalRun.correlation_id, ['completed', 'failed']);
    expect(done.decision).toMatchObject({ decision: 'rejected', justification: 'rejection attempt by decisions:write' });
    const [stored] = await stack.sql`
      select decided_by_kind, decided_by_key_id, decided_by_key_name from human_decisions where workflow_id = ${signalRun.workflow_id}`;
    expect(stored).toEqual({ decided_by_kind: 'api_key', decided_by_key_id: decider.id, decided_by_key_name: decider.name });
  });

  it('returns the identity from GET /decisions and its CSV', async () => {
    const res = await call('GET', `/decisions?request_id=${submitRun.requestId}`, keys.find((k) => k.scope === 'workflows:read')!.key);
    expect(res.status).toBe(200);
    const [decision] = (await res.json()) as { decided_by: unknown }[];
    expect(decision!.decided_by).toEqual({ kind: 'api_key', key_id: decider.id, key_name: decider.name });
    const csv = await stack.request(`/api/v1/decisions?request_id=${submitRun.requestId}&format=csv`, {
      key: keys.find((k) => k.scope === 'workflows:read')!.key,
    });
    const [header, row] = (await csv.text()).trim().split(/\r?\n/);
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells).toMatchObject({ decided_by_kind: 'api_key', decided_by_key_id: decider.id, decided_by_key_name: decider.name });
  });
});

describe('decision gate: a passed deadline', () => {
  it('records the timeout decision, and the order move it causes, as the system', async () => {
    // Started on Temporal directly: the API would refuse a deadline this short.
    const correlationId = randomUUID();
    const workflowId = `golden-path-${correlationId}`;
    const input: GoldenPathInput = {
      correlationId,
      sensorId: demoSensorId('drift', correlationId),
      scenario: 'drift',
      sensorEvents: 40,
      includeHumanDecision: true,
      decisionTimeoutSeconds: 2,
      autoDecision: null,
      timeoutPolicy: 'escalate',
      startedBy: { kind: 'api_key', key_id: admin.id, key_name: admin.name },
    };
    await stack.temporal.client.workflow.start('goldenPath', { taskQueue: stack.temporal.taskQueue, workflowId, args: [input] });
    workflowIds.add(workflowId);
    const done = await waitForRun(correlationId, ['completed', 'failed', 'timed_out']);
    expect(done.decision).toMatchObject({ decision: 'escalated', source: 'timeout_policy', decided_by: { kind: 'system' } });
    orderIds.add(done.maintenance_order_id);
    const [stored] = await stack.sql`
      select decided_by_kind, decided_by_key_id from human_decisions where workflow_id = ${workflowId}`;
    expect(stored).toEqual({ decided_by_kind: 'system', decided_by_key_id: null });
    const [move] = await stack.sql`
      select by_kind, by_key_id from order_transitions where order_id = ${done.maintenance_order_id} and to_status = 'escalated'`;
    expect(move).toEqual({ by_kind: 'system', by_key_id: null });
  });
});

describe('decision gate: the sweep', () => {
  it('finds every approved order or firm booking decided by the decision scope, and an identity on every row', async () => {
    const allowed = new Set([admin.id, decider.id]);
    for (const row of await stack.sql`select key_id from (select id as key_id from api_keys where name = ${`gate-schedule-decide-${run}`}) k`) {
      allowed.add(row.key_id as string);
    }
    const ids = [...orderIds];
    const decided = await stack.sql<{ id: string; status: string; firm: boolean }[]>`
      select o.id, o.status, exists (select 1 from technician_bookings b where b.order_id = o.id and b.status = 'firm') as firm
      from maintenance_orders o where o.id in ${stack.sql(ids)}
        and (o.status in ('approved', 'scheduled', 'in_progress', 'completed', 'closed')
             or exists (select 1 from technician_bookings b where b.order_id = o.id and b.status = 'firm'))`;
    expect(decided.length).toBeGreaterThan(0);
    for (const order of decided) {
      const [approval] = await stack.sql`
        select by_kind, by_key_id from order_transitions where order_id = ${order.id} and to_status = 'approved'`;
      expect(approval, order.id).toBeDefined();
      expect(allowed.has(approval!.by_key_id as string), `${order.id} approved by ${approval!.by_key_id}`).toBe(true);
    }
    const anonymous =
      await stack.sql`select order_id, to_status from order_transitions where order_id in ${stack.sql(ids)} and by_kind is null`;
    expect(anonymous).toEqual([]);
    const undecided = await stack.sql`
      select id from human_decisions where workflow_id in ${stack.sql([...workflowIds])} and decided_by_kind is null`;
    expect(undecided).toEqual([]);
  });
});

describe('decision gate: the demo setting', () => {
  let demo: TestStack;
  let writer: { id: string; name: string; key: string };

  beforeAll(async () => {
    demo = await startTestStack({ DEMO_AUTO_DECISIONS: 'true' });
    const made = await createApiKey({ name: `gate-demo-writer-${run}`, scopes: ['workflows:write', 'workflows:read'] }, demo.sql);
    writer = { id: made.record.id, name: made.record.name, key: made.key };
    await demo.startWorker();
  });
  afterAll(() => demo?.close());

  it('confines auto_decision to demo sensors and records it under the key that started the run', async () => {
    const real = await demo.request('/api/v1/workflows/predictionToMaintenance', {
      method: 'POST',
      key: writer.key,
      json: { ...ptmBase, auto_decision: 'approved' },
    });
    expect(real.status).toBe(422);
    expect((await problem(real)).detail).toContain('demo sensors');

    const res = await demo.request('/api/v1/demo/golden-path', {
      method: 'POST',
      key: writer.key,
      json: { sensor_events: 40, scenario: 'drift', auto_decision: 'rejected' },
    });
    expect(res.status).toBe(202);
    const started = (await res.json()) as { correlation_id: string; workflow_id: string; sensor_id: string };
    expect(started.sensor_id).toMatch(/^gp-drift-[0-9a-f]{8}$/);
    const deadline = Date.now() + 90_000;
    let rows: { source: string; decided_by_kind: string; decided_by_key_id: string }[] = [];
    while (Date.now() < deadline && rows.length === 0) {
      rows = await demo.sql`
        select source, decided_by_kind, decided_by_key_id from human_decisions where workflow_id = ${started.workflow_id}`;
      if (!rows.length) await new Promise((r) => setTimeout(r, 250));
    }
    expect(rows).toEqual([{ source: 'auto', decided_by_kind: 'api_key', decided_by_key_id: writer.id }]);
  });
});
