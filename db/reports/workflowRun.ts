import { getSql, type Sql } from '../sql';

/**
 * The rows of a run report: what one workflow left in the database. Readings are found by the
 * run's correlation id (null finds none), everything else by the workflow id.
 */
export async function workflowRunRows(workflowId: string, corr: string | null, sql: Sql = getSql()) {
  return Promise.all([
    sql<{ ts: Date; value: number; quality: number; quarantine_reason: string | null; sensor_id: string }[]>`
      select ts, value, quality, quarantine_reason, sensor_id from sensor_readings
      where ${corr}::uuid is not null and correlation_id = ${corr}::uuid order by ts limit 5000`,
    sql<{ ts: Date; value: number; score: number; method: string; reason: string; credible: boolean | null }[]>`
      select ts, value, score, method, reason, credible from anomalies where workflow_id = ${workflowId} order by ts`,
    sql<
      {
        ks_statistic: number | null;
        p_value: number | null;
        psi: number | null;
        drift_detected: boolean;
        status: string;
        reference_count: number;
        recent_count: number;
      }[]
    >`
      select ks_statistic, p_value, psi, drift_detected, status, reference_count, recent_count from drift_checks where workflow_id = ${workflowId}`,
    sql<{ id: string; model: string; version: string; probability: number; prediction: number }[]>`
      select id, model, version, probability, prediction from predictions where workflow_id = ${workflowId}`,
    sql<
      { id: string; status: string; priority: string; technician_id: string | null; window_start: Date | null; window_end: Date | null }[]
    >`
      select id, status, priority, technician_id, window_start, window_end from maintenance_orders where workflow_id = ${workflowId}`,
    sql<{ decision: string; operator_id: string; justification: string; source: string; created_at: Date }[]>`
      select decision, operator_id, justification, source, created_at from human_decisions where workflow_id = ${workflowId} order by created_at`,
    sql<{ channel: string; recipient: string; status: string; subject: string; created_at: Date }[]>`
      select channel, recipient, status, subject, created_at from notifications where workflow_id = ${workflowId} order by created_at`,
  ]);
}

/** An order's lifecycle steps, oldest first. */
export async function orderTransitionsForReport(orderId: string, sql: Sql = getSql()) {
  return sql<{ from_status: string | null; to_status: string; actor: string; ts: Date }[]>`
    select from_status, to_status, actor, ts from order_transitions where order_id = ${orderId} order by ts, id`;
}
