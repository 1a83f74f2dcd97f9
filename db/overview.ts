import { getSql, type Sql } from './sql';

export interface OverviewCounts {
  sensors: { total: number; healthy: number; anomalous: number; silent: number; no_data: number };
  readings: { total: number; last_24h: number };
  orders_by_status: Record<string, number>;
  decisions_by_value: Record<string, number>;
  pending_decisions: number;
}

export interface RecentOrderRow {
  id: string;
  sensor_id: string;
  status: string;
  priority: string;
  technician_name: string | null;
  window_start: Date | null;
  window_end: Date | null;
  workflow_id: string | null;
  correlation_id: string | null;
  updated_at: Date;
}

/**
 * The plant's figures, counted in the database (not one process's HTTP counters). A sensor is
 * "anomalous" with a credible anomaly in the day before its last reading, "silent" when its last
 * reading is more than a day old, "no data" before its first reading, healthy otherwise.
 */
export async function overviewCounts(sql: Sql = getSql()): Promise<OverviewCounts> {
  const [sensors] = await sql<{ total: number; healthy: number; anomalous: number; silent: number; no_data: number }[]>`
    with s as (
      select s.id, s.last_ts,
             exists (select 1 from anomalies a
                     where a.sensor_id = s.id and a.credible is not false
                       and a.ts > s.last_ts - interval '24 hours' and a.ts <= s.last_ts) as anomalous
      from sensors s
    )
    select count(*)::int as total,
           count(*) filter (where last_ts is null)::int as no_data,
           count(*) filter (where last_ts is not null and anomalous)::int as anomalous,
           count(*) filter (where last_ts is not null and not anomalous and last_ts < now() - interval '24 hours')::int as silent,
           count(*) filter (where last_ts is not null and not anomalous and last_ts >= now() - interval '24 hours')::int as healthy
    from s`;
  const [readings] = await sql<{ total: number; last_24h: number }[]>`
    select coalesce(sum(reading_count), 0)::bigint::float8 as total,
           (select count(*) from sensor_readings where ts > now() - interval '24 hours')::float8 as last_24h
    from sensors`;
  const orders = await sql<{ status: string; n: number }[]>`select status, count(*)::int as n from maintenance_orders group by status`;
  const decisions = await sql<{ decision: string; n: number }[]>`
    select decision, count(*)::int as n from human_decisions group by decision`;
  const [pending] = await sql<{ n: number }[]>`
    select count(*)::int as n from decision_requests r
    where r.status = 'open' and r.deadline > now() - interval '5 minutes'
      and not exists (select 1 from human_decisions d where d.request_id = r.request_id)`;
  return {
    sensors: sensors!,
    readings: readings!,
    orders_by_status: Object.fromEntries(orders.map((o) => [o.status, o.n])),
    decisions_by_value: Object.fromEntries(decisions.map((d) => [d.decision, d.n])),
    pending_decisions: pending!.n,
  };
}

/** The orders that changed last, with their technician: "recent orders" on the overview. */
export async function recentOrders(limit: number, sql: Sql = getSql()): Promise<RecentOrderRow[]> {
  return sql<RecentOrderRow[]>`
    select o.id, o.sensor_id, o.status, o.priority, t.name as technician_name, o.window_start, o.window_end,
           o.workflow_id, o.correlation_id, o.updated_at
    from maintenance_orders o left join technicians t on t.id = o.technician_id
    order by o.updated_at desc, o.id
    limit ${limit}`;
}
