import { getSql, type Sql } from '../sql';
import type { ReportWindow } from './window';

/** The rows of the maintenance-and-decisions report: figures, orders by status and priority, decisions per bucket and operator, orders. */
export async function maintenanceDecisionsRows(p: ReportWindow, sql: Sql = getSql()) {
  const { from, to } = p;
  return Promise.all([
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
}
