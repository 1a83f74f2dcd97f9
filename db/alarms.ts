import { getSql, type Sql } from './sql';

export type AlarmState = 'open' | 'acknowledged' | 'resolved';

export interface AlarmRow {
  id: string;
  sensor_id: string;
  source: 'streaming' | 'monitoring';
  kind: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  state: AlarmState;
  start_ts: Date;
  end_ts: Date | null;
  last_anomalous_ts: Date;
  peak_score: number;
  peak_value: number | null;
  peak_ts: Date | null;
  readings: number;
  historical: boolean;
  assigned_to: string | null;
  escalation_level: number;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_cause: string | null;
  maintenance_workflow_id: string | null;
  workflow_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export interface NewAlarm {
  id: string;
  sensorId: string;
  source: AlarmRow['source'];
  kind: string;
  severity: AlarmRow['severity'];
  state: AlarmState;
  startTs: Date;
  endTs: Date | null;
  lastAnomalousTs: Date;
  peakScore: number;
  peakValue: number | null;
  peakTs: Date | null;
  readings: number;
  historical: boolean;
  resolutionCause: string | null;
  dedupKey: string;
  details: Record<string, unknown>;
}

/** Inserts once per dedup key; returns the stored alarm and whether this call created it. */
export async function insertAlarm(a: NewAlarm, sql: Sql = getSql()): Promise<{ alarm: AlarmRow; created: boolean }> {
  const [created] = await sql<AlarmRow[]>`
    insert into alarms (id, sensor_id, source, kind, severity, state, start_ts, end_ts, last_anomalous_ts, peak_score,
      peak_value, peak_ts, readings, historical, resolved_at, resolution_cause, dedup_key, details)
    values (${a.id}, ${a.sensorId}, ${a.source}, ${a.kind}, ${a.severity}, ${a.state}, ${a.startTs}, ${a.endTs},
      ${a.lastAnomalousTs}, ${a.peakScore}, ${a.peakValue}, ${a.peakTs}, ${a.readings}, ${a.historical},
      ${a.state === 'resolved' ? new Date() : null}, ${a.resolutionCause}, ${a.dedupKey}, ${sql.json(a.details as never)})
    on conflict (dedup_key) do nothing
    returning *`;
  if (created) return { alarm: created, created: true };
  const [existing] = await sql<AlarmRow[]>`select * from alarms where dedup_key = ${a.dedupKey}`;
  return { alarm: existing!, created: false };
}

/** A stretch that went on: later last reading, maybe a higher peak; `endTs` null while it lasts. */
export async function updateAlarmSpan(
  dedupKey: string,
  s: {
    lastAnomalousTs: Date;
    endTs: Date | null;
    peakScore: number;
    peakValue: number;
    peakTs: Date;
    readings: number;
    severity: AlarmRow['severity'];
  },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    update alarms set last_anomalous_ts = greatest(last_anomalous_ts, ${s.lastAnomalousTs}), end_ts = ${s.endTs},
      peak_score = ${s.peakScore}, peak_value = ${s.peakValue}, peak_ts = ${s.peakTs}, readings = ${s.readings},
      severity = ${s.severity}, updated_at = now()
    where dedup_key = ${dedupKey}`;
}

export async function getAlarm(id: string, sql: Sql = getSql()): Promise<AlarmRow | undefined> {
  const [row] = await sql<AlarmRow[]>`select * from alarms where id = ${id}`;
  return row;
}

export interface AlarmFilters {
  state?: AlarmState[];
  sensorId?: string;
  severity?: AlarmRow['severity'][];
  from?: Date;
  to?: Date;
  historical?: boolean;
  limit: number;
  offset: number;
}

/** Newest first, with the total for paging. */
export async function listAlarms(f: AlarmFilters, sql: Sql = getSql()): Promise<{ items: AlarmRow[]; total: number }> {
  const where = sql`
    where true
    ${f.state?.length ? sql`and state = any(${f.state}::text[])` : sql``}
    ${f.sensorId ? sql`and sensor_id = ${f.sensorId}` : sql``}
    ${f.severity?.length ? sql`and severity = any(${f.severity}::text[])` : sql``}
    ${f.from ? sql`and coalesce(end_ts, last_anomalous_ts) >= ${f.from}` : sql``}
    ${f.to ? sql`and start_ts < ${f.to}` : sql``}
    ${f.historical === undefined ? sql`` : sql`and historical = ${f.historical}`}`;
  const items = await sql<AlarmRow[]>`select * from alarms ${where} order by start_ts desc, id limit ${f.limit} offset ${f.offset}`;
  const [count] = await sql<{ n: bigint }[]>`select count(*) as n from alarms ${where}`;
  return { items, total: Number(count?.n ?? 0) };
}

export interface AlarmEventRow {
  id: bigint;
  type: string;
  actor: string | null;
  at: Date;
  details: Record<string, unknown>;
}

/** Appends to the timeline once per dedup key (a retried activity writes nothing twice). */
export async function recordAlarmEvent(
  e: { alarmId: string; type: string; actor: string | null; details?: Record<string, unknown>; dedupKey: string | null; at?: Date },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    insert into alarm_events (alarm_id, type, actor, details, dedup_key, at)
    values (${e.alarmId}, ${e.type}, ${e.actor}, ${sql.json((e.details ?? {}) as never)}, ${e.dedupKey}, ${e.at ?? new Date()})
    on conflict (dedup_key) do nothing`;
}

export async function alarmTimeline(alarmId: string, sql: Sql = getSql()): Promise<AlarmEventRow[]> {
  return sql<AlarmEventRow[]>`select id, type, actor, at, details from alarm_events where alarm_id = ${alarmId} order by at, id`;
}

/** Applies a lifecycle step decided by the alarm's workflow (the workflow has checked the transition). */
export async function applyAlarmState(
  id: string,
  s: {
    state?: AlarmState;
    assignedTo?: string | null;
    acknowledgedBy?: string;
    resolvedBy?: string;
    resolutionCause?: string;
    escalationLevel?: number;
    maintenanceWorkflowId?: string;
    workflowId?: string;
  },
  sql: Sql = getSql(),
): Promise<AlarmRow | undefined> {
  const [row] = await sql<AlarmRow[]>`
    update alarms set
      state = coalesce(${s.state ?? null}, state),
      assigned_to = ${s.assignedTo === undefined ? sql`assigned_to` : s.assignedTo},
      acknowledged_at = ${s.acknowledgedBy ? sql`coalesce(acknowledged_at, now())` : sql`acknowledged_at`},
      acknowledged_by = coalesce(acknowledged_by, ${s.acknowledgedBy ?? null}),
      resolved_at = ${s.resolvedBy ? sql`coalesce(resolved_at, now())` : sql`resolved_at`},
      resolved_by = coalesce(resolved_by, ${s.resolvedBy ?? null}),
      resolution_cause = coalesce(resolution_cause, ${s.resolutionCause ?? null}),
      escalation_level = greatest(escalation_level, ${s.escalationLevel ?? 0}),
      maintenance_workflow_id = coalesce(maintenance_workflow_id, ${s.maintenanceWorkflowId ?? null}),
      workflow_id = coalesce(workflow_id, ${s.workflowId ?? null}),
      updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

/** Open and acknowledged alarms per severity (the Prometheus gauge and the navigation badge). */
export async function unresolvedAlarmCounts(sql: Sql = getSql()): Promise<{ state: AlarmState; severity: string; n: number }[]> {
  const rows = await sql<{ state: AlarmState; severity: string; n: bigint }[]>`
    select state, severity, count(*) as n from alarms where state <> 'resolved' group by state, severity`;
  return rows.map((r) => ({ state: r.state, severity: r.severity, n: Number(r.n) }));
}

/** Alarms started in [from, to): the performance report's input. */
/**
 * Alarms raised in [from, to), each with the site of the asset its sensor was attached to when it
 * started ('' when the sensor was on no asset, or its asset names no site).
 */
export async function alarmsStartedBetween(from: Date, to: Date, sql: Sql = getSql()): Promise<(AlarmRow & { site: string })[]> {
  return sql<(AlarmRow & { site: string })[]>`
    select a.*, coalesce((
      select s.site from asset_sensors x join assets s on s.id = x.asset_id
      where x.sensor_id = a.sensor_id and x.attached_at <= a.start_ts and (x.detached_at is null or x.detached_at > a.start_ts)
      limit 1), '') as site
    from alarms a where a.start_ts >= ${from} and a.start_ts < ${to} order by a.start_ts`;
}

/** The readings of a sensor in [from, to], oldest first, for the alarm's chart. */
export async function readingsAround(
  sensorId: string,
  from: Date,
  to: Date,
  limit: number,
  sql: Sql = getSql(),
): Promise<{ ts: Date; value: number }[]> {
  return sql<{ ts: Date; value: number }[]>`
    select ts, value from sensor_readings where sensor_id = ${sensorId} and ts >= ${from} and ts <= ${to}
    order by ts limit ${limit}`;
}

/** A sensor's live alarms since `since` whose lifecycle has not started (a retried caller finds them again). */
export async function unstartedAlarmsOfSensor(sensorId: string, since: Date, sql: Sql = getSql()): Promise<AlarmRow[]> {
  return sql<AlarmRow[]>`
    select * from alarms where sensor_id = ${sensorId} and workflow_id is null and state <> 'resolved' and not historical
      and start_ts >= ${since}
    order by start_ts`;
}

/** When any alarm last changed (raised, moved on, or its stretch updated). */
export async function alarmsChangedSince(sql: Sql = getSql()): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`select max(updated_at) as at from alarms`;
  return row?.at ?? null;
}

/** Timeline entries ever recorded, by type (the Prometheus counters). */
export async function alarmEventTotals(sql: Sql = getSql()): Promise<Record<string, number>> {
  const rows = await sql<{ type: string; n: bigint }[]>`select type, count(*) as n from alarm_events group by type`;
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

/** Acknowledgements after a timeline id, with the seconds from the alarm's creation to each. */
export async function acknowledgementsAfter(id: bigint, sql: Sql = getSql()): Promise<{ id: bigint; seconds: number }[]> {
  return sql<{ id: bigint; seconds: number }[]>`
    select e.id, extract(epoch from e.at - a.created_at)::float8 as seconds
    from alarm_events e join alarms a on a.id = e.alarm_id
    where e.type = 'acknowledged' and e.id > ${id.toString()}
    order by e.id limit 10000`;
}
