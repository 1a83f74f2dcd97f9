import type { AlarmSeverity } from '../domain/alarmGrouping';
import type { DriftEvidence, HealthReason, HealthStatus } from '../domain/assetHealth';
import { getSql, type Sql } from './sql';

export interface RoleReading {
  role: string;
  sensor_id: string;
  attached_at: Date;
  ts: Date | null;
  value: number | null;
}

/** Each current role of an asset with its sensor's latest valid reading since it was attached. */
export async function latestRoleReadings(assetId: string, sql: Sql = getSql()): Promise<RoleReading[]> {
  return sql<RoleReading[]>`
    select a.role, a.sensor_id, a.attached_at, r.ts, r.value
    from asset_sensors a
    left join lateral (
      select ts, value from sensor_readings
      where sensor_id = a.sensor_id and ts >= a.attached_at and quarantine_reason is null
      order by ts desc limit 1
    ) r on true
    where a.asset_id = ${assetId} and a.detached_at is null
    order by a.role`;
}

export interface RoleWindowRow {
  role: string;
  sensor_id: string;
  ts: Date;
  value: number;
}

/** The last `n` valid readings of each current role since its attachment, oldest first per role. */
export async function roleWindows(assetId: string, n: number, sql: Sql = getSql()): Promise<RoleWindowRow[]> {
  return sql<RoleWindowRow[]>`
    select a.role, a.sensor_id, r.ts, r.value
    from asset_sensors a
    cross join lateral (
      select ts, value from sensor_readings
      where sensor_id = a.sensor_id and ts >= a.attached_at and quarantine_reason is null
      order by ts desc limit ${n}
    ) r
    where a.asset_id = ${assetId} and a.detached_at is null
    order by a.role, r.ts`;
}

export interface CausalRoleWindowRow extends RoleWindowRow {
  attached_at: Date;
  metadata: Record<string, unknown>;
}

/**
 * roleWindows as it stood at `until`: the roles attached then, their last `n` valid readings at or
 * before it. A separate query (not an optional bound on roleWindows) so each keeps its index range scan.
 */
export async function roleWindowsUntil(assetId: string, n: number, until: Date, sql: Sql = getSql()): Promise<CausalRoleWindowRow[]> {
  return sql<CausalRoleWindowRow[]>`
    select a.role, a.sensor_id, a.attached_at, r.ts, r.value, r.metadata
    from asset_sensors a
    cross join lateral (
      select ts, value, metadata from sensor_readings
      where sensor_id = a.sensor_id and ts >= a.attached_at and ts <= ${until} and quarantine_reason is null
      order by ts desc limit ${n}
    ) r
    where a.asset_id = ${assetId} and a.attached_at <= ${until} and (a.detached_at is null or a.detached_at > ${until})
    order by a.role, r.ts`;
}

/** Valid readings of a sensor in [from, to]: the cycle count of an engine's role since attachment. */
export async function countValidReadings(sensorId: string, from: Date, to: Date, sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from sensor_readings
    where sensor_id = ${sensorId} and ts >= ${from} and ts <= ${to} and quarantine_reason is null`;
  return row!.n;
}

/** Anomalies not judged non-credible on the sensors in (from, to]. */
export async function countAnomalies(sensorIds: string[], from: Date, to: Date, sql: Sql = getSql()): Promise<number> {
  if (!sensorIds.length) return 0;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from anomalies
    where sensor_id = any(${sensorIds}) and ts > ${from} and ts <= ${to} and credible is not false`;
  return row!.n;
}

/** The sensors whose latest drift check found drift (a later clean check clears a sensor). */
export async function driftedSensors(sensorIds: string[], sql: Sql = getSql()): Promise<DriftEvidence[]> {
  if (!sensorIds.length) return [];
  const rows = await sql<
    {
      sensor_id: string;
      created_at: Date;
      window_minutes: number;
      ks_statistic: number | null;
      p_value: number | null;
      psi: number | null;
    }[]
  >`
    select distinct on (sensor_id) sensor_id, created_at, window_minutes, ks_statistic, p_value, psi, drift_detected
    from drift_checks
    where sensor_id = any(${sensorIds}) and status <> 'no_data' and status <> 'insufficient_data'
    order by sensor_id, created_at desc, id desc`;
  return (rows as unknown as ((typeof rows)[number] & { drift_detected: boolean })[])
    .filter((r) => r.drift_detected)
    .map((r) => ({
      sensor_id: r.sensor_id,
      checked_at: r.created_at.toISOString(),
      window_minutes: r.window_minutes,
      ks_statistic: r.ks_statistic,
      p_value: r.p_value,
      psi: r.psi,
    }));
}

