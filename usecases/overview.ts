import type postgres from 'postgres';
import { overviewCounts, recentOrders, type OverviewCounts } from '../db/overview';

export interface Overview extends OverviewCounts {
  generated_at: string;
  recent_orders: {
    id: string;
    sensor_id: string;
    status: string;
    priority: string;
    technician_name: string | null;
    window_start: string | null;
    window_end: string | null;
    workflow_id: string | null;
    correlation_id: string | null;
    updated_at: string;
  }[];
}

/** The plant at a glance, from the database: what the Overview and the Metrics page's business tab show. */
export async function plantOverview(sql: postgres.Sql): Promise<Overview> {
  const [counts, orders] = await Promise.all([overviewCounts(sql), recentOrders(8, sql)]);
  return {
    generated_at: new Date().toISOString(),
    ...counts,
    recent_orders: orders.map((o) => ({
      ...o,
      window_start: o.window_start?.toISOString() ?? null,
      window_end: o.window_end?.toISOString() ?? null,
      updated_at: o.updated_at.toISOString(),
    })),
  };
}
