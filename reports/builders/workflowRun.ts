import type { Sql } from '../../db/sql';
import type { ReportBody } from '../types';
import { round } from './buckets';

const iso = (d: Date): string => d.toISOString();

/**
 * A run report for one workflow (a Golden Path or prediction-to-maintenance run), computed from
 * what the run left in the database: its readings (by correlation id), quarantines, anomalies,
 * drift checks, prediction, order with its transitions, decisions and notifications.
 */
export async function buildWorkflowRun(sql: Sql, run: { workflowId: string; correlationId?: string }): Promise<ReportBody> {
  const corr = run.correlationId ?? null;
  const [readings, anomalies, drift, predictions, orders, decisions, notifications] = await Promise.all([
    sql<{ ts: Date; value: number; quality: number; quarantine_reason: string | null; sensor_id: string }[]>`
      select ts, value, quality, quarantine_reason, sensor_id from sensor_readings
      where ${corr}::uuid is not null and correlation_id = ${corr}::uuid order by ts limit 5000`,
    sql<{ ts: Date; value: number; score: number; method: string; reason: string; credible: boolean | null }[]>`
      select ts, value, score, method, reason, credible from anomalies where workflow_id = ${run.workflowId} order by ts`,
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
      select ks_statistic, p_value, psi, drift_detected, status, reference_count, recent_count from drift_checks where workflow_id = ${run.workflowId}`,
    sql<{ id: string; model: string; version: string; probability: number; prediction: number }[]>`
      select id, model, version, probability, prediction from predictions where workflow_id = ${run.workflowId}`,
    sql<
      { id: string; status: string; priority: string; technician_id: string | null; window_start: Date | null; window_end: Date | null }[]
    >`
      select id, status, priority, technician_id, window_start, window_end from maintenance_orders where workflow_id = ${run.workflowId}`,
    sql<{ decision: string; operator_id: string; justification: string; source: string; created_at: Date }[]>`
      select decision, operator_id, justification, source, created_at from human_decisions where workflow_id = ${run.workflowId} order by created_at`,
    sql<{ channel: string; recipient: string; status: string; subject: string; created_at: Date }[]>`
      select channel, recipient, status, subject, created_at from notifications where workflow_id = ${run.workflowId} order by created_at`,
  ]);
  const transitions = orders.length
    ? await sql<{ from_status: string | null; to_status: string; actor: string; ts: Date }[]>`
        select from_status, to_status, actor, ts from order_transitions where order_id = ${orders[0]!.id} order by ts, id`
    : [];
  const from = readings[0]?.ts ?? null;
  const to = readings[readings.length - 1]?.ts ?? null;
  const prediction = predictions[0];
  const order = orders[0];
  const decision = decisions[decisions.length - 1];
  return {
    title: `Run report ${run.workflowId}`,
    period: { from: from ? iso(from) : '', to: to ? iso(to) : '' },
    summary: {
      workflow_id: run.workflowId,
      readings: readings.length,
      quarantined: readings.filter((r) => r.quarantine_reason).length,
      anomalies: anomalies.length,
      credible_anomalies: anomalies.filter((a) => a.credible).length,
      drift_detected: drift.length ? (drift.some((d) => d.drift_detected) ? 'yes' : 'no') : null,
      ks_p_value: drift[0]?.p_value ?? null,
      failure_probability: prediction ? round(prediction.probability, 4) : null,
      model: prediction ? `${prediction.model} ${prediction.version}` : null,
      order_status: order?.status ?? null,
      technician: order?.technician_id ?? null,
      decision: decision ? `${decision.decision} by ${decision.operator_id} (${decision.source})` : null,
      notifications_sent: notifications.filter((n) => n.status === 'sent').length,
    },
    charts: [
      {
        id: 'readings',
        title: 'Readings and anomalies',
        type: 'line',
        series: [
          { name: 'value', points: readings.map((r) => ({ x: iso(r.ts), y: r.value })) },
          { name: 'anomaly', points: anomalies.map((a) => ({ x: iso(a.ts), y: a.value })) },
        ],
      },
    ],
    tables: [
      {
        title: 'Anomalies',
        columns: ['time', 'value', 'score', 'method', 'credible', 'reason'],
        rows: anomalies.map((a) => [iso(a.ts), round(a.value, 3), round(a.score, 3), a.method, a.credible, a.reason]),
      },
      {
        title: 'Order history',
        columns: ['time', 'from', 'to', 'actor'],
        rows: transitions.map((t) => [iso(t.ts), t.from_status, t.to_status, t.actor]),
      },
      {
        title: 'Decisions',
        columns: ['time', 'decision', 'operator', 'source', 'justification'],
        rows: decisions.map((d) => [iso(d.created_at), d.decision, d.operator_id, d.source, d.justification]),
      },
      {
        title: 'Notifications',
        columns: ['time', 'channel', 'recipient', 'status', 'subject'],
        rows: notifications.map((n) => [iso(n.created_at), n.channel, n.recipient, n.status, n.subject]),
      },
    ],
  };
}
