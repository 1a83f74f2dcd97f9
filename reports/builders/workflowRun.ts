import { orderTransitionsForReport, workflowRunRows } from '../../db/reports/workflowRun';
import type { Sql } from '../../db/sql';
import type { ReportBody } from '../../domain/report';
import { round } from './buckets';

const iso = (d: Date): string => d.toISOString();

/**
 * A run report for one workflow (a Golden Path or prediction-to-maintenance run), computed from
 * what the run left in the database: its readings (by correlation id), quarantines, anomalies,
 * drift checks, prediction, order with its transitions, decisions and notifications.
 */
export async function buildWorkflowRun(sql: Sql, run: { workflowId: string; correlationId?: string }): Promise<ReportBody> {
  const corr = run.correlationId ?? null;
  const [readings, anomalies, drift, predictions, orders, decisions, notifications] = await workflowRunRows(run.workflowId, corr, sql);
  const transitions = orders.length ? await orderTransitionsForReport(orders[0]!.id, sql) : [];
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
      // Values, not a sentence: the reader's language labels and words them (domain/reportText.ts).
      decision: decision?.decision ?? null,
      decided_by: decision?.operator_id ?? null,
      decision_source: decision?.source ?? null,
      notifications_sent: notifications.filter((n) => n.status === 'sent').length,
    },
    charts: [
      {
        id: 'readings',
        title: 'Readings and anomalies',
        type: 'line',
        series: [
          { name: 'value', points: readings.map((r) => ({ x: iso(r.ts), y: r.value })) },
          { name: 'anomaly', kind: 'points', points: anomalies.map((a) => ({ x: iso(a.ts), y: a.value })) },
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
