import type { ShadowCursor } from '../domain/shadowEvaluation';
import { getSql, type Sql } from './sql';

/** A stored classifier prediction with the decision people took on the order it raised, if any. */
export interface ShadowInput {
  id: string;
  created_at: Date;
  model: string;
  version: string;
  features: Record<string, unknown>;
  probability: number;
  prediction: number;
  human: 'approved' | 'rejected' | 'escalated' | null;
}

/**
 * One page of a period's stored predictions by the given models, oldest first, after a cursor.
 * The human verdict is the decision in force (not superseded) on the order the prediction raised.
 */
export async function shadowInputsPage(
  f: { models: string[]; from: Date; to: Date; after: ShadowCursor | null; limit: number },
  sql: Sql = getSql(),
): Promise<ShadowInput[]> {
  const afterAt = f.after ? new Date(f.after.at) : null;
  return sql<ShadowInput[]>`
    select p.id, p.created_at, p.model, p.version, p.features, p.probability, p.prediction,
      (select d.decision from maintenance_orders o join human_decisions d on d.order_id = o.id
        where o.prediction_id = p.id and not exists (select 1 from human_decisions c where c.supersedes = d.id)
        order by d.created_at desc, d.id desc limit 1) as human
    from predictions p
    where p.model = any(${f.models}) and p.created_at >= ${f.from} and p.created_at < ${f.to}
      and (${afterAt}::timestamptz is null or (p.created_at, p.id) > (${afterAt}::timestamptz, ${f.after?.id ?? null}::uuid))
    order by p.created_at, p.id
    limit ${f.limit}`;
}

export interface ShadowReportRef {
  id: string;
  created_at: string;
  workflow_id: string | null;
  parameters: Record<string, unknown>;
  summary: Record<string, unknown>;
}

/** A model version's shadow reports, newest first. */
export async function listShadowReports(model: string, version: string, sql: Sql = getSql()): Promise<ShadowReportRef[]> {
  const rows = await sql<(Omit<ShadowReportRef, 'created_at'> & { created_at: Date })[]>`
    select id, created_at, workflow_id, parameters, body->'summary' as summary from reports
    where report_type = 'shadow_evaluation' and parameters->>'model' = ${model} and parameters->>'version' = ${version}
    order by created_at desc limit 50`;
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() }));
}

/** Sensors with readings in [from, to), after `after` in id order: the anomaly shadow's pages. */
export async function sensorsWithReadingsBetween(
  f: { from: Date; to: Date; after: string | null; limit: number },
  sql: Sql = getSql(),
): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select s.id from sensors s
    where (${f.after}::text is null or s.id > ${f.after})
      and exists (select 1 from sensor_readings r where r.sensor_id = s.id and r.ts >= ${f.from} and r.ts < ${f.to})
    order by s.id limit ${f.limit}`;
  return rows.map((r) => r.id);
}

/** The readings the detector would have scored (quality enough, not quarantined), oldest first. */
export async function scorableReadingsBetween(
  f: { sensorId: string; from: Date; to: Date; minQuality: number; limit: number },
  sql: Sql = getSql(),
): Promise<{ ts: Date; value: number }[]> {
  return sql<{ ts: Date; value: number }[]>`
    select ts, value from sensor_readings
    where sensor_id = ${f.sensorId} and ts >= ${f.from} and ts < ${f.to} and quality >= ${f.minQuality} and quarantine_reason is null
    order by ts, id limit ${f.limit}`;
}

export interface ShadowAlarm {
  id: string;
  start_ts: Date;
  end_ts: Date | null;
  last_anomalous_ts: Date;
  peak_score: number;
  historical: boolean;
  resolved_by: string | null;
  resolution_cause: string | null;
  maintenance_workflow_id: string | null;
}

/** Production's streaming alarms of a sensor that started in [from, to). */
export async function streamingAlarmsBetween(sensorId: string, from: Date, to: Date, sql: Sql = getSql()): Promise<ShadowAlarm[]> {
  return sql<ShadowAlarm[]>`
    select id, start_ts, end_ts, last_anomalous_ts, peak_score, historical, resolved_by, resolution_cause, maintenance_workflow_id
    from alarms where sensor_id = ${sensorId} and source = 'streaming' and start_ts >= ${from} and start_ts < ${to}
    order by start_ts, id`;
}

/** An asset production evaluated with one of the given RUL models in [from, to), with its type's planning horizon. */
export interface RulShadowAsset {
  id: string;
  planning_horizon_cycles: number;
  roles: Record<string, string>;
}

/** The RUL shadow's pages: assets with recorded RUL evaluations in the period, after `after` in id order. */
export async function assetsWithRulEvaluationsBetween(
  f: { models: string[]; from: Date; to: Date; after: string | null; limit: number },
  sql: Sql = getSql(),
): Promise<RulShadowAsset[]> {
  return sql<RulShadowAsset[]>`
    select a.id, coalesce(t.planning_horizon_cycles, 0) as planning_horizon_cycles, t.roles
    from assets a join asset_types t on t.id = a.type_id
    where (${f.after}::text is null or a.id > ${f.after})
      and exists (select 1 from asset_health h where h.asset_id = a.id and h.model_name = any(${f.models}) and h.rul is not null
                    and h.evaluated_at >= ${f.from} and h.evaluated_at < ${f.to})
    order by a.id limit ${f.limit}`;
}

/** A recorded production RUL evaluation: what it said and the window's last instant. */
export interface RecordedRulEvaluation {
  id: string;
  evaluated_at: Date;
  data_until: Date;
  rul: number;
  rul_lower: number;
  rul_upper: number;
  model_name: string;
  model_version: string;
}

/** An asset's recorded RUL evaluations of the period by the given models, oldest first. */
export async function recordedRulEvaluations(
  assetId: string,
  models: string[],
  from: Date,
  to: Date,
  sql: Sql = getSql(),
): Promise<RecordedRulEvaluation[]> {
  return sql<RecordedRulEvaluation[]>`
    select id::text, evaluated_at, data_until, rul, rul_lower, rul_upper, model_name, model_version
    from asset_health
    where asset_id = ${assetId} and model_name = any(${models}) and rul is not null and data_until is not null
      and evaluated_at >= ${from} and evaluated_at < ${to}
    order by evaluated_at, id`;
}
