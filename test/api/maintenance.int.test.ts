import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Redis from 'ioredis';
import Koa from 'koa';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiKeyResolver } from '../../api/middleware/auth';
import { problemDetails } from '../../api/middleware/problem';
import { RateCounter } from '../../api/middleware/rateLimit';
import { requestContext } from '../../api/middleware/requestContext';
import { createRedis } from '../../api/redis';
import { ApiRouter } from '../../api/route';
import { maintenanceRoutes } from '../../api/routes/maintenance';
import { createApiKey } from '../../db/apiKeys';
import { createSql } from '../../db/sql';
import { seedDefaultTechnicians } from '../../db/technicians';
import type { Scope } from '../../domain/scopes';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { TEST_REDIS_URL } from '../support/testEnv';
import { orderNoteMessage } from '../../domain/notificationText';

// The maintenance routes on a minimal app (the same middleware order as api/app.ts), so they can
// be tested before they are wired into the full app.
let sql: postgres.Sql;
let redis: Redis;
let server: Server;
let baseUrl: string;
let scheduleKey: string;
let deciderKey: string;
let readKey: string;

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  await seedDefaultTechnicians(sql);
  redis = createRedis(TEST_REDIS_URL);
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  const api = new ApiRouter(
    {
      resolver: new ApiKeyResolver(sql),
      counter: new RateCounter(redis, `test:maint-${randomUUID().slice(0, 8)}:`),
      bodyLimit: 100_000,
      globalRateLimit: 10_000,
    },
    '/api/v1',
  );
  maintenanceRoutes(api, { sql });
  const app = new Koa();
  app.use(requestContext({ logger: createLogger('maintenance-test', 'silent'), metrics: createMetrics() }));
  app.use(problemDetails());
  app.use(api.router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scheduleKey = await key(['maintenance:schedule', 'maintenance:read']);
  readKey = await key(['maintenance:read']);
  // Moving an order into approved, rejected or escalated is a decision (issue #22): these lifecycle
  // tests used to do it with maintenance:schedule alone, which is exactly the hole that was closed.
  deciderKey = await key(['maintenance:schedule', 'maintenance:read', 'decisions:write']);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  redis.disconnect();
  await sql.end({ timeout: 2 });
});

async function key(scopes: Scope[]): Promise<string> {
  return (await createApiKey({ name: `maintenance-test-${scopes.join('+')}`, scopes }, sql)).key;
}

