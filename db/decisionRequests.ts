import { getSql, type Sql } from './sql';

export interface DecisionRequest {
  request_id: string;
  workflow_id: string;
  order_id: string | null;
  correlation_id: string | null;
  status: 'open' | 'decided' | 'expired';
  deadline: Date;
  created_at: Date;
  closed_at: Date | null;
}

/** Idempotent: reopening the same request id returns the existing row. */
export async function openDecisionRequest(
  r: {
    requestId: string;
    workflowId: string;
    orderId: string | null;
    correlationId: string | null;
    deadline: Date;
    context?: Record<string, unknown>;
  },
  sql: Sql = getSql(),
): Promise<DecisionRequest> {
  await sql`
    insert into decision_requests (request_id, workflow_id, order_id, correlation_id, status, deadline, context)
    values (${r.requestId}, ${r.workflowId}, ${r.orderId}, ${r.correlationId}, 'open', ${r.deadline}, ${sql.json((r.context ?? {}) as never)})
    on conflict (request_id) do nothing`;
  return (await findDecisionRequest(r.requestId, sql))!;
}

export async function findDecisionRequest(requestId: string, sql: Sql = getSql()): Promise<DecisionRequest | undefined> {
  const [row] = await sql<DecisionRequest[]>`
    select request_id, workflow_id, order_id, correlation_id, status, deadline, created_at, closed_at
    from decision_requests where request_id = ${requestId}`;
  return row;
}

export async function closeDecisionRequest(requestId: string, status: 'decided' | 'expired', sql: Sql = getSql()): Promise<void> {
  await sql`update decision_requests set status = ${status}, closed_at = coalesce(closed_at, now()) where request_id = ${requestId} and status = 'open'`;
}

/**
 * The open request a workflow holds for this order, if any: while it is open, the decision belongs
 * to that request, so nothing else may move the order.
 */
export async function findOpenDecisionRequestForOrder(orderId: string, sql: Sql = getSql()): Promise<DecisionRequest | undefined> {
  const [row] = await sql<DecisionRequest[]>`
    select request_id, workflow_id, order_id, correlation_id, status, deadline, created_at, closed_at
    from decision_requests where order_id = ${orderId} and status = 'open'
    order by created_at desc limit 1`;
  return row;
}

export interface PendingDecisionRow {
  request_id: string;
  workflow_id: string;
  correlation_id: string | null;
  deadline: Date;
  created_at: Date;
  context: Record<string, unknown>;
  order_id: string | null;
  sensor_id: string | null;
  equipment: string | null;
  priority: string | null;
  order_status: string | null;
  failure_probability: number | null;
  technician_id: string | null;
  technician_name: string | null;
  window_start: Date | null;
  window_end: Date | null;
  order_deadline: Date | null;
}

/**
 * The requests a person still has to decide, the nearest deadline first, each with the order it
 * is about. A request whose deadline passed more than `graceMinutes` ago is left out: its workflow
 * has applied the timeout policy or is gone (terminated), and the inbox is for what can be acted on.
 */
export async function listPendingDecisions(f: { limit: number; graceMinutes: number }, sql: Sql = getSql()): Promise<PendingDecisionRow[]> {
  return sql<PendingDecisionRow[]>`
    select r.request_id, r.workflow_id, r.correlation_id, r.deadline, r.created_at, r.context,
           o.id as order_id, o.sensor_id, o.equipment, o.priority, o.status as order_status, o.failure_probability,
           o.technician_id, t.name as technician_name, o.window_start, o.window_end, o.deadline as order_deadline
    from decision_requests r
    left join maintenance_orders o on o.id = r.order_id
    left join technicians t on t.id = o.technician_id
    where r.status = 'open' and r.deadline > now() - make_interval(mins => ${f.graceMinutes})
      -- The decision is recorded a moment before the workflow closes its request: decided is decided.
      -- A four-eyes first approval (the workflow records it under '<workflow id>:first-approval')
      -- is not the decision: the request stays in the inbox for the second person.
      and not exists (select 1 from human_decisions d where d.request_id = r.request_id and d.dedup_key not like '%:first-approval')
    order by r.deadline asc, r.request_id
    limit ${f.limit}`;
}
