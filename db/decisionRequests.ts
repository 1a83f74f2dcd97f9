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
