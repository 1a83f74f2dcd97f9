import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../types';
import { bucketStarts, iso, round } from './buckets';

const DECISIONS = ['approved', 'rejected', 'escalated'] as const;

/**
 * Maintenance and decisions: orders created in the period (with their status now), and the
 * human decisions recorded in it: by outcome, operator and source, corrections, and how long an
 * order waited for its first decision.
 */
export async function buildMaintenanceDecisions(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], byStatus, byPriority, perBucket, byOperator, orders] = await Promise.all([
    sql<
      {
        orders: number;
        decisions: number;
        approved: number;
        rejected: number;
        escalated: number;
        corrections: number;
        by_timeout_policy: number;
        median_wait_min: number | null;
        assigned: number;
      }[]
    >`
      with d as (select * from human_decisions where created_at >= ${from} and created_at < ${to}),
           o as (select * from maintenance_orders where created_at >= ${from} and created_at < ${to}),
           first_decision as (
             select distinct on (order_id) order_id, created_at from human_decisions
             where order_id is not null and supersedes is null order by order_id, created_at)
      select
        (select count(*)::int from o) as orders,
        (select count(*)::int from d) as decisions,
        (select count(*)::int from d where decision = 'approved') as approved,
        (select count(*)::int from d where decision = 'rejected') as rejected,
        (select count(*)::int from d where decision = 'escalated') as escalated,
        (select count(*)::int from d where supersedes is not null) as corrections,
        (select count(*)::int from d where source = 'timeout_policy') as by_timeout_policy,
        (select percentile_cont(0.5) within group (order by extract(epoch from fd.created_at - o.created_at) / 60)::float8
           from o join first_decision fd on fd.order_id = o.id) as median_wait_min,
        (select count(*)::int from o where technician_id is not null) as assigned`,
    sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from maintenance_orders
      where created_at >= ${from} and created_at < ${to} group by status order by n desc, status`,
    sql<{ priority: string; n: number }[]>`
      select priority, count(*)::int as n from maintenance_orders
      where created_at >= ${from} and created_at < ${to} group by priority order by n desc, priority`,
    sql<{ bucket: Date; decision: string; n: number }[]>`
      select date_trunc(${p.bucket}, created_at, 'UTC') as bucket, decision, count(*)::int as n
      from human_decisions where created_at >= ${from} and created_at < ${to} group by 1, 2`,
    sql<{ operator_id: string; n: number; approved: number; rejected: number; escalated: number; corrections: number }[]>`
      select operator_id, count(*)::int as n,
             count(*) filter (where decision = 'approved')::int as approved,
             count(*) filter (where decision = 'rejected')::int as rejected,
             count(*) filter (where decision = 'escalated')::int as escalated,
             count(*) filter (where supersedes is not null)::int as corrections
      from human_decisions where created_at >= ${from} and created_at < ${to}
      group by operator_id order by n desc, operator_id
      limit 1000`,
    sql<
      {
        id: string;
        sensor_id: string;
        status: string;
        priority: string;
        failure_probability: number | null;
        technician_id: string | null;
        window_start: Date | null;
        decision: string | null;
        created_at: Date;
      }[]
    >`
      select o.id, o.sensor_id, o.status, o.priority, o.failure_probability, o.technician_id, o.window_start,
             (select d.decision from human_decisions d where d.order_id = o.id
                and not exists (select 1 from human_decisions c where c.supersedes = d.id)
              order by d.created_at desc limit 1) as decision,
             o.created_at
      from maintenance_orders o where o.created_at >= ${from} and o.created_at < ${to}
      order by o.created_at desc, o.id
      limit 1000`,
  ]);
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
