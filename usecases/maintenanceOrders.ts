import type postgres from 'postgres';
import {
  findLiveBooking,
  insertBooking,
  isBookingOverlap,
  listOrderBookings,
  makeBookingFirm,
  releaseLiveBooking,
  type Booking,
} from '../db/bookings';
import {
  findLastTechnicianOnEquipment,
  findOrderByDedupKey,
  findSensorPlacement,
  getMaintenanceOrder,
  insertMaintenanceOrder,
  listOrderTransitions,
  lockMaintenanceOrder,
  recordOrderTransition,
  setOrderPlan,
  setOrderStatus,
  type MaintenanceOrder,
  type OrderTransition,
} from '../db/maintenanceOrders';
import { findOpenDecisionRequestForOrder } from '../db/decisionRequests';
import { findOrderSite } from '../db/sites';
import { getTechnician, loadPlanningRoster } from '../db/technicians';
import { SYSTEM_IDENTITY, type Identity } from '../domain/identity';
import { Conflict, InvalidInput, NotFound, Unavailable } from '../domain/errors';
import { assertTransition, isTerminal, RELEASING_STATUSES, type OrderStatus } from '../domain/orderLifecycle';
import type { PlanView } from '../domain/maintenanceOrder';
import { planReasonMessages } from '../domain/planReasons';
import { orderNote } from '../domain/notificationText';
import type { ServerMessage } from '../domain/serverText';
import {
  RISK_HORIZON_DAYS,
  estimatedDaysToFailure,
  jobDurationMinutes,
  probabilityForDaysToFailure,
  maintenanceDeadline,
  priorityFor,
  requiredSkill,
  type Priority,
} from '../domain/routing';
import { solveSchedule, type Assignment, type Job, type UnassignedJob } from '../scheduling';

export type { PlanView } from '../domain/maintenanceOrder';

/** The actor recorded for transitions the SchedulingAgent makes on its own. */
export const SCHEDULER_ACTOR = 'scheduling-agent';
const SCHEDULER = { actor: SCHEDULER_ACTOR, by: SYSTEM_IDENTITY };
/**
 * Local-search iterations for one order. A fixed cap (never a time budget) keeps the plan a pure
 * function of the committed bookings, the order and `now`, so a retried activity plans the same.
 */
export const SOLVER_ITERATIONS = 2_000;
/** Only a safety net against a pathological roster: one job at 2 000 iterations takes milliseconds. */
const SOLVER_SAFETY_BUDGET_MS = 5_000;

const PRIORITY_RANK: Record<Priority, number> = { low: 1, medium: 2, high: 3, urgent: 4, very_urgent: 5 };

export class OrderNotFoundError extends NotFound {
  constructor(readonly orderId: string) {
    super(`Maintenance order ${orderId} does not exist`);
    this.name = 'OrderNotFoundError';
  }
}

/** Asked to schedule firmly, but no technician can take the job without breaking a hard rule. */
export class NoSlotError extends Conflict {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {
    super(`Order ${orderId} cannot be scheduled: ${reason}`, 'no_slot');
    this.name = 'NoSlotError';
  }
}

/**
 * A workflow waits for a human decision on this order: the move is refused, and the caller is
 * pointed at the decision request (decide through POST /decisions/submit instead).
 */
export class OrderAwaitingDecisionError extends Conflict {
  constructor(orderId: string, requestId: string, workflowId: string) {
    super(
      `Order ${orderId} is held by workflow ${workflowId}, which waits for a human decision on request ${requestId}; ` +
        'submit the decision with POST /api/v1/decisions/submit instead of changing the order',
      'awaiting_decision',
      { order_id: orderId, request_id: requestId, workflow_id: workflowId, submit_path: '/api/v1/decisions/submit' },
    );
    this.name = 'OrderAwaitingDecisionError';
  }
}

/** Other workers booked the chosen slots twice in a row; a retry plans against what they committed. */
export class BookingContentionError extends Unavailable {
  constructor(readonly orderId: string) {
    super(`Order ${orderId}: the chosen slot was booked concurrently twice; retry`, 1, { code: 'booking_contention' });
    this.name = 'BookingContentionError';
  }
}

