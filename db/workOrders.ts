import type { OrderStatus } from '../domain/orderLifecycle';
import type { Priority } from '../domain/routing';
import { getSql, type Sql } from './sql';

/** One row of the work-order list: the order with the technician and window it holds now. */
export interface WorkOrderRow {
  id: string;
  sensor_id: string;
  equipment: string | null;
  status: OrderStatus;
  priority: Priority;
  technician_id: string | null;
  technician_name: string | null;
  window_start: Date | null;
  window_end: Date | null;
  deadline: Date | null;
  failure_probability: number | null;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface WorkOrderFilter {
  status?: OrderStatus[];
  priority?: Priority;
  technicianId?: string;
  /** Matches the sensor id or the equipment. */
  sensorId?: string;
  /** Orders whose window overlaps [windowFrom, windowTo). */
  windowFrom?: Date;
  windowTo?: Date;
  limit: number;
  offset: number;
}

/**
 * Every order, whatever its status (unlike listScheduledOrders, which only lists those holding a
 * technician), newest first. The technician and window come from the live booking when there is
 * one, else from the plan the order keeps.
 */
export async function listWorkOrders(f: WorkOrderFilter, sql: Sql = getSql()): Promise<{ items: WorkOrderRow[]; total: number }> {
  const from = sql`
    from maintenance_orders o
    left join technician_bookings b on b.order_id = o.id and b.status <> 'released'
    left join technicians t on t.id = coalesce(b.technician_id, o.technician_id)
    where true
    ${f.status?.length ? sql`and o.status in ${sql(f.status)}` : sql``}
    ${f.priority ? sql`and o.priority = ${f.priority}` : sql``}
    ${f.technicianId ? sql`and coalesce(b.technician_id, o.technician_id) = ${f.technicianId}` : sql``}
    ${f.sensorId ? sql`and (o.sensor_id = ${f.sensorId} or o.equipment = ${f.sensorId})` : sql``}
    ${f.windowFrom ? sql`and coalesce(upper(b.period), o.window_end) > ${f.windowFrom}` : sql``}
    ${f.windowTo ? sql`and coalesce(lower(b.period), o.window_start) < ${f.windowTo}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    sql<WorkOrderRow[]>`
      select o.id, o.sensor_id, o.equipment, o.status, o.priority,
             coalesce(b.technician_id, o.technician_id) as technician_id, t.name as technician_name,
             coalesce(lower(b.period), o.window_start) as window_start, coalesce(upper(b.period), o.window_end) as window_end,
             o.deadline, o.failure_probability, o.workflow_id, o.correlation_id, o.created_at, o.updated_at
      ${from}
      order by o.created_at desc, o.id
      limit ${f.limit} offset ${f.offset}`,
    sql<{ total: bigint }[]>`select count(*) as total ${from}`,
  ]);
  return { items: rows, total: Number(count?.total ?? 0) };
}

export interface OrderEvidence {
  prediction: {
    id: string;
    model: string;
    version: string;
    probability: number;
    has_explanation: boolean;
    created_at: Date;
  } | null;
  decisions: { id: string; request_id: string; decision: string; operator_id: string; justification: string; created_at: Date }[];
  reports: { id: string; report_type: string; created_at: Date }[];
  /** The open request when a workflow waits for a human decision on this order. */
  open_request: { request_id: string; workflow_id: string; deadline: Date } | null;
}

/**
 * What an order rests on: the prediction that raised it, the human decisions taken on it, and the
 * reports its workflow (or its correlation id) produced.
 */
export async function findOrderEvidence(
  order: { id: string; prediction_id: string | null; workflow_id: string | null; correlation_id: string | null },
  sql: Sql = getSql(),
): Promise<OrderEvidence> {
  const [predictions, decisions, reports, requests] = await Promise.all([
    order.prediction_id
      ? sql<NonNullable<OrderEvidence['prediction']>[]>`
          select id, model, version, probability, explanation is not null as has_explanation, created_at
          from predictions where id = ${order.prediction_id}`
      : Promise.resolve([]),
    sql<OrderEvidence['decisions']>`
      select id, request_id, decision, operator_id, justification, created_at
      from human_decisions where order_id = ${order.id} order by created_at, id`,
    order.workflow_id || order.correlation_id
      ? sql<OrderEvidence['reports']>`
          select id, report_type, created_at from reports
          where ${order.workflow_id ? sql`workflow_id = ${order.workflow_id}` : sql`false`}
             or ${order.correlation_id ? sql`(report_type = 'workflow_run' and correlation_id = ${order.correlation_id})` : sql`false`}
          order by created_at desc limit 20`
      : Promise.resolve([]),
    sql<NonNullable<OrderEvidence['open_request']>[]>`
      select request_id, workflow_id, deadline from decision_requests where order_id = ${order.id} and status = 'open'
      order by created_at desc limit 1`,
  ]);
  return { prediction: predictions[0] ?? null, decisions, reports, open_request: requests[0] ?? null };
}
