import { maintenanceDecisionsRows } from '../../db/reports/maintenanceDecisions';
import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../../domain/report';
import { bucketStarts, iso, round } from './buckets';

const DECISIONS = ['approved', 'rejected', 'escalated'] as const;

/**
 * Maintenance and decisions: orders created in the period (with their status now), and the
 * human decisions recorded in it: by outcome, operator and source, corrections, and how long an
 * order waited for its first decision.
 */
export async function buildMaintenanceDecisions(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], byStatus, byPriority, perBucket, byOperator, orders] = await maintenanceDecisionsRows(p, sql);
  const f = figures!;
  const starts = bucketStarts(p);
  const decisionSeries = DECISIONS.map((decision) => {
    const counts = new Map(perBucket.filter((r) => r.decision === decision).map((r) => [r.bucket.getTime(), r.n]));
    return { name: decision, points: starts.map((b) => ({ x: b.toISOString(), y: counts.get(b.getTime()) ?? 0 })) };
  });

  return {
    title: 'Maintenance and decisions',
    period: { from: from.toISOString(), to: to.toISOString() },
    summary: {
      orders_created: f.orders,
      orders_with_technician: f.assigned,
      decisions: f.decisions,
      approved: f.approved,
      rejected: f.rejected,
      escalated: f.escalated,
      approval_rate: f.decisions ? round(f.approved / f.decisions) : null,
      corrections: f.corrections,
      decided_by_timeout_policy: f.by_timeout_policy,
      median_minutes_to_first_decision: round(f.median_wait_min, 1),
    },
    charts: [
      {
        id: 'orders_by_status',
        title: 'Orders by current status',
        type: 'bar',
        series: [{ name: 'orders', points: byStatus.map((r) => ({ x: r.status, y: r.n })) }],
      },
      {
        id: 'orders_by_priority',
        title: 'Orders by priority',
        type: 'bar',
        series: [{ name: 'orders', points: byPriority.map((r) => ({ x: r.priority, y: r.n })) }],
      },
      {
        id: 'decisions_by_outcome',
        title: 'Decisions by outcome',
        type: 'bar',
        series: [
          {
            name: 'decisions',
            points: [
              { x: 'approved', y: f.approved },
              { x: 'rejected', y: f.rejected },
              { x: 'escalated', y: f.escalated },
            ],
          },
        ],
      },
      { id: 'decisions', title: `Decisions per ${p.bucket}`, type: 'line', series: decisionSeries },
    ],
    tables: [
      {
        title: 'Decisions by operator',
        columns: ['operator_id', 'decisions', 'approved', 'rejected', 'escalated', 'corrections'],
        rows: byOperator.map((r) => [r.operator_id, r.n, r.approved, r.rejected, r.escalated, r.corrections]),
      },
      {
        title: 'Orders',
        columns: [
          'order_id',
          'sensor_id',
          'status',
          'priority',
          'failure_probability',
          'technician_id',
          'window_start',
          'decision',
          'created_at',
        ],
        rows: orders.map((o) => [
          o.id,
          o.sensor_id,
          o.status,
          o.priority,
          round(o.failure_probability),
          o.technician_id,
          iso(o.window_start),
          o.decision,
          iso(o.created_at),
        ]),
      },
    ],
  };
}