export interface OrderView {
  id: string;
  sensor_id: string;
  equipment: string | null;
  prediction_id: string | null;
  status: OrderStatus;
  priority: Priority;
  required_skill: string;
  required_level: number;
  duration_minutes: number;
  failure_probability: number | null;
  deadline: string | null;
  technician_id: string | null;
  technician_name: string | null;
  window_start: string | null;
  window_end: string | null;
  reasons: string[];
  /** The same reasons (or why it is unplanned) as codes and parameters, for a reader's language. */
  reason_messages: ServerMessage[];
  unassigned_code: string | null;
  unassigned_reason: string | null;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BookingView {
  id: string;
  technician_id: string;
  window_start: string;
  window_end: string;
  status: Booking['status'];
  created_at: string;
  released_at: string | null;
}

export interface OrderDetail extends OrderView {
  plan_explanation: unknown;
  /** The live (tentative or firm) booking, or null. */
  booking: BookingView | null;
  /** Every booking the order held, released ones included. */
  bookings: BookingView[];
  transitions: {
    from_status: OrderStatus | null;
    to_status: OrderStatus;
    actor: string;
    by: Identity | null;
    note: string | null;
    ts: string;
  }[];
}

export interface ProposalResult {
  order: OrderView;
  plan: PlanView | null;
  unassignedReason: string | null;
  /** Why the optimiser could not place the order, as a code (no_skill, ...); absent for an order proposed earlier. */
  unassignedCode?: string | null;
  planMessage: string;
  /** False when the dedup key found an order proposed earlier (a retry). */
  created: boolean;
}

export interface OrderRequest {
  sensorId: string;
  /** Chooses the skill; looked up in the sensor registry when absent. */
  sensorType?: string;
  probability: number;
  predictionId?: string | null;
  workflowId?: string | null;
  correlationId?: string | null;
  dedupKey?: string | null;
  /** A stated time to failure (the original system's predicted_failure_date); derived from the probability when absent. */
  daysToFailure?: number;
  /** The equipment the order is for; the sensor registry's (or the sensor id) when absent. */
  equipment?: string;
  /** Kept as the note of the order's first transition (the original system's maintenance_type). */
  note?: string;
  /** A planner's manual choices; anything absent is derived by the routing rules. */
  overrides?: { priority?: Priority; requiredSkill?: string; requiredLevel?: number; durationMinutes?: number; deadline?: Date };
}

/**
 * The failure estimate of a hand-made order, from what the caller states: today's
 * failure_probability, or the original system's prediction_confidence and a time to failure
 * (predicted_failure_date before time_to_failure_days). A stated time sets the deadline and the
 * priority; without a probability the probability is derived from it.
 */
export function resolveFailureEstimate(
  s: { failureProbability?: number; predictionConfidence?: number; predictedFailureDate?: Date; timeToFailureDays?: number },
  now: Date,
): { probability: number; daysToFailure?: number } {
  const daysToFailure = s.predictedFailureDate
    ? Math.max(0, (s.predictedFailureDate.getTime() - now.getTime()) / 86_400_000)
    : s.timeToFailureDays;
  const probability =
    s.failureProbability ??
    s.predictionConfidence ??
    (daysToFailure !== undefined ? probabilityForDaysToFailure(daysToFailure) : undefined);
  if (probability === undefined) {
    throw new InvalidInput([
      {
        field: 'failure_probability',
        message: 'give failure_probability, prediction_confidence, predicted_failure_date or time_to_failure_days',
      },
    ]);
  }
  return { probability, daysToFailure };
}

/** What include_report attaches to a hand-made order: the order and its plan as one JSON report. */
export function orderReport(result: ProposalResult, now: Date) {
  return {
    report_id: `order-${result.order.id}`,
    report_type: 'maintenance_order' as const,
    format: 'json' as const,
    generated_at: now.toISOString(),
    content: {
      order_id: result.order.id,
      sensor_id: result.order.sensor_id,
      equipment: result.order.equipment,
      status: result.order.status,
      priority: result.order.priority,
      deadline: result.order.deadline,
      failure_probability: result.order.failure_probability,
      plan: result.plan,
      plan_message: result.planMessage,
      unassigned_reason: result.unassignedReason,
    },
  };
}

type Tx = postgres.TransactionSql;
type Outcome = { kind: 'booked'; assignment: Assignment; booking: Booking } | { kind: 'unassigned'; unassigned: UnassignedJob };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Creates an order, plans it with the optimiser against every active technician's committed
 * bookings, holds the chosen slot with a tentative booking and leaves the order awaiting
 * approval. An unplaceable order still awaits approval, with the reason, for a human to plan.
 * With a dedup key already used, returns the earlier order without solving again.
 */
export async function proposeOrder(
  sql: postgres.Sql,
  req: OrderRequest,
  opts: { now: Date; actor: string; by: Identity },
): Promise<ProposalResult> {
  const { now } = opts;
  if (req.dedupKey) {
    const existing = await findOrderByDedupKey(req.dedupKey, sql);
    if (existing) return describeExisting(sql, existing);
  }
  const placement = await findSensorPlacement(req.sensorId, sql);
  const days = req.daysToFailure ?? estimatedDaysToFailure(req.probability);
  const o = req.overrides ?? {};
  const priority = o.priority ?? priorityFor(days);
  const skill = requiredSkill(req.sensorType ?? placement?.type ?? 'unknown', priority);

  const result = await sql.begin(async (tx) => {
    const order = await insertMaintenanceOrder(
      {
        sensorId: req.sensorId,
        equipment: req.equipment ?? placement?.equipment ?? req.sensorId,
        predictionId: req.predictionId ?? null,
        priority,
        requiredSkill: o.requiredSkill ?? skill.skill,
        requiredLevel: o.requiredLevel ?? skill.level,
        durationMinutes: o.durationMinutes ?? jobDurationMinutes(priority),
        failureProbability: req.probability,
        deadline: o.deadline ?? maintenanceDeadline(now, days),
        workflowId: req.workflowId ?? null,
        correlationId: req.correlationId ?? null,
        dedupKey: req.dedupKey ?? null,
      },
      tx,
    );
    // A concurrent propose with the same key won the insert; ours wrote nothing.
    if (!order) return undefined;
    await recordOrderTransition(
      { orderId: order.id, from: null, to: 'proposed', actor: opts.actor, by: opts.by, note: req.note ?? null, at: now },
      tx,
    );
    const outcome = await planAndBook(tx, order, now, 'tentative', placement?.location ?? undefined);
    await moveOrder(
      tx,
      order,
      'awaiting_approval',
      SCHEDULER,
      now,
      outcome.kind === 'booked'
        ? orderNote('notePlannedTentatively')
        : orderNote('noteUnplanned', { code: outcome.unassigned.code, reason: outcome.unassigned.reason }),
    );
    return { orderId: order.id, outcome };
  });

  if (!result) return describeExisting(sql, (await findOrderByDedupKey(req.dedupKey!, sql))!);
  const order = (await getMaintenanceOrder(result.orderId, sql))!;
  const view = await toOrderView(sql, order);
  if (result.outcome.kind === 'booked') {
    const plan = planOf(view)!;
    return { order: view, plan, unassignedReason: null, planMessage: bookedMessage(plan, result.outcome.assignment), created: true };
  }
  const reason = result.outcome.unassigned.reason;
  return {
    order: view,
    plan: null,
    unassignedReason: reason,
    unassignedCode: result.outcome.unassigned.code,
    planMessage: unassignedMessage(reason),
    created: true,
  };
}

/**
 * The workflow's human decision applied to the order. Approval schedules it firmly (the tentative
 * booking becomes firm, or the order is planned again when that booking is gone or already in the
 * past; with no slot left it stays approved, with the reason). Rejection and escalation give the
 * technician's time back. Applying the decision the order already reflects changes nothing.
 */
export async function applyDecision(
  sql: postgres.Sql,
  input: {
    orderId: string;
    decision: 'approved' | 'rejected' | 'escalated';
    actor: string;
    workflowId?: string | null;
    /** Who decided, as authenticated (null only for a decision payload that carried none). */
    by?: Identity | null;
  },
  now: Date,
): Promise<{ status: OrderStatus; changed: boolean }> {
  return sql.begin(async (tx) => {
    const order = await lockMaintenanceOrder(input.orderId, tx);
    if (!order) throw new OrderNotFoundError(input.orderId);
    if (alreadyReflects(order.status, input.decision)) return { status: order.status, changed: false };
    const note = input.workflowId ? orderNote('noteDecisionFromWorkflow', { workflow: input.workflowId }) : orderNote('noteDecision');
    await moveOrder(tx, order, input.decision, { actor: input.actor, by: input.by ?? null }, now, note);
    if (input.decision !== 'approved') {
      await releaseLiveBooking(order.id, now, tx);
      return { status: input.decision, changed: true };
    }
    const outcome = await firmOrReplan(tx, { ...order, status: 'approved' }, now);
    if (outcome.kind === 'unassigned') return { status: 'approved' as const, changed: true };
    await moveOrder(tx, { ...order, status: 'approved' }, 'scheduled', SCHEDULER, now, orderNote('noteBookingFirm'));
    return { status: 'scheduled' as const, changed: true };
  });
}

/**
 * Cancels the order and releases its booking (the compensation when a workflow ends early).
 * A terminal or completed order is left as it is: there is nothing left to give back.
 */
export async function cancelOrder(
  sql: postgres.Sql,
  input: { orderId: string; actor: string; reason: string },
  now: Date,
): Promise<{ status: OrderStatus; changed: boolean }> {
  return sql.begin(async (tx) => {
    const order = await lockMaintenanceOrder(input.orderId, tx);
    if (!order) throw new OrderNotFoundError(input.orderId);
    if (isTerminal(order.status) || order.status === 'completed') return { status: order.status, changed: false };
    await moveOrder(tx, order, 'cancelled', { actor: input.actor, by: SYSTEM_IDENTITY }, now, input.reason);
    await releaseLiveBooking(order.id, now, tx);
    return { status: 'cancelled' as const, changed: true };
  });
}

/**
 * A person moves the order one step (PATCH). Enforces the lifecycle; moving to `scheduled` makes
 * the booking firm (planning one if needed, NoSlotError when impossible); moving to rejected,
 * escalated or cancelled releases the booking; completed and closed keep it as history. Asking for
 * the status the order already has changes nothing. An order a workflow holds for a human decision
 * refuses every move (OrderAwaitingDecisionError): the decision goes to its request, or the
 * workflow, on receiving it, would find the order moved and fail.
 */
export async function transitionOrder(
  sql: postgres.Sql,
  input: { orderId: string; to: OrderStatus; actor: string; by: Identity; note?: string | null },
  now: Date,
): Promise<{ detail: OrderDetail; changed: boolean }> {
  const changed = await sql.begin(async (tx) => {
    const order = await lockMaintenanceOrder(input.orderId, tx);
    if (!order) throw new OrderNotFoundError(input.orderId);
    // Checked under the order's lock: the workflow opens its request before it waits, and applies
    // the decision through applyDecision, which takes the same lock.
    const held = await findOpenDecisionRequestForOrder(order.id, tx);
    if (held) throw new OrderAwaitingDecisionError(order.id, held.request_id, held.workflow_id);
    if (order.status === input.to) return false;
    assertTransition(order.status, input.to);
    if (input.to === 'scheduled') {
      const outcome = await firmOrReplan(tx, order, now);
      if (outcome.kind === 'unassigned') throw new NoSlotError(order.id, outcome.unassigned.reason);
    }
    if (RELEASING_STATUSES.includes(input.to)) await releaseLiveBooking(order.id, now, tx);
    await moveOrder(tx, order, input.to, { actor: input.actor, by: input.by }, now, input.note ?? null);
    return true;
  });
  return { detail: (await getOrderDetail(sql, input.orderId))!, changed };
}

export async function getOrderDetail(sql: postgres.Sql, orderId: string): Promise<OrderDetail | undefined> {
  const order = await getMaintenanceOrder(orderId, sql);
  if (!order) return undefined;
  const [view, bookings, transitions] = await Promise.all([
    toOrderView(sql, order),
    listOrderBookings(orderId, sql),
    listOrderTransitions(orderId, sql),
  ]);
  const bookingViews = bookings.map(toBookingView);
  return {
    ...view,
    plan_explanation: order.plan_explanation,
    booking: bookingViews.find((b) => b.status !== 'released') ?? null,
    bookings: bookingViews,
    transitions: transitions.map(toTransitionView),
  };
}

/** The plan the order carries, as the activity and the API return it. */
export function planOf(view: OrderView): PlanView | null {
  if (!view.technician_id || !view.window_start || !view.window_end) return null;
  return {
    technician_id: view.technician_id,
    technician_name: view.technician_name ?? view.technician_id,
    window_start: view.window_start,
    window_end: view.window_end,
    reasons: view.reasons,
  };
}

// ---------------------------------------------------------------------------------------------

function alreadyReflects(status: OrderStatus, decision: 'approved' | 'rejected' | 'escalated'): boolean {
  if (decision === 'approved') return ['approved', 'scheduled', 'in_progress', 'completed', 'closed'].includes(status);
  return status === decision;
}

async function moveOrder(
  tx: Tx,
  order: Pick<MaintenanceOrder, 'id' | 'status'>,
  to: OrderStatus,
  who: { actor: string; by: Identity | null },
  now: Date,
  note: string | null,
): Promise<void> {
  assertTransition(order.status, to);
  await setOrderStatus(order.id, to, now, tx);
  await recordOrderTransition({ orderId: order.id, from: order.status, to, actor: who.actor, by: who.by, note, at: now }, tx);
}

/**
 * Makes the order's tentative booking firm when it still lies ahead; otherwise (none, or its
 * window has started while the order waited for approval) plans again and books firmly.
 */
async function firmOrReplan(tx: Tx, order: MaintenanceOrder, now: Date): Promise<Outcome | { kind: 'firmed' }> {
  const live = await findLiveBooking(order.id, tx);
  if (live && live.start.getTime() >= now.getTime()) {
    await makeBookingFirm(live.id, tx);
    return { kind: 'firmed' };
  }
  if (live) await releaseLiveBooking(order.id, now, tx);
  const placement = await findSensorPlacement(order.sensor_id, tx);
  return planAndBook(tx, order, now, 'firm', placement?.location ?? undefined);
}

/**
 * Solves this one job against the committed roster and books the chosen slot. An order on an asset
 * of a site is planned among that site's technicians only (schedules never mix sites); any other
 * order among everyone, its sensor's location only weighing travel, as before sites existed.
 * When another worker committed an overlapping booking after our read, the exclusion constraint
 * refuses ours (23P01): the insert ran in a savepoint, so the transaction survives, and the job is
 * planned once more against fresh bookings.
 */
async function planAndBook(
  tx: Tx,
  order: MaintenanceOrder,
  now: Date,
  status: 'tentative' | 'firm',
  location: string | undefined,
): Promise<Outcome> {
  const lastTechnicianId = order.equipment ? await findLastTechnicianOnEquipment(order.equipment, tx) : undefined;
  const assetSite = (await findOrderSite(order.sensor_id, order.equipment, tx))?.id;
  const site = assetSite ?? location;
  for (let attempt = 0; attempt < 2; attempt++) {
    // The scheduler stays pure: the candidates are chosen here, before it sees them.
    const roster = await loadPlanningRoster(now, tx, assetSite);
    const job = jobFor(order, now, {
      site: site && roster.some((t) => t.site === site) ? site : undefined,
      lastTechnicianId: lastTechnicianId && roster.some((t) => t.id === lastTechnicianId) ? lastTechnicianId : undefined,
    });
    const result = solveSchedule(
      { technicians: roster, jobs: [job] },
      {
        now,
        seed: seedFromOrderId(order.id),
        maxIterations: SOLVER_ITERATIONS,
        timeBudgetMs: SOLVER_SAFETY_BUDGET_MS,
        clock: () => performance.now(),
      },
    );
    const unassigned = result.unassigned[0];
    if (unassigned) {
      await setOrderPlan(
        order.id,
        {
          technicianId: null,
          windowStart: null,
          windowEnd: null,
          reasons: [],
          explanation: null,
          unassignedCode: unassigned.code,
          unassignedReason: unassigned.reason,
        },
        now,
        tx,
      );
      return { kind: 'unassigned', unassigned };
    }
    const assignment = result.assignments[0]!;
    const slot = {
      technicianId: assignment.technicianId,
      orderId: order.id,
      start: new Date(assignment.start),
      end: new Date(assignment.end),
      status,
    };
    try {
      const booking = await tx.savepoint((sp) => insertBooking(slot, sp));
      await setOrderPlan(
        order.id,
        {
          technicianId: assignment.technicianId,
          windowStart: slot.start,
          windowEnd: slot.end,
          reasons: assignment.reasons,
          explanation: assignment.explanation,
          unassignedCode: null,
          unassignedReason: null,
        },
        now,
        tx,
      );
      return { kind: 'booked', assignment, booking };
    } catch (err) {
      if (!isBookingOverlap(err)) throw err;
    }
  }
  throw new BookingContentionError(order.id);
}

function jobFor(order: MaintenanceOrder, now: Date, extra: { site?: string; lastTechnicianId?: string }): Job {
  const probability = Math.min(order.failure_probability ?? 0, 1 - 1e-9);
  return {
    id: order.id,
    equipmentId: order.equipment ?? order.sensor_id,
    requiredSkill: order.required_skill,
    minLevel: order.required_level,
    durationMinutes: order.duration_minutes,
    readyAt: now.toISOString(),
    // No deadline means nothing was predicted; a past one is moved to now + 7 days by the solver.
    deadline: (order.deadline ?? now).toISOString(),
    priority: PRIORITY_RANK[order.priority],
    failureProbability: probability,
    // The classifier's probability is read over the routing horizon (see domain/routing.ts), so the
    // hazard is that horizon's, not one re-derived from the (halved) maintenance deadline.
    hazardPerHour: -Math.log(1 - probability) / (RISK_HORIZON_DAYS * 24),
    ...(extra.site ? { site: extra.site } : {}),
    ...(extra.lastTechnicianId ? { lastTechnicianId: extra.lastTechnicianId } : {}),
  };
}

/** The search's seed comes from the order, so the same order planned twice plans the same way. */
export function seedFromOrderId(orderId: string): number {
  return Number.parseInt(orderId.replace(/-/g, '').slice(0, 8), 16) || 1;
}

async function describeExisting(sql: postgres.Sql, order: MaintenanceOrder): Promise<ProposalResult> {
  const view = await toOrderView(sql, order);
  const plan = planOf(view);
  if (plan) return { order: view, plan, unassignedReason: null, planMessage: bookedMessage(plan), created: false };
  const reason = order.unassigned_reason ?? 'no plan is recorded for this order';
  return { order: view, plan: null, unassignedReason: reason, planMessage: unassignedMessage(reason), created: false };
}

function bookedMessage(plan: PlanView, assignment?: Assignment): string {
  const pastDeadline = assignment?.explanation.deadlineWasPast
    ? ' The predicted deadline had already passed, so it is planned within 7 days.'
    : '';
  return `Planned tentatively for ${plan.technician_name} (${plan.technician_id}) from ${plan.window_start} to ${plan.window_end}; awaiting approval.${pastDeadline}`;
}

function unassignedMessage(reason: string): string {
  return `Not planned: ${reason} A human must plan this order.`;
}

async function toOrderView(sql: postgres.Sql, o: MaintenanceOrder): Promise<OrderView> {
  const technician = o.technician_id ? await getTechnician(o.technician_id, sql) : undefined;
  return {
    id: o.id,
    sensor_id: o.sensor_id,
    equipment: o.equipment,
    prediction_id: o.prediction_id,
    status: o.status,
    priority: o.priority,
    required_skill: o.required_skill,
    required_level: o.required_level,
    duration_minutes: o.duration_minutes,
    failure_probability: o.failure_probability,
    deadline: iso(o.deadline),
    technician_id: o.technician_id,
    technician_name: technician?.name ?? null,
    window_start: iso(o.window_start),
    window_end: iso(o.window_end),
    reasons: o.reasons,
    reason_messages: planReasonMessages(o.plan_explanation, technician?.name ?? null, o.unassigned_code),
    unassigned_code: o.unassigned_code,
    unassigned_reason: o.unassigned_reason,
    workflow_id: o.workflow_id,
    correlation_id: o.correlation_id,
    created_at: o.created_at.toISOString(),
    updated_at: o.updated_at.toISOString(),
  };
}

function toBookingView(b: Booking): BookingView {
  return {
    id: b.id,
    technician_id: b.technician_id,
    window_start: b.start.toISOString(),
    window_end: b.end.toISOString(),
    status: b.status,
    created_at: b.created_at.toISOString(),
    released_at: iso(b.released_at),
  };
}

function toTransitionView(t: OrderTransition) {
  return { from_status: t.from_status, to_status: t.to_status, actor: t.actor, by: t.by, note: t.note, ts: t.ts.toISOString() };
}