function request(path: string, init: { method?: string; key?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers();
  if (init.key) headers.set('X-API-Key', init.key);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(baseUrl + '/api/v1' + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

const sensorId = () => `api-pump-${randomUUID().slice(0, 8)}`;

async function createOrder(body: Record<string, unknown> = {}) {
  const res = await request('/maintenance/schedule', {
    method: 'POST',
    key: scheduleKey,
    json: { sensor_id: sensorId(), sensor_type: 'vibration', failure_probability: 0.9, ...body },
  });
  expect(res.status).toBe(201);
  return res.json();
}

const patch = (id: string, body: Record<string, unknown>) =>
  request(`/maintenance/orders/${id}`, { method: 'PATCH', key: deciderKey, json: body });

describe('POST /api/v1/maintenance/schedule', () => {
  it('creates a manual order, plans it and answers 201 with the plan', async () => {
    const id = sensorId();
    const res = await request('/maintenance/schedule', {
      method: 'POST',
      key: scheduleKey,
      json: { sensor_id: id, sensor_type: 'pressure', failure_probability: 0.6 },
    });
    expect(res.status).toBe(201);
    const order = await res.json();
    // p = 0.6 → about 22.7 days to failure → urgent → hydraulic level 2, 180 minutes.
    expect(order).toMatchObject({
      sensor_id: id,
      status: 'awaiting_approval',
      priority: 'urgent',
      required_skill: 'hydraulic',
      required_level: 2,
      duration_minutes: 180,
      workflow_id: null,
    });
    expect(['tech-carla', 'tech-fabio', 'tech-gabriela', 'tech-henrique']).toContain(order.plan.technician_id);
    expect(order.plan.technician_name).toBe(order.technician_name);
    expect(new Date(order.plan.window_end).getTime() - new Date(order.plan.window_start).getTime()).toBe(180 * 60_000);
    expect(order.plan_message).toContain(order.plan.technician_id);
  });

  it('honours the planner overrides and plans a past deadline within the next 7 days', async () => {
    const before = Date.now();
    const order = await createOrder({
      required_skill: 'electrical',
      required_level: 4,
      duration_minutes: 60,
      priority: 'high',
      deadline: new Date(before - 86_400_000).toISOString(),
    });
    expect(order).toMatchObject({ priority: 'high', required_skill: 'electrical', required_level: 4, duration_minutes: 60 });
    expect(['tech-bruno', 'tech-gabriela']).toContain(order.plan.technician_id);
    expect(new Date(order.plan.window_end).getTime()).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
    expect(order.plan_message).toContain('planned within 7 days');
  });

  it('returns the unassigned reason when nobody has the skill', async () => {
    const order = await createOrder({ required_skill: 'underwater-welding' });
    expect(order.plan).toBeNull();
    expect(order.unassigned_code).toBe('no_skill');
    expect(order.plan_message).toMatch(/^Not planned: .*underwater-welding/);
    // The reason as a code the dashboard words in the reader's language.
    expect(order.reason_messages).toEqual([{ code: 'planUnassigned', params: { reason: 'no_skill' } }]);
    // The status history's note carries the code too, so the dashboard reads it back in the reader's words.
    const detail = await (await request(`/maintenance/orders/${order.id}`, { key: readKey })).json();
    const notes = detail.transitions.map((t: { note: string | null }) => t.note);
    expect(notes).toContainEqual(expect.stringMatching(/^not planned \(no_skill\): .*underwater-welding/));
    expect(orderNoteMessage(notes.find((n: string | null) => n?.startsWith('not planned')))).toMatchObject({
      code: 'noteUnplanned',
      params: { code: 'no_skill' },
    });
  });

  it('refuses a request without a key (401), without the scope (403) and with a bad body (422)', async () => {
    const body = { sensor_id: sensorId(), failure_probability: 0.5 };
    expect((await request('/maintenance/schedule', { method: 'POST', json: body })).status).toBe(401);
    expect((await request('/maintenance/schedule', { method: 'POST', key: readKey, json: body })).status).toBe(403);
    const bad = await request('/maintenance/schedule', {
      method: 'POST',
      key: scheduleKey,
      json: { ...body, failure_probability: 1.5, colour: 'red' },
    });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'failure_probability']);
  });
});

describe('GET /api/v1/maintenance/orders/:id', () => {
  it('returns the order with its live booking and its transitions', async () => {
    const created = await createOrder();
    const res = await request(`/maintenance/orders/${created.id}`, { key: readKey });
    expect(res.status).toBe(200);
    const order = await res.json();
    expect(order.booking).toMatchObject({
      status: 'tentative',
      technician_id: created.plan.technician_id,
      window_start: created.plan.window_start,
    });
    expect(order.transitions.map((t: { to_status: string }) => t.to_status)).toEqual(['proposed', 'awaiting_approval']);
    expect(order.transitions[0].actor).toBe('api-key:maintenance-test-maintenance:schedule+maintenance:read');
    expect(order.transitions[0].by).toMatchObject({ kind: 'api_key', key_name: 'maintenance-test-maintenance:schedule+maintenance:read' });
    expect(order.transitions[1].by).toEqual({ kind: 'system', key_id: null, key_name: null });
    expect(order.plan_explanation.skill.name).toBe('vibration');
    // Why this technician and window, as codes with parameters (instants stay ISO for the reader's zone).
    const codes = order.reason_messages.map((m: { code: string }) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['planSkill', 'planShift']));
    const shift = order.reason_messages.find((m: { code: string }) => m.code === 'planShift');
    expect(shift.params.shift_start).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(order.reasons.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown id and 422 for a malformed one', async () => {
    const missing = await request(`/maintenance/orders/${randomUUID()}`, { key: readKey });
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('not_found');
    const malformed = await request('/maintenance/orders/not-a-uuid', { key: readKey });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).errors[0].field).toBe('path.id');
  });
});