export interface EpisodeRow {
  id: string;
  asset_id: string;
  opened_at: Date;
  closed_at: Date | null;
  trigger: Record<string, unknown>;
  maintenance_workflow_id: string | null;
  started_at: Date | null;
  gate_reason: string | null;
  gate_evidence: unknown;
}

export async function findOpenEpisode(assetId: string, sql: Sql = getSql()): Promise<EpisodeRow | undefined> {
  const [row] = await sql<EpisodeRow[]>`select * from asset_episodes where asset_id = ${assetId} and closed_at is null`;
  return row;
}

/** Opens the asset's episode; when one is open already (a retried evaluation) that one comes back. */
export async function openEpisode(assetId: string, at: Date, trigger: Record<string, unknown>, sql: Sql = getSql()): Promise<EpisodeRow> {
  const [row] = await sql<EpisodeRow[]>`
    insert into asset_episodes (asset_id, opened_at, trigger) values (${assetId}, ${at}, ${sql.json(trigger as never)})
    on conflict (asset_id) where closed_at is null do nothing
    returning *`;
  return row ?? (await findOpenEpisode(assetId, sql))!;
}

export async function closeEpisode(id: string, at: Date, sql: Sql = getSql()): Promise<void> {
  await sql`update asset_episodes set closed_at = ${at} where id = ${id} and closed_at is null`;
}

export async function recordEpisodeGate(id: string, reason: string | null, evidence: unknown, sql: Sql = getSql()): Promise<void> {
  await sql`update asset_episodes set gate_reason = ${reason}, gate_evidence = ${evidence === null ? null : sql.json(evidence as never)} where id = ${id}`;
}

/** Records the flow the episode started; the first start wins (a replayed activity changes nothing). */
export async function recordEpisodeStart(id: string, workflowId: string, at: Date, sql: Sql = getSql()): Promise<void> {
  await sql`
    update asset_episodes set maintenance_workflow_id = ${workflowId}, started_at = ${at}
    where id = ${id} and maintenance_workflow_id is null`;
}

export async function listEpisodes(assetId: string, limit: number, sql: Sql = getSql()): Promise<EpisodeRow[]> {
  return sql<EpisodeRow[]>`select * from asset_episodes where asset_id = ${assetId} order by opened_at desc limit ${limit}`;
}

export interface HealthRecord {
  asset_id: string;
  evaluated_at: Date;
  data_until: Date | null;
  health: number | null;
  rul: number | null;
  rul_lower: number | null;
  rul_upper: number | null;
  rul_level: number | null;
  failure_probability: number | null;
  drifted: boolean;
  model_name: string | null;
  model_version: string | null;
  status: HealthStatus;
  reasons: HealthReason[];
  episode_id: string | null;
}

/** Stores an evaluation; with a dedup key already used nothing is written (a retried activity). */
export async function insertHealth(h: HealthRecord, dedupKey: string | null, sql: Sql = getSql()): Promise<void> {
  await sql`
    insert into asset_health (asset_id, evaluated_at, data_until, health, rul, rul_lower, rul_upper, rul_level, failure_probability,
                              drifted, model_name, model_version, status, reasons, episode_id, dedup_key)
    values (${h.asset_id}, ${h.evaluated_at}, ${h.data_until}, ${h.health}, ${h.rul}, ${h.rul_lower}, ${h.rul_upper}, ${h.rul_level},
            ${h.failure_probability}, ${h.drifted}, ${h.model_name}, ${h.model_version}, ${h.status}, ${sql.json(h.reasons as never)},
            ${h.episode_id}, ${dedupKey})
    on conflict (dedup_key) do nothing`;
}

/** The asset's evaluations, newest first. */
export async function listHealth(assetId: string, limit: number, sql: Sql = getSql()): Promise<HealthRecord[]> {
  return sql<HealthRecord[]>`
    select asset_id, evaluated_at, data_until, health, rul, rul_lower, rul_upper, rul_level, failure_probability, drifted,
           model_name, model_version, status, reasons, episode_id
    from asset_health where asset_id = ${assetId} order by evaluated_at desc, id desc limit ${limit}`;
}

