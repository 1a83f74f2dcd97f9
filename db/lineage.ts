/**
 * The rows a lineage joins (usecases/lineage.ts). Each query is keyed by what the run left behind:
 * the workflow id every agent writes, the order's prediction, the prediction's recorded readings.
 */
import type { PredictionCore } from './predictionExplanations';
import { getSql, type Sql } from './sql';

export interface LineagePrediction extends PredictionCore {
  threshold: number | null;
  artifact_sha256: string | null;
  input_reading_ids: string[] | null;
  input_from: Date | null;
  input_to: Date | null;
  feature_derivation: Record<string, string> | null;
  workflow_id: string | null;
  correlation_id: string | null;
  dedup_key: string | null;
  created_at: Date;
}

const predictionColumns = (sql: Sql) => sql`
  id, model, version, stage, sensor_id, features, probability, prediction, explanation, threshold, artifact_sha256,
  input_reading_ids::text[] as input_reading_ids, input_from, input_to, feature_derivation, workflow_id, correlation_id, dedup_key, created_at`;

export async function lineagePrediction(id: string, sql: Sql = getSql()): Promise<LineagePrediction | undefined> {
  const [row] = await sql<LineagePrediction[]>`select ${predictionColumns(sql)} from predictions where id = ${id}`;
  return row;
}

/** The prediction a workflow made (the first, should it have made several). */
export async function lineagePredictionOfWorkflow(workflowId: string, sql: Sql = getSql()): Promise<LineagePrediction | undefined> {
  const [row] = await sql<LineagePrediction[]>`
    select ${predictionColumns(sql)} from predictions where workflow_id = ${workflowId} order by created_at, id limit 1`;
  return row;
}

export interface LineageReading {
  id: string;
  ts: Date;
  value: number;
  quality: number;
  quarantine_reason: string | null;
}

/** Readings by id, oldest first (ids are unique across partitions: one identity sequence). */
export async function readingsByIds(ids: readonly string[], sql: Sql = getSql()): Promise<LineageReading[]> {
  if (ids.length === 0) return [];
  return sql<LineageReading[]>`
    select id::text as id, ts, value, quality, quarantine_reason from sensor_readings
    where id = any(${ids as string[]}::bigint[]) order by ts, id`;
}

/** Every reading of a run (sensor + correlation id), quarantined ones included, oldest first. */
export async function readingsOfCorrelation(sensorId: string, correlationId: string, sql: Sql = getSql()): Promise<LineageReading[]> {
  return sql<LineageReading[]>`
    select id::text as id, ts, value, quality, quarantine_reason from sensor_readings
    where sensor_id = ${sensorId} and correlation_id = ${correlationId} order by ts, id`;
}

export interface LineageOrder {
  id: string;
  sensor_id: string;
  equipment: string | null;
  prediction_id: string | null;
  status: string;
  priority: string;
  failure_probability: number | null;
  technician_id: string | null;
  window_start: Date | null;
  window_end: Date | null;
  reasons: string[];
  workflow_id: string | null;
  correlation_id: string | null;
  dedup_key: string | null;
  created_at: Date;
  updated_at: Date;
}

const orderColumns = (sql: Sql) => sql`
  id, sensor_id, equipment, prediction_id, status, priority, failure_probability, technician_id, window_start, window_end,
  reasons, workflow_id, correlation_id, dedup_key, created_at, updated_at`;

export async function lineageOrder(id: string, sql: Sql = getSql()): Promise<LineageOrder | undefined> {
  const [row] = await sql<LineageOrder[]>`select ${orderColumns(sql)} from maintenance_orders where id = ${id}`;
  return row;
}

/** The orders a run produced: by its workflow, or (a manual order) by the prediction it cites. */
export async function lineageOrdersOf(f: { workflowId: string | null; predictionId: string | null }, sql: Sql = getSql()) {
  return sql<LineageOrder[]>`
    select ${orderColumns(sql)} from maintenance_orders
    where (${f.workflowId}::text is not null and workflow_id = ${f.workflowId})
       or (${f.predictionId}::uuid is not null and prediction_id = ${f.predictionId}::uuid)
    order by created_at, id`;
}

export interface LineageDecisionRef {
  id: string;
  order_id: string | null;
  workflow_id: string | null;
  request_id: string;
}

export async function lineageDecisionRef(id: string, sql: Sql = getSql()): Promise<LineageDecisionRef | undefined> {
  const [row] = await sql<LineageDecisionRef[]>`select id, order_id, workflow_id, request_id from human_decisions where id = ${id}`;
  return row;
}

