import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createSchedulingActivities,
  type ApplyMaintenanceDecisionInput,
  type CancelMaintenanceOrderInput,
  type ProposeMaintenanceOrderInput,
  type ProposedOrder,
} from '../../activities/scheduling';
import { listOrderBookings, type Booking } from '../../db/bookings';
import { getMaintenanceOrder, insertMaintenanceOrder, listOrderTransitions } from '../../db/maintenanceOrders';
import { createSql } from '../../db/sql';
import { seedDefaultTechnicians } from '../../db/technicians';
import { defaultTechnicians } from '../../scheduling';
import { ensureSites } from '../../db/sites';
import type { OrderStatus } from '../../domain/orderLifecycle';
import { SYSTEM_IDENTITY } from '../../domain/identity';
import { proposeOrder, type ProposalResult } from '../../usecases/maintenanceOrders';

/** Monday 2031-06-02 09:00 UTC (06:00 at the default roster's sites): a fixed week, far from other tests' bookings. */
const NOW = new Date('2031-06-02T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sql: postgres.Sql;
// Failed attempts are expected in some tests; the SDK's WARN line for each is only noise.
const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  await seedDefaultTechnicians(sql);
  // The sole specialists below work at a site of their own (technicians belong to a site).
  await ensureSites([{ id: 'plant-test', name: 'Plant test', time_zone: 'UTC' }], sql);
});
afterAll(() => sql.end({ timeout: 2 }));

const agentAt = (now: Date) => createSchedulingActivities({ sql, now: () => now });
// env.run loses the activities' types; these restore them.
const propose = (input: ProposeMaintenanceOrderInput, now = NOW) =>
  env.run(agentAt(now).proposeMaintenanceOrder, input) as Promise<ProposedOrder>;
const decide = (input: ApplyMaintenanceDecisionInput, now = NOW) =>
  env.run(agentAt(now).applyMaintenanceDecision, input) as Promise<{ status: OrderStatus }>;
const cancel = (input: CancelMaintenanceOrderInput, now = NOW) =>
  env.run(agentAt(now).cancelMaintenanceOrder, input) as Promise<{ status: OrderStatus }>;

const proposal = (over: Partial<ProposeMaintenanceOrderInput> = {}): ProposeMaintenanceOrderInput => ({
  workflowId: `maintenance-${randomUUID()}`,
  correlationId: randomUUID(),
  sensorId: `pump-${randomUUID().slice(0, 8)}`,
  sensorType: 'vibration',
  predictionId: randomUUID(),
  probability: 0.9,
  ...over,
});

/** The orders' FK needs a stored prediction. */
async function storedPrediction(input: ProposeMaintenanceOrderInput): Promise<ProposeMaintenanceOrderInput> {
  await sql`
    insert into predictions (id, model, version, sensor_id, features, probability, prediction)
    values (${input.predictionId!}, 'ai4i_classifier_randomforest_baseline', '1.0.0', ${input.sensorId}, '{}'::jsonb, ${input.probability!}, 1)`;
  return input;
}

/** A technician who alone has a made-up skill, working Mon–Fri 06:00–14:00 UTC. */
async function soleSpecialist(): Promise<{ id: string; skill: string }> {
  const id = `tech-test-${randomUUID().slice(0, 8)}`;
  const skill = `skill-${randomUUID().slice(0, 8)}`;
  const shifts = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:00', end: '14:00' }));
  await sql`
    insert into technicians (id, name, site, skills, shifts, utc_offset_minutes)
    values (${id}, ${'Specialist ' + id}, 'plant-test', ${sql.json([{ skill, level: 5 }])}, ${sql.json(shifts)}, 0)`;
  return { id, skill };
}

const liveBookings = (bookings: Booking[]) => bookings.filter((b) => b.status !== 'released');
const overlaps = (a: Booking, b: Booking) => a.start < b.end && b.start < a.end;

