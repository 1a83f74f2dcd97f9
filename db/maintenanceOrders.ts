import { identityFromColumns, type Identity } from '../domain/identity';
import type { OrderStatus } from '../domain/orderLifecycle';
import type { Priority } from '../domain/routing';
import { getSql, type Sql } from './sql';

export interface MaintenanceOrder {
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
  deadline: Date | null;
  technician_id: string | null;
  window_start: Date | null;
  window_end: Date | null;
  reasons: string[];
  plan_explanation: unknown;
  unassigned_code: string | null;
  unassigned_reason: string | null;
  workflow_id: string | null;
  correlation_id: string | null;
  dedup_key: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface NewMaintenanceOrder {
  sensorId: string;
  equipment: string;
  predictionId: string | null;
  priority: Priority;
  requiredSkill: string;
  requiredLevel: number;
  durationMinutes: number;
  failureProbability: number;
  deadline: Date;
  workflowId: string | null;
  correlationId: string | null;
  /** Null for a manual order; `${workflowId}:order` for one a workflow proposes. */
  dedupKey: string | null;
}

const columns = (sql: Sql) => sql`
  id, sensor_id, equipment, prediction_id, status, priority, required_skill, required_level, duration_minutes,
  failure_probability, deadline, technician_id, window_start, window_end, reasons, plan_explanation,
  unassigned_code, unassigned_reason, workflow_id, correlation_id, dedup_key, created_at, updated_at`;

/**
 * Creates an order in `proposed`. With a dedup key already taken nothing is written and
 * `undefined` comes back: the caller reads the existing order (a retried propose).
 */
export async function insertMaintenanceOrder(o: NewMaintenanceOrder, sql: Sql = getSql()): Promise<MaintenanceOrder | undefined> {
  const [row] = await sql<MaintenanceOrder[]>`
    insert into maintenance_orders
      (sensor_id, equipment, prediction_id, status, priority, required_skill, required_level, duration_minutes,
       failure_probability, deadline, workflow_id, correlation_id, dedup_key)
    values (${o.sensorId}, ${o.equipment}, ${o.predictionId}, 'proposed', ${o.priority}, ${o.requiredSkill}, ${o.requiredLevel},
            ${o.durationMinutes}, ${o.failureProbability}, ${o.deadline}, ${o.workflowId}, ${o.correlationId}, ${o.dedupKey})
    on conflict (dedup_key) do nothing
    returning ${columns(sql)}`;
  return row;
}

export async function findOrderByDedupKey(dedupKey: string, sql: Sql = getSql()): Promise<MaintenanceOrder | undefined> {
  const [row] = await sql<MaintenanceOrder[]>`select ${columns(sql)} from maintenance_orders where dedup_key = ${dedupKey}`;
  return row;
}

export async function getMaintenanceOrder(id: string, sql: Sql = getSql()): Promise<MaintenanceOrder | undefined> {
  const [row] = await sql<MaintenanceOrder[]>`select ${columns(sql)} from maintenance_orders where id = ${id}`;
  return row;
}

/** Reads the order and holds its row lock until the transaction ends, so status changes serialise. */
export async function lockMaintenanceOrder(id: string, tx: Sql): Promise<MaintenanceOrder | undefined> {
  const [row] = await tx<MaintenanceOrder[]>`select ${columns(tx)} from maintenance_orders where id = ${id} for update`;
  return row;
}

export async function setOrderStatus(id: string, status: OrderStatus, now: Date, sql: Sql = getSql()): Promise<void> {
  await sql`update maintenance_orders set status = ${status}, updated_at = ${now} where id = ${id}`;
}

export interface OrderPlan {
  technicianId: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  reasons: string[];
  explanation: unknown;
  unassignedCode: string | null;
  unassignedReason: string | null;
}

/** Stores the optimiser's outcome: a technician and window with reasons, or the reason it stayed unassigned. */
export async function setOrderPlan(id: string, plan: OrderPlan, now: Date, sql: Sql = getSql()): Promise<void> {
  await sql`
    update maintenance_orders set
      technician_id = ${plan.technicianId}, window_start = ${plan.windowStart}, window_end = ${plan.windowEnd},
      reasons = ${sql.json(plan.reasons)}, plan_explanation = ${plan.explanation === null ? null : sql.json(plan.explanation as never)},
      unassigned_code = ${plan.unassignedCode}, unassigned_reason = ${plan.unassignedReason}, updated_at = ${now}
    where id = ${id}`;
}

export interface OrderTransition {
  id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor: string;
  note: string | null;
  ts: Date;
  /** Who made the move, as authenticated; null for transitions recorded before identities were kept. */
  by: Identity | null;
}

/** `actor` is the free text (a body's actor, `workflow:<id>`); `by` the authenticated identity. */
export async function recordOrderTransition(
  t: { orderId: string; from: OrderStatus | null; to: OrderStatus; actor: string; by: Identity | null; note?: string | null; at: Date },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    insert into order_transitions (order_id, from_status, to_status, actor, note, ts, by_kind, by_key_id, by_key_name)
    values (${t.orderId}, ${t.from}, ${t.to}, ${t.actor}, ${t.note ?? null}, ${t.at},
            ${t.by?.kind ?? null}, ${t.by?.key_id ?? null}, ${t.by?.key_name ?? null})`;
}

export async function listOrderTransitions(orderId: string, sql: Sql = getSql()): Promise<OrderTransition[]> {
  const rows = await sql<
    (Omit<OrderTransition, 'by'> & { by_kind: string | null; by_key_id: string | null; by_key_name: string | null })[]
  >`
    select t.id::text as id, t.from_status, t.to_status, t.actor, t.note, t.ts, t.by_kind, t.by_key_id, t.by_key_name
    from order_transitions t where t.order_id = ${orderId} order by t.ts, t.id`;
  return rows.map(({ by_kind, by_key_id, by_key_name, ...t }) => ({ ...t, by: identityFromColumns(by_kind, by_key_id, by_key_name) }));
}

/**
 * The technician who last held firm work on this equipment, for the continuity cost (the same
 * person knows the machine). Only orders that were actually scheduled count.
 */
export async function findLastTechnicianOnEquipment(equipment: string, sql: Sql = getSql()): Promise<string | undefined> {
  const [row] = await sql<{ technician_id: string }[]>`
    select technician_id from maintenance_orders
    where equipment = ${equipment} and technician_id is not null and status in ('scheduled', 'in_progress', 'completed', 'closed')
    order by created_at desc limit 1`;
  return row?.technician_id;
}

export interface ScheduledOrderRow {
  id: string;
  sensor_id: string;
  status: OrderStatus;
  priority: Priority;
  technician_id: string | null;
  technician_name: string | null;
  window_start: Date | null;
  window_end: Date | null;
  booking_status: 'tentative' | 'firm' | null;
  reasons: string[];
  plan_explanation: unknown;
  unassigned_code: string | null;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: Date;
}

export interface ScheduledOrderFilter {
  status?: OrderStatus;
  technicianId?: string;
  correlationId?: string;
  limit: number;
  offset: number;
}

/**
 * Orders that hold a technician's time (a live booking) or are scheduled or under way, soonest
 * window first. The window and technician come from the live booking when there is one.
 */
export async function listScheduledOrders(
  f: ScheduledOrderFilter,
  sql: Sql = getSql(),
): Promise<{ items: ScheduledOrderRow[]; total: number }> {
  const from = sql`
    from maintenance_orders o
    left join technician_bookings b on b.order_id = o.id and b.status <> 'released'
    left join technicians t on t.id = coalesce(b.technician_id, o.technician_id)
    where (b.id is not null or o.status in ('scheduled', 'in_progress'))
    ${f.status ? sql`and o.status = ${f.status}` : sql``}
    ${f.technicianId ? sql`and coalesce(b.technician_id, o.technician_id) = ${f.technicianId}` : sql``}
    ${f.correlationId ? sql`and o.correlation_id = ${f.correlationId}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    sql<ScheduledOrderRow[]>`
      select o.id, o.sensor_id, o.status, o.priority,
             coalesce(b.technician_id, o.technician_id) as technician_id, t.name as technician_name,
             coalesce(lower(b.period), o.window_start) as window_start, coalesce(upper(b.period), o.window_end) as window_end,
             b.status as booking_status, o.reasons, o.plan_explanation, o.unassigned_code, o.workflow_id, o.correlation_id, o.created_at
      ${from}
      order by coalesce(lower(b.period), o.window_start) nulls last, o.created_at, o.id
      limit ${f.limit} offset ${f.offset}`,
    sql<{ total: bigint }[]>`select count(*) as total ${from}`,
  ]);
  return { items: rows, total: Number(count?.total ?? 0) };
}

/** What an order needs to know about its sensor: its type (for the skill), equipment and location. */
export async function findSensorPlacement(
  sensorId: string,
  sql: Sql = getSql(),
): Promise<{ type: string | null; equipment: string | null; location: string | null } | undefined> {
  const [row] = await sql<{ type: string | null; equipment: string | null; location: string | null }[]>`
    select type, equipment, location from sensors where id = ${sensorId}`;
  return row;
}