/** Every decision on the run's orders or requests, corrections included, oldest first. */
export async function lineageDecisionIds(f: { orderIds: string[]; workflowId: string | null }, sql: Sql = getSql()): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from human_decisions
    where order_id = any(${f.orderIds}::uuid[]) or (${f.workflowId}::text is not null and workflow_id = ${f.workflowId})
       or request_id in (select request_id from human_decisions where order_id = any(${f.orderIds}::uuid[]))
    order by created_at, id`;
  return rows.map((r) => r.id);
}

export async function lineageAnomalies(workflowId: string, sql: Sql = getSql()) {
  return sql<
    {
      id: string;
      reading_id: string | null;
      ts: Date;
      value: number;
      score: number;
      method: string;
      credible: boolean | null;
      dedup_key: string | null;
    }[]
  >`
    select id::text as id, reading_id::text as reading_id, ts, value, score, method, credible, dedup_key
    from anomalies where workflow_id = ${workflowId} order by ts, id`;
}

export async function lineageDriftChecks(workflowId: string, sql: Sql = getSql()) {
  return sql<
    {
      id: string;
      sensor_id: string;
      window_minutes: number;
      reference_count: number;
      recent_count: number;
      ks_statistic: number | null;
      p_value: number | null;
      psi: number | null;
      drift_detected: boolean;
      status: string;
      dedup_key: string | null;
      created_at: Date;
    }[]
  >`
    select id::text as id, sensor_id, window_minutes, reference_count, recent_count, ks_statistic, p_value, psi, drift_detected,
           status, dedup_key, created_at
    from drift_checks where workflow_id = ${workflowId} order by created_at, id`;
}

export async function lineageBookings(orderIds: string[], sql: Sql = getSql()) {
  return sql<
    {
      id: string;
      order_id: string;
      technician_id: string;
      start: Date;
      end: Date;
      status: string;
      created_at: Date;
      released_at: Date | null;
    }[]
  >`
    select id::text as id, order_id, technician_id, lower(period) as start, upper(period) as "end", status, created_at, released_at
    from technician_bookings where order_id = any(${orderIds}::uuid[]) order by created_at, id`;
}

export async function lineageNotifications(workflowId: string, sql: Sql = getSql()) {
  return sql<
    {
      id: string;
      channel: string;
      recipient: string;
      subject: string;
      status: string;
      attempt: number;
      dedup_key: string;
      created_at: Date;
    }[]
  >`
    select id::text as id, channel, recipient, subject, status, attempt, dedup_key, created_at
    from notifications where workflow_id = ${workflowId} order by created_at, id`;
}

export interface LineageReport {
  id: string;
  report_type: string;
  parameters: Record<string, unknown>;
  workflow_id: string | null;
  correlation_id: string | null;
  dedup_key: string | null;
  created_at: Date;
}

const reportColumns = (sql: Sql) => sql`id, report_type, parameters, workflow_id, correlation_id, dedup_key, created_at`;

export async function lineageReport(id: string, sql: Sql = getSql()): Promise<LineageReport | undefined> {
  const [row] = await sql<LineageReport[]>`select ${reportColumns(sql)} from reports where id = ${id}`;
  return row;
}

export async function lineageReportsOfWorkflow(workflowId: string, sql: Sql = getSql()): Promise<LineageReport[]> {
  return sql<LineageReport[]>`select ${reportColumns(sql)} from reports where workflow_id = ${workflowId} order by created_at, id`;
}

export interface LineageAlarmEvent {
  id: string;
  type: string;
  actor: string | null;
  at: Date;
  details: Record<string, unknown>;
  dedup_key: string | null;
}

/** An alarm's timeline with the dedup keys that name the activity which wrote each entry. */
export async function lineageAlarmEvents(alarmId: string, sql: Sql = getSql()): Promise<LineageAlarmEvent[]> {
  return sql<LineageAlarmEvent[]>`
    select id::text as id, type, actor, at, details, dedup_key from alarm_events where alarm_id = ${alarmId} order by at, id`;
}

/** The readings of an alarm's span, quarantined ones included, oldest first (capped: a span is short). */
export async function readingsOfSpan(
  sensorId: string,
  from: Date,
  to: Date,
  limit: number,
  sql: Sql = getSql(),
): Promise<LineageReading[]> {
  return sql<LineageReading[]>`
    select id::text as id, ts, value, quality, quarantine_reason from sensor_readings
    where sensor_id = ${sensorId} and ts >= ${from} and ts <= ${to} order by ts, id limit ${limit}`;
}