async function failureOf(p: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('seedDefaultTechnicians', () => {
  it('inserts the default roster once and never overwrites an edited technician', async () => {
    expect(await seedDefaultTechnicians(sql)).toBe(0);
    // Other files add technicians of their own to the shared database: count the default ids only.
    const defaultIds = defaultTechnicians().map((t) => t.id);
    const ids = (await sql<{ id: string }[]>`select id from technicians where id = any(${defaultIds}) order by id`).map((r) => r.id);
    expect(ids).toEqual([
      'tech-ana',
      'tech-bruno',
      'tech-carla',
      'tech-diego',
      'tech-elisa',
      'tech-fabio',
      'tech-gabriela',
      'tech-henrique',
    ]);
    await sql`update technicians set name = 'Ana Souza (edited)' where id = 'tech-ana'`;
    try {
      expect(await seedDefaultTechnicians(sql)).toBe(0);
      const [ana] = await sql<{ name: string }[]>`select name from technicians where id = 'tech-ana'`;
      expect(ana!.name).toBe('Ana Souza (edited)');
    } finally {
      await sql`update technicians set name = 'Ana Souza' where id = 'tech-ana'`;
    }
  });
});

describe('SchedulingAgent.proposeMaintenanceOrder', () => {
  it('creates an order awaiting approval with a tentative booking on a qualified technician inside a shift', async () => {
    const input = await storedPrediction(proposal({ probability: 0.9, sensorType: 'vibration' }));
    const out = await propose(input);

    // p = 0.9 → about 9 days to failure → very urgent → vibration at level 3, 240 minutes.
    expect(out.status).toBe('awaiting_approval');
    expect(out.priority).toBe('very_urgent');
    expect(out.unassigned_reason).toBeNull();
    expect(out.plan).not.toBeNull();
    const plan = out.plan!;
    expect(['tech-ana', 'tech-diego', 'tech-fabio']).toContain(plan.technician_id);
    expect(new Date(plan.window_end).getTime() - new Date(plan.window_start).getTime()).toBe(240 * 60_000);
    expect(new Date(plan.window_start).getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(plan.reasons.length).toBeGreaterThan(0);
    expect(plan.reasons[0]).toMatch(/vibration level \d \(the job needs at least 3\)/);
    expect(out.planMessage).toContain(plan.technician_id);

    const order = (await getMaintenanceOrder(out.id, sql))!;
    expect(order).toMatchObject({
      status: 'awaiting_approval',
      required_skill: 'vibration',
      required_level: 3,
      duration_minutes: 240,
      technician_id: plan.technician_id,
      workflow_id: input.workflowId,
      dedup_key: `${input.workflowId}:order`,
      prediction_id: input.predictionId,
    });
    expect(order.deadline!.getTime()).toBeGreaterThan(new Date(plan.window_end).getTime());

    const bookings = await listOrderBookings(out.id, sql);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ status: 'tentative', technician_id: plan.technician_id });
    expect(bookings[0]!.start.toISOString()).toBe(plan.window_start);

    const transitions = await listOrderTransitions(out.id, sql);
    expect(transitions.map((t) => [t.from_status, t.to_status])).toEqual([
      [null, 'proposed'],
      ['proposed', 'awaiting_approval'],
    ]);
  });

  it('returns the same order for the same workflow id and writes one order and one booking', async () => {
    const input = await storedPrediction(proposal());
    const first = await propose(input);
    // A retry a little later (another attempt of the same activity) must not plan again.
    const second = await propose(input, new Date(NOW.getTime() + HOUR));
    expect(second).toEqual(first);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from maintenance_orders where workflow_id = ${input.workflowId}`;
    expect(row!.n).toBe(1);
    expect(await listOrderBookings(first.id, sql)).toHaveLength(1);
    expect(await listOrderTransitions(first.id, sql)).toHaveLength(2);
  });

  it('never double-books one technician when two orders compete for the same slot at once', async () => {
    const { id: technicianId, skill } = await soleSpecialist();
    const request = () => ({
      sensorId: `eq-${randomUUID().slice(0, 8)}`,
      probability: 0.95,
      overrides: { requiredSkill: skill, requiredLevel: 3, durationMinutes: 240 },
    });
    const results = await Promise.all([
      proposeOrder(sql, request(), { now: NOW, actor: 'test', by: SYSTEM_IDENTITY }),
      proposeOrder(sql, request(), { now: NOW, actor: 'test', by: SYSTEM_IDENTITY }),
    ]);

    const bookings = liveBookings(
      await sql<Booking[]>`
      select id::text as id, technician_id, order_id, lower(period) as start, upper(period) as "end", status, created_at, released_at
      from technician_bookings where technician_id = ${technicianId}`,
    );
    for (const r of results) {
      expect(r.order.status).toBe('awaiting_approval');
      if (r.plan) expect(r.plan.technician_id).toBe(technicianId);
      else expect(r.unassignedReason).toMatch(/\w/);
    }
    expect(bookings).toHaveLength(results.filter((r) => r.plan).length);
    expect(bookings.length).toBeGreaterThanOrEqual(1);
    if (bookings.length === 2) expect(overlaps(bookings[0]!, bookings[1]!)).toBe(false);
  });

  it('re-plans against fresh bookings when a concurrent booking is committed after it read the roster', async () => {
    const { id: technicianId, skill } = await soleSpecialist();
    const outcome = await proposeWhileAnotherWorkerHolds(technicianId, skill, { start: NOW, end: new Date(NOW.getTime() + DAY) });
    // The first plan (day 1, before the competitor committed) was refused by the exclusion
    // constraint; the second one took the next free slot, on a later day.
    expect(outcome.plan).not.toBeNull();
    expect(outcome.plan!.technician_id).toBe(technicianId);
    expect(new Date(outcome.plan!.window_start).getTime()).toBeGreaterThanOrEqual(NOW.getTime() + DAY);
    expect(liveBookings(await listOrderBookings(outcome.order.id, sql))).toHaveLength(1);
  });

  it('leaves the order unassigned with the reason when fresh bookings fill every slot', async () => {
    const { id: technicianId, skill } = await soleSpecialist();
    const outcome = await proposeWhileAnotherWorkerHolds(technicianId, skill, { start: NOW, end: new Date(NOW.getTime() + 60 * DAY) });
    expect(outcome.plan).toBeNull();
    expect(outcome.order.status).toBe('awaiting_approval');
    expect(outcome.order.unassigned_code).toBe('slots_taken_by_bookings');
    expect(outcome.unassignedReason).toBe(outcome.order.unassigned_reason);
    expect(outcome.planMessage).toContain('A human must plan this order');
    expect(await listOrderBookings(outcome.order.id, sql)).toEqual([]);
  });

  it('plans a job whose deadline has already passed within the next 7 days', async () => {
    const { skill } = await soleSpecialist();
    const out = await proposeOrder(
      sql,
      {
        sensorId: `eq-${randomUUID().slice(0, 8)}`,
        probability: 0.99,
        overrides: { requiredSkill: skill, requiredLevel: 1, deadline: new Date(NOW.getTime() - 3 * DAY) },
      },
      { now: NOW, actor: 'test', by: SYSTEM_IDENTITY },
    );
    expect(out.plan).not.toBeNull();
    expect(new Date(out.plan!.window_end).getTime()).toBeLessThanOrEqual(NOW.getTime() + 7 * DAY);
    expect(out.planMessage).toContain('planned within 7 days');
    const order = (await getMaintenanceOrder(out.order.id, sql))!;
    expect((order.plan_explanation as { deadlineWasPast: boolean }).deadlineWasPast).toBe(true);
  });

  it('refuses malformed input as a non-retryable InvalidInput failure', async () => {
    const failure = await failureOf(propose(proposal({ probability: 1.5 })));
    expect(failure.type).toBe('InvalidInput');
    expect(failure.nonRetryable).toBe(true);
  });
});

describe('SchedulingAgent.applyMaintenanceDecision', () => {
  async function proposed(now = NOW) {
    const input = await storedPrediction(proposal());
    return { input, order: await propose(input, now) };
  }

  it('on approval makes the tentative booking firm and schedules the order, once', async () => {
    const { input, order } = await proposed();
    const applied = await decide({ orderId: order.id, decision: 'approved', actor: 'op-1', workflowId: input.workflowId });
    expect(applied).toEqual({ status: 'scheduled' });
    const bookings = await listOrderBookings(order.id, sql);
    expect(bookings.map((b) => b.status)).toEqual(['firm']);
    expect(bookings[0]!.start.toISOString()).toBe(order.plan!.window_start);

    const again = await decide({ orderId: order.id, decision: 'approved', actor: 'op-1', workflowId: input.workflowId });
    expect(again).toEqual({ status: 'scheduled' });
    const transitions = await listOrderTransitions(order.id, sql);
    expect(transitions.map((t) => `${t.from_status}→${t.to_status}:${t.actor}`)).toEqual([
      `null→proposed:workflow:${input.workflowId}`,
      'proposed→awaiting_approval:scheduling-agent',
      'awaiting_approval→approved:op-1',
      'approved→scheduled:scheduling-agent',
    ]);
  });

  it('on rejection releases the booking (compensation) and refuses a later approval', async () => {
    const { input, order } = await proposed();
    const applied = await decide({ orderId: order.id, decision: 'rejected', actor: 'op-2', workflowId: input.workflowId });
    expect(applied).toEqual({ status: 'rejected' });
    const [booking] = await listOrderBookings(order.id, sql);
    expect(booking!.status).toBe('released');
    expect(booking!.released_at!.toISOString()).toBe(NOW.toISOString());

    expect(await decide({ orderId: order.id, decision: 'rejected', actor: 'op-2', workflowId: input.workflowId })).toEqual({
      status: 'rejected',
    });
    expect(await listOrderTransitions(order.id, sql)).toHaveLength(3);
    const failure = await failureOf(decide({ orderId: order.id, decision: 'approved', actor: 'op-3', workflowId: input.workflowId }));
    expect(failure.type).toBe('IllegalTransition');
    expect(failure.nonRetryable).toBe(true);
  });

  it('on escalation releases the booking, and a supervisor approval later plans and books firmly again', async () => {
    const { input, order } = await proposed();
    expect(await decide({ orderId: order.id, decision: 'escalated', actor: 'system', workflowId: input.workflowId })).toEqual({
      status: 'escalated',
    });
    expect((await listOrderBookings(order.id, sql)).map((b) => b.status)).toEqual(['released']);

    const later = new Date(NOW.getTime() + 2 * HOUR);
    expect(
      await decide(
        {
          orderId: order.id,
          decision: 'approved',
          actor: 'supervisor',
          workflowId: input.workflowId,
        },
        later,
      ),
    ).toEqual({
      status: 'scheduled',
    });
    const bookings = await listOrderBookings(order.id, sql);
    expect(bookings.map((b) => b.status)).toEqual(['released', 'firm']);
    expect(bookings[1]!.start.getTime()).toBeGreaterThanOrEqual(later.getTime());
    const stored = (await getMaintenanceOrder(order.id, sql))!;
    expect(stored.window_start!.getTime()).toBe(bookings[1]!.start.getTime());
  });

  it('plans again when the approval arrives after the tentative window has started', async () => {
    const { input, order } = await proposed();
    const muchLater = new Date(NOW.getTime() + 10 * DAY);
    expect(
      await decide(
        {
          orderId: order.id,
          decision: 'approved',
          actor: 'op-4',
          workflowId: input.workflowId,
        },
        muchLater,
      ),
    ).toEqual({
      status: 'scheduled',
    });
    const bookings = await listOrderBookings(order.id, sql);
    expect(bookings.map((b) => b.status)).toEqual(['released', 'firm']);
    expect(bookings[1]!.start.getTime()).toBeGreaterThanOrEqual(muchLater.getTime());
    expect(bookings[1]!.end.getTime()).toBeLessThanOrEqual(muchLater.getTime() + 7 * DAY);
  });

  it('leaves an approved order unscheduled, with the reason, when nobody can do the job', async () => {
    const out = await proposeOrder(
      sql,
      { sensorId: `eq-${randomUUID().slice(0, 8)}`, probability: 0.8, overrides: { requiredSkill: 'underwater-welding' } },
      { now: NOW, actor: 'test', by: SYSTEM_IDENTITY },
    );
    expect(out.plan).toBeNull();
    expect(out.order.unassigned_code).toBe('no_skill');
    expect(out.order.status).toBe('awaiting_approval');

    const applied = await decide({ orderId: out.order.id, decision: 'approved', actor: 'op-5', workflowId: 'manual' });
    expect(applied).toEqual({ status: 'approved' });
    const stored = (await getMaintenanceOrder(out.order.id, sql))!;
    expect(stored.unassigned_code).toBe('no_skill');
    expect(stored.unassigned_reason).toMatch(/underwater-welding/);
    expect(await listOrderBookings(out.order.id, sql)).toEqual([]);
  });

  it('answers an unknown order with a non-retryable NotFound failure', async () => {
    const failure = await failureOf(decide({ orderId: randomUUID(), decision: 'approved', actor: 'op', workflowId: 'wf' }));
    expect(failure.type).toBe('NotFound');
    expect(failure.nonRetryable).toBe(true);
  });
});

describe('SchedulingAgent.cancelMaintenanceOrder', () => {
  it('cancels and releases the booking; a second cancel changes nothing', async () => {
    const input = await storedPrediction(proposal());
    const order = await propose(input);
    expect(await cancel({ orderId: order.id, actor: 'system', reason: 'workflow cancelled' })).toEqual({ status: 'cancelled' });
    expect((await listOrderBookings(order.id, sql)).map((b) => b.status)).toEqual(['released']);
    expect(await cancel({ orderId: order.id, actor: 'system', reason: 'again' })).toEqual({ status: 'cancelled' });
    const transitions = await listOrderTransitions(order.id, sql);
    expect(transitions.at(-1)).toMatchObject({
      from_status: 'awaiting_approval',
      to_status: 'cancelled',
      actor: 'system',
      note: 'workflow cancelled',
    });
    expect(transitions).toHaveLength(3);
  });

  it('cancels a scheduled order and frees its firm booking for the next order', async () => {
    const { id: technicianId, skill } = await soleSpecialist();
    const request = () => ({
      sensorId: `eq-${randomUUID().slice(0, 8)}`,
      probability: 0.95,
      overrides: { requiredSkill: skill, requiredLevel: 1, durationMinutes: 120 },
    });
    const first = await proposeOrder(sql, request(), { now: NOW, actor: 'test', by: SYSTEM_IDENTITY });
    await decide({ orderId: first.order.id, decision: 'approved', actor: 'op', workflowId: 'wf' });
    await cancel({ orderId: first.order.id, actor: 'op', reason: 'machine replaced' });
    const second = await proposeOrder(sql, request(), { now: NOW, actor: 'test', by: SYSTEM_IDENTITY });
    expect(second.plan).toMatchObject({ technician_id: technicianId, window_start: first.plan!.window_start });
  });

  it('leaves a completed order alone: the work was done', async () => {
    const input = await storedPrediction(proposal());
    const order = await propose(input);
    await decide({ orderId: order.id, decision: 'approved', actor: 'op', workflowId: input.workflowId });
    await sql`update maintenance_orders set status = 'completed' where id = ${order.id}`;
    expect(await cancel({ orderId: order.id, actor: 'system', reason: 'late cancel' })).toEqual({ status: 'completed' });
    expect((await listOrderBookings(order.id, sql)).map((b) => b.status)).toEqual(['firm']);
  });
});

/**
 * Another worker's transaction books `period` for the technician but has not committed when our
 * proposal reads the roster. Our booking insert then waits on the exclusion constraint; once the
 * other commits, it is refused (23P01) and the proposal must plan again against fresh bookings.
 */
async function proposeWhileAnotherWorkerHolds(
  technicianId: string,
  skill: string,
  period: { start: Date; end: Date },
): Promise<ProposalResult> {
  let proposalPromise: Promise<ProposalResult> | undefined;
  await sql.begin(async (tx) => {
    const competitor = (await insertMaintenanceOrder(
      {
        sensorId: 'competitor',
        equipment: 'competitor',
        predictionId: null,
        priority: 'urgent',
        requiredSkill: skill,
        requiredLevel: 1,
        durationMinutes: 60,
        failureProbability: 0.5,
        deadline: period.end,
        workflowId: null,
        correlationId: null,
        dedupKey: null,
      },
      tx,
    ))!;
    await tx`
      insert into technician_bookings (technician_id, order_id, period, status)
      values (${technicianId}, ${competitor.id}, tstzrange(${period.start}, ${period.end}, '[)'), 'tentative')`;
    proposalPromise = proposeOrder(
      sql,
      { sensorId: `eq-${randomUUID().slice(0, 8)}`, probability: 0.95, overrides: { requiredSkill: skill, requiredLevel: 1 } },
      { now: NOW, actor: 'test', by: SYSTEM_IDENTITY },
    );
    // Commit only once our proposal is provably blocked on the competitor's booking.
    await waitUntil(async () => {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%insert into technician_bookings%'`;
      return row!.n > 0;
    });
  });
  return proposalPromise!;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the proposal to block on the exclusion constraint');
    await new Promise((r) => setTimeout(r, 20));
  }
}
