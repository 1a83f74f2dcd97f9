import { getSql, type Sql } from './sql';

export interface NewDriftCheck {
  sensorId: string;
  windowMinutes: number;
  referenceCount: number;
  recentCount: number;
  ksStatistic: number | null;
  pValue: number | null;
  psi: number | null;
  driftDetected: boolean;
  status: string;
  workflowId: string | null;
  dedupKey: string | null;
}

/** Stores a drift check; with a dedup key a retried activity stores it once. */
export async function insertDriftCheck(c: NewDriftCheck, sql: Sql = getSql()): Promise<void> {
  await sql`
    insert into drift_checks (sensor_id, window_minutes, reference_count, recent_count, ks_statistic, p_value, psi, drift_detected, status, workflow_id, dedup_key)
    values (${c.sensorId}, ${c.windowMinutes}, ${c.referenceCount}, ${c.recentCount}, ${c.ksStatistic}, ${c.pValue}, ${c.psi},
            ${c.driftDetected}, ${c.status}, ${c.workflowId}, ${c.dedupKey})
    on conflict (dedup_key) do nothing`;
}