describe('PATCH /api/v1/maintenance/orders/:id', () => {
  it('approves, then schedules with a firm booking, then runs the order to closed keeping the booking', async () => {
    const created = await createOrder();
    const approved = await patch(created.id, { status: 'approved', actor: 'supervisor-9', note: 'agreed' });
    expect(approved.status).toBe(200);
    expect((await approved.json()).booking.status).toBe('tentative');

    const scheduled = await (await patch(created.id, { status: 'scheduled' })).json();
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.booking).toMatchObject({ status: 'firm', window_start: created.plan.window_start });

    for (const status of ['in_progress', 'completed', 'closed']) {
      const res = await patch(created.id, { status });
      expect(res.status).toBe(200);
    }
    const closed = await (await request(`/maintenance/orders/${created.id}`, { key: readKey })).json();
    expect(closed.status).toBe('closed');
    expect(closed.booking.status).toBe('firm');
    expect(closed.transitions.map((t: { from_status: string | null; to_status: string }) => `${t.from_status}→${t.to_status}`)).toEqual([
      'null→proposed',
      'proposed→awaiting_approval',
      'awaiting_approval→approved',
      'approved→scheduled',
      'scheduled→in_progress',
      'in_progress→completed',
      'completed→closed',
    ]);
    expect(closed.transitions[2]).toMatchObject({ actor: 'supervisor-9', note: 'agreed' });
  });

  it('answers 409 illegal_transition naming from and to, and changes nothing', async () => {
    const created = await createOrder();
    const res = await patch(created.id, { status: 'completed' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({
      code: 'illegal_transition',
      from: 'awaiting_approval',
      to: 'completed',
      allowed: ['approved', 'rejected', 'escalated', 'cancelled'],
    });
    expect(problem.detail).toContain('from awaiting_approval to completed');
    const after = await (await request(`/maintenance/orders/${created.id}`, { key: readKey })).json();
    expect(after.status).toBe('awaiting_approval');
    expect(after.transitions).toHaveLength(2);
  });

  it('releases the booking on rejection and on cancellation', async () => {
    const rejected = await createOrder();
    const r = await (await patch(rejected.id, { status: 'rejected' })).json();
    expect(r.status).toBe('rejected');
    expect(r.booking).toBeNull();
    expect(r.bookings.map((b: { status: string }) => b.status)).toEqual(['released']);

    const cancelled = await createOrder();
    await patch(cancelled.id, { status: 'approved' });
    const c = await (await patch(cancelled.id, { status: 'cancelled', note: 'line shut down' })).json();
    expect(c.status).toBe('cancelled');
    expect(c.booking).toBeNull();
  });

  it('answers 409 no_slot when asked to schedule an order nobody can do', async () => {
    const created = await createOrder({ required_skill: 'underwater-welding' });
    expect((await patch(created.id, { status: 'approved' })).status).toBe(200);
    const res = await patch(created.id, { status: 'scheduled' });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('no_slot');
  });

  it('answers 404 for an unknown order and 422 for an unknown status', async () => {
    expect((await patch(randomUUID(), { status: 'approved' })).status).toBe(404);
    expect((await patch(randomUUID(), { status: 'done' })).status).toBe(422);
  });
});

describe('GET /api/v1/maintenance/scheduled', () => {
  it('lists orders holding a technician, filters by technician and status, and drops released ones', async () => {
    const held = await createOrder();
    const technician = held.plan.technician_id as string;
    const scheduled = await createOrder();
    await patch(scheduled.id, { status: 'approved' });
    await patch(scheduled.id, { status: 'scheduled' });
    const released = await createOrder();
    await patch(released.id, { status: 'cancelled' });

    const res = await request(`/maintenance/scheduled?technician=${technician}&limit=100`, { key: readKey });
    expect(res.status).toBe(200);
    const items = (await res.json()) as Array<Record<string, unknown>>;
    expect(Number(res.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1);
    expect(items.every((o) => o.technician_id === technician)).toBe(true);
    expect(items.find((o) => o.id === held.id)).toMatchObject({
      sensor_id: held.sensor_id,
      status: 'awaiting_approval',
      booking_status: 'tentative',
      technician_name: held.plan.technician_name,
      window_start: held.plan.window_start,
      window_end: held.plan.window_end,
      reasons: held.plan.reasons,
      workflow_id: null,
    });

    const onlyScheduled = (await (await request('/maintenance/scheduled?status=scheduled&limit=100', { key: readKey })).json()) as Array<
      Record<string, unknown>
    >;
    expect(onlyScheduled.every((o) => o.status === 'scheduled')).toBe(true);
    expect(onlyScheduled.find((o) => o.id === scheduled.id)).toMatchObject({ booking_status: 'firm' });

    const all = (await (await request('/maintenance/scheduled?limit=100', { key: readKey })).json()) as Array<{ id: string }>;
    expect(all.some((o) => o.id === released.id)).toBe(false);
  });
});

describe('GET /api/v1/maintenance/orders', () => {
  it('lists orders of every status, newest first, filtered by sensor, status, priority and window, and pages', async () => {
    const sensor = sensorId();
    const first = await createOrder({ sensor_id: sensor });
    const second = await createOrder({ sensor_id: sensor, failure_probability: 0.6 });
    await patch(second.id, { status: 'cancelled' });

    const res = await request(`/maintenance/orders?sensor_id=${sensor}`, { key: readKey });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('2');
    const items = (await res.json()) as Array<Record<string, unknown>>;
    expect(items.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(items[1]).toMatchObject({
      status: 'awaiting_approval',
      priority: first.priority,
      technician_id: first.plan.technician_id,
      technician_name: first.plan.technician_name,
      window_start: first.plan.window_start,
      window_end: first.plan.window_end,
      failure_probability: 0.9,
    });
    // A cancelled order released its booking but still shows the window it was planned for.
    expect(items[0]).toMatchObject({ status: 'cancelled', window_start: second.plan.window_start });

    const cancelled = await (await request(`/maintenance/orders?sensor_id=${sensor}&status=cancelled`, { key: readKey })).json();
    expect(cancelled.map((o: { id: string }) => o.id)).toEqual([second.id]);
    const byPriority = await (await request(`/maintenance/orders?sensor_id=${sensor}&priority=${first.priority}`, { key: readKey })).json();
    expect(byPriority.map((o: { id: string }) => o.id)).toContain(first.id);
    expect(byPriority.every((o: { priority: string }) => o.priority === first.priority)).toBe(true);

    const page = await request(`/maintenance/orders?sensor_id=${sensor}&limit=1&offset=1`, { key: readKey });
    expect(page.headers.get('x-total-count')).toBe('2');
    expect((await page.json()).map((o: { id: string }) => o.id)).toEqual([first.id]);

    const end = new Date(first.plan.window_end).getTime();
    const after = await (
      await request(`/maintenance/orders?sensor_id=${sensor}&window_from=${new Date(end + 3_600_000 * 24 * 30).toISOString()}`, {
        key: readKey,
      })
    ).json();
    expect(after.map((o: { id: string }) => o.id)).not.toContain(first.id);
    const around = await (
      await request(
        `/maintenance/orders?sensor_id=${sensor}&window_from=${new Date(end - 60_000).toISOString()}&window_to=${new Date(end).toISOString()}`,
        {
          key: readKey,
        },
      )
    ).json();
    expect(around.map((o: { id: string }) => o.id)).toContain(first.id);
  });

  it('refuses a reversed window, an unknown status and a missing scope', async () => {
    const reversed = await request('/maintenance/orders?window_from=2026-01-02T00:00:00Z&window_to=2026-01-01T00:00:00Z', { key: readKey });
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).errors[0].field).toBe('query.window_from');
    expect((await request('/maintenance/orders?status=lost', { key: readKey })).status).toBe(422);
    expect((await request('/maintenance/orders')).status).toBe(401);
  });
});

describe('GET /api/v1/maintenance/orders/:id evidence and allowed moves', () => {
  it('names the moves PATCH accepts now, and the decisions and reports the order rests on', async () => {
    const created = await createOrder();
    const fresh = await (await request(`/maintenance/orders/${created.id}`, { key: readKey })).json();
    expect(fresh.allowed_transitions).toEqual(['approved', 'rejected', 'escalated', 'cancelled']);
    expect(fresh.evidence).toEqual({ prediction: null, decisions: [], reports: [], open_request: null });

    // What a workflow leaves behind: its report, and a decision recorded against the order.
    const workflowId = `wf-evidence-${randomUUID()}`;
    await sql`update maintenance_orders set workflow_id = ${workflowId} where id = ${created.id}`;
    const [report] = await sql`
      insert into reports (report_type, body, workflow_id) values ('workflow_run', '{}'::jsonb, ${workflowId}) returning id`;
    await sql`insert into reports (report_type, body, workflow_id) values ('workflow_run', '{}'::jsonb, ${'someone-else'})`;
    const [decision] = await sql`
      insert into human_decisions (request_id, decision, operator_id, justification, workflow_id, order_id)
      values (${'req-' + created.id}, 'approved', 'op.evidence', 'Seen on the walk-round', ${workflowId}, ${created.id}) returning id`;
    const withEvidence = await (await request(`/maintenance/orders/${created.id}`, { key: readKey })).json();
    expect(withEvidence.evidence.reports).toEqual([{ id: report!.id, report_type: 'workflow_run', created_at: expect.any(String) }]);
    expect(withEvidence.evidence.decisions).toEqual([
      expect.objectContaining({ id: decision!.id, decision: 'approved', operator_id: 'op.evidence' }),
    ]);

    await patch(created.id, { status: 'approved' });
    const approved = await (await request(`/maintenance/orders/${created.id}`, { key: readKey })).json();
    expect(approved.allowed_transitions).toEqual(['scheduled', 'cancelled']);
  });
});

describe('GET /api/v1/maintenance/technicians', () => {
  it('lists the roster with skills, shifts and the site offset', async () => {
    const res = await request('/maintenance/technicians', { key: readKey });
    expect(res.status).toBe(200);
    const roster = (await res.json()) as Array<Record<string, unknown>>;
    expect(roster.find((t) => t.id === 'tech-ana')).toMatchObject({
      name: 'Ana Souza',
      site: 'plant-north',
      time_zone: 'America/Sao_Paulo',
      utc_offset_minutes: -180,
      active: true,
      skills: [
        { skill: 'vibration', level: 5 },
        { skill: 'mechanical', level: 4 },
        { skill: 'thermal', level: 2 },
      ],
    });
  });
});

describe('PUT /api/v1/maintenance/technicians/:id', () => {
  it('adds a technician the planner then uses, and edits keep the id', async () => {
    const id = `tech-test-${randomUUID().slice(0, 6)}`; // tech-test-: the roster test counts only the default tech-* ids
    const body = {
      name: 'Rui Lima',
      site: 'plant-north',
      skills: [{ skill: 'cryogenics', level: 4 }],
      shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })),
    };
    const created = await request(`/maintenance/technicians/${id}`, { method: 'PUT', key: scheduleKey, json: body });
    expect(created.status).toBe(201);
    const order = await createOrder({ required_skill: 'cryogenics' });
    expect(order.plan?.technician_id ?? order.technician_id).toBe(id);
    const edited = await request(`/maintenance/technicians/${id}`, { method: 'PUT', key: scheduleKey, json: { ...body, active: false } });
    expect(edited.status).toBe(200);
    expect((await edited.json()).active).toBe(false);
    expect((await request(`/maintenance/technicians/${id}`, { method: 'PUT', key: readKey, json: body })).status).toBe(403);
    expect(
      (
        await request(`/maintenance/technicians/${id}`, {
          method: 'PUT',
          key: scheduleKey,
          json: { ...body, skills: [{ skill: 'x', level: 9 }] },
        })
      ).status,
    ).toBe(422);
  });
});