/** The latest evaluation of each asset in the list. */
export async function latestHealthOf(assetIds: string[], sql: Sql = getSql()): Promise<HealthRecord[]> {
  if (!assetIds.length) return [];
  return sql<HealthRecord[]>`
    select distinct on (asset_id) asset_id, evaluated_at, data_until, health, rul, rul_lower, rul_upper, rul_level, failure_probability,
           drifted, model_name, model_version, status, reasons, episode_id
    from asset_health where asset_id = any(${assetIds}) order by asset_id, evaluated_at desc, id desc`;
}

export interface AssetOrderRow {
  id: string;
  status: string;
  priority: string;
  deadline: string | null;
  failure_probability: number | null;
  workflow_id: string | null;
  created_at: string;
}

/** The asset's orders (named as its equipment, or raised on its sensors while attached), newest first. */
export async function listAssetOrders(assetId: string, sql: Sql = getSql()): Promise<AssetOrderRow[]> {
  const rows = await sql<
    {
      id: string;
      status: string;
      priority: string;
      deadline: Date | null;
      failure_probability: number | null;
      workflow_id: string | null;
      created_at: Date;
    }[]
  >`
    select id, status, priority, deadline, failure_probability, workflow_id, created_at from maintenance_orders o
    where o.equipment = ${assetId}
       or exists (
         select 1 from asset_sensors s
         where s.asset_id = ${assetId} and s.sensor_id = o.sensor_id and o.created_at >= s.attached_at
           and (s.detached_at is null or o.created_at < s.detached_at))
    order by created_at desc limit 100`;
  return rows.map((r) => ({ ...r, deadline: r.deadline?.toISOString() ?? null, created_at: r.created_at.toISOString() }));
}

export interface AssetAlarmRow {
  asset_id: string;
  sensor_id: string;
  role: string;
  severity: AlarmSeverity;
  n: number;
}

/**
 * Unresolved (open or acknowledged) alarms on each asset's current sensors, counted by sensor and
 * severity. An alarm counts for an asset only if its sensor was already on the asset when the
 * alarm last saw an anomaly: a sensor moved from another machine does not bring that machine's alarms.
 */
export async function openAlarmsOfAssets(assetIds: string[], sql: Sql = getSql()): Promise<AssetAlarmRow[]> {
  if (!assetIds.length) return [];
  return sql<AssetAlarmRow[]>`
    select s.asset_id, s.sensor_id, s.role, al.severity, count(*)::int as n
    from asset_sensors s
    join alarms al on al.sensor_id = s.sensor_id and al.state <> 'resolved' and al.last_anomalous_ts >= s.attached_at
    where s.asset_id = any(${assetIds}) and s.detached_at is null
    group by s.asset_id, s.sensor_id, s.role, al.severity
    order by s.asset_id, s.sensor_id`;
}

/** Orders still ahead of the work: proposed, waiting for a decision, approved, scheduled or under way. */
const PENDING_ORDER_STATUSES = ['proposed', 'awaiting_approval', 'escalated', 'approved', 'scheduled', 'in_progress'];

export interface NextMaintenanceRow {
  asset_id: string;
  order_id: string;
  status: string;
  priority: string;
  window_start: Date | null;
  window_end: Date | null;
  deadline: Date | null;
}

/**
 * Each asset's next maintenance: of its pending orders, the one planned soonest (its booked window,
 * else its deadline); an order without either comes last. An order is the asset's when it names the
 * asset as its equipment, or was raised on one of the asset's sensors while it was attached.
 */
export async function nextMaintenanceOf(assetIds: string[], sql: Sql = getSql()): Promise<NextMaintenanceRow[]> {
  if (!assetIds.length) return [];
  return sql<NextMaintenanceRow[]>`
    with linked as (
      select o.equipment as asset_id, o.id, o.status, o.priority, o.window_start, o.window_end, o.deadline, o.created_at
      from maintenance_orders o
      where o.equipment = any(${assetIds}) and o.status = any(${PENDING_ORDER_STATUSES})
      union
      select s.asset_id, o.id, o.status, o.priority, o.window_start, o.window_end, o.deadline, o.created_at
      from asset_sensors s
      join maintenance_orders o on o.sensor_id = s.sensor_id and o.created_at >= s.attached_at
        and (s.detached_at is null or o.created_at < s.detached_at)
      where s.asset_id = any(${assetIds}) and o.status = any(${PENDING_ORDER_STATUSES})
    )
    select distinct on (asset_id) asset_id, id as order_id, status, priority, window_start, window_end, deadline
    from linked
    order by asset_id, coalesce(window_start, deadline) asc nulls last, created_at asc`;
}
