import {
  closeEpisode,
  countAnomalies,
  countValidReadings,
  driftedSensors,
  findOpenEpisode,
  insertHealth,
  latestHealthOf,
  latestRoleReadings,
  listEpisodes,
  listHealth,
  nextMaintenanceOf,
  openAlarmsOfAssets,
  openEpisode,
  recordEpisodeGate,
  recordEpisodeStart,
  roleWindows,
  roleWindowsUntil,
  type HealthRecord,
  type NextMaintenanceRow,
} from '../db/assetHealth';
import { findAsset, findAssetType, listAssets, type AssetFilter } from '../db/assets';
import type { Sql } from '../db/sql';
import {
  alarmCountsOf,
  alarmReasons,
  alarmsBySensor,
  cyclesToDays,
  episodeAction,
  healthIndex,
  probabilityTrigger,
  reason,
  rulTrigger,
  trendReasons,
  worstSeverity,
  type AssetEvaluation,
  type EpisodeTrigger,
  type HealthReason,
  type HealthStatus,
} from '../domain/assetHealth';
import type { AlarmSeverity } from '../domain/alarmGrouping';
import type { Asset, AssetType } from '../domain/assets';
import { DomainError, InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';
import { probabilityForDaysToFailure } from '../domain/routing';
import { msg } from '../domain/serverText';
import { predictFailure, predictRul, RUL_WINDOW, type RulCycle, type RulPrediction } from '../models';

export { listEpisodes };

const DAY_MS = 86_400_000;

interface ModelOutcome {
  status: HealthStatus;
  reasons: HealthReason[];
  dataUntil: Date | null;
  sensorIds: string[];
  rul?: { rul: number; lower: number; upper: number; level: number; prediction: RulPrediction };
  failure?: { probability: number; threshold: number };
  model?: { name: string; version: string };
  trigger: EpisodeTrigger | null;
}

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

async function failureOutcome(asset: Asset, type: AssetType, now: Date, sql: Sql): Promise<ModelOutcome> {
  const readings = await latestRoleReadings(asset.id, sql);
  const byRole = new Map(readings.map((r) => [r.role, r]));
  const reasons: HealthReason[] = [];
  const features: Record<string, number | string> = {};
  let dataUntil: Date | null = null;
  for (const [role, feature] of Object.entries(type.roles)) {
    const r = byRole.get(role);
    if (!r || r.ts === null || r.value === null) {
      reasons.push(
        r
          ? reason('missing_role', msg('healthRoleNoReading', { role, sensor: r.sensor_id }), { role, sensor_id: r.sensor_id })
          : reason('missing_role', msg('healthNoSensorInRole', { role }), { role }),
      );
      continue;
    }
    if (now.getTime() - r.ts.getTime() > type.stale_after_seconds * 1000) {
      reasons.push(
        reason('stale_role', msg('healthRoleStale', { role, sensor: r.sensor_id, at: r.ts.toISOString() }), {
          role,
          sensor_id: r.sensor_id,
        }),
      );
      continue;
    }
    features[feature] = r.value;
    if (!dataUntil || r.ts > dataUntil) dataUntil = r.ts;
  }
  const sensorIds = readings.map((r) => r.sensor_id);
  if (reasons.length) return { status: 'insufficient_data', reasons, dataUntil, sensorIds, trigger: null };
  const productType = asset.metadata['product_type'];
  if (productType === 'L' || productType === 'M' || productType === 'H') features['Type'] = productType;
  const p = await predictFailure(features, { modelName: type.model_name });
  return {
    status: 'ok',
    reasons: [
      reason('failure_probability', msg('healthFailureProbability', { probability: p.probability, threshold: p.threshold }), {
        value: p.probability,
      }),
    ],
    dataUntil,
    sensorIds,
    failure: { probability: p.probability, threshold: p.threshold },
    model: { name: p.model.name, version: p.model.version },
    trigger: probabilityTrigger(p.probability, p.threshold),
  };
}

interface RoleSeries {
  sensorId: string;
  points: Map<number, number>;
  values: number[];
}

type AlignedWindow =
  { byRole: Map<string, RoleSeries>; aligned: number[]; sensorIds: string[] } | { reasons: HealthReason[]; sensorIds: string[] };

/** The roles' readings by role, and the instants at which every role has one (engine cycles), oldest first. */
function alignRoleWindow(
  rows: readonly { role: string; sensor_id: string; ts: Date; value: number }[],
  roles: readonly string[],
): AlignedWindow {
  const byRole = new Map<string, RoleSeries>();
  for (const r of rows) {
    let w = byRole.get(r.role);
    if (!w) byRole.set(r.role, (w = { sensorId: r.sensor_id, points: new Map(), values: [] }));
    w.points.set(r.ts.getTime(), r.value);
    w.values.push(r.value);
  }
  const sensorIds = [...byRole.values()].map((w) => w.sensorId);
  const reasons: HealthReason[] = roles
    .filter((role) => !byRole.has(role))
    .map((role) => reason('missing_role', msg('healthNoReadingInRole', { role }), { role }));
  if (reasons.length) return { reasons, sensorIds };
  const first = byRole.get(roles[0]!)!;
  const aligned = [...first.points.keys()].filter((t) => roles.every((role) => byRole.get(role)!.points.has(t))).sort((a, b) => a - b);
  if (!aligned.length) {
    return { reasons: [reason('missing_role', msg('healthNoCommonInstant', {}))], sensorIds };
  }
  return { byRole, aligned, sensorIds };
}

/** The model's trajectory: one row per aligned instant, numbered back from the cycle count at the last one. */
function rulTrajectory(
  aligned: readonly number[],
  byRole: Map<string, RoleSeries>,
  roleFeatures: Record<string, string>,
  cycles: number,
): RulCycle[] {
  const roles = Object.keys(roleFeatures);
  const trajectory = aligned.map((t, i) => {
    const row: Record<string, number> = { time: Math.max(1, cycles - (aligned.length - 1 - i)) };
    for (const role of roles) row[roleFeatures[role]!] = byRole.get(role)!.points.get(t)!;
    return row as unknown as RulCycle;
  });
  // Cycle numbers must increase even when a role's count is shorter than the window.
  trajectory.forEach((row, i) => {
    if (i > 0 && row.time <= trajectory[i - 1]!.time) row.time = trajectory[i - 1]!.time + 1;
  });
  return trajectory;
}

/** An asset's RUL window as it stood at `until`, and what its last cycle's readings say about themselves. */
export interface CausalRulWindow {
  trajectory: RulCycle[];
  dataUntil: Date;
  /** The metadata of the first role's reading at the last cycle (a simulated engine names its unit and cycle there). */
  lastMetadata: Record<string, unknown>;
}

/**
 * The window the RUL model saw at `until`: the same alignment as the live evaluation, over the roles
 * attached then and the readings up to then only (causal), so a shadow re-run scores what was known.
 * Null when that window was incomplete (the live evaluation made no RUL from it either).
 */
export async function rulWindowUntil(
  assetId: string,
  roleFeatures: Record<string, string>,
  until: Date,
  sql: Sql,
): Promise<CausalRulWindow | null> {
  const rows = await roleWindowsUntil(assetId, RUL_WINDOW, until, sql);
  const roles = Object.keys(roleFeatures);
  const window = alignRoleWindow(rows, roles);
  if ('reasons' in window) return null;
  const dataUntil = new Date(window.aligned[window.aligned.length - 1]!);
  const firstRows = rows.filter((r) => r.role === roles[0]);
  const last = firstRows.find((r) => r.ts.getTime() === dataUntil.getTime())!;
  const cycles = await countValidReadings(last.sensor_id, firstRows[0]!.attached_at, dataUntil, sql);
  return { trajectory: rulTrajectory(window.aligned, window.byRole, roleFeatures, cycles), dataUntil, lastMetadata: last.metadata };
}

/**
 * The RUL model on the roles' aligned window: the last RUL_WINDOW instants at which every role has
 * a reading (an engine cycle); the cycle number is the count of the first role's readings since
 * its attachment, i.e. the asset's age as the model was trained to see it.
 */
async function rulOutcome(asset: Asset, type: AssetType, now: Date, sql: Sql): Promise<ModelOutcome> {
  const rows = await roleWindows(asset.id, RUL_WINDOW, sql);
  const roles = Object.keys(type.roles);
  const window = alignRoleWindow(rows, roles);
  if ('reasons' in window)
    return { status: 'insufficient_data', reasons: window.reasons, dataUntil: null, sensorIds: window.sensorIds, trigger: null };
  const { byRole, aligned, sensorIds } = window;
  const first = byRole.get(roles[0]!)!;
  const dataUntil = new Date(aligned[aligned.length - 1]!);
  if (now.getTime() - dataUntil.getTime() > type.stale_after_seconds * 1000) {
    return {
      status: 'insufficient_data',
      reasons: [reason('stale_role', msg('healthCycleStale', { at: dataUntil.toISOString() }))],
      dataUntil,
      sensorIds,
      trigger: null,
    };
  }
  const [attachment] = (await latestRoleReadings(asset.id, sql)).filter((r) => r.role === roles[0]);
  const cycles = await countValidReadings(first.sensorId, attachment!.attached_at, dataUntil, sql);
  const trajectory = rulTrajectory(aligned, byRole, type.roles, cycles);
  const p = await predictRul(trajectory, { modelName: type.model_name });
  const horizon = type.planning_horizon_cycles ?? 0;
  return {
    status: 'ok',
    reasons: [
      reason(
        'rul',
        msg('healthRul', {
          rul: p.rul,
          level: p.interval.level,
          lower: p.interval.lower,
          upper: p.interval.upper,
          cycle: trajectory[trajectory.length - 1]!.time,
        }),
        { value: p.rul },
      ),
      ...trendReasons(roles.map((role) => ({ role, sensorId: byRole.get(role)!.sensorId, values: byRole.get(role)!.values }))),
    ],
    dataUntil,
    sensorIds,
    rul: { rul: p.rul, lower: p.interval.lower, upper: p.interval.upper, level: p.interval.level, prediction: p },
    model: { name: p.model_info.name, version: p.model_info.version },
    trigger: rulTrigger(p.interval.lower, horizon),
  };
}

async function modelOutcome(asset: Asset, type: AssetType, now: Date, sql: Sql): Promise<ModelOutcome> {
  try {
    return type.kind === 'rul' ? await rulOutcome(asset, type, now, sql) : await failureOutcome(asset, type, now, sql);
  } catch (err) {
    // A model that cannot serve (missing, disabled, incompatible) makes no health, and no decision.
    if (!(err instanceof DomainError)) throw err;
    return {
      status: 'model_unavailable',
      // The model's own error stays in the English message for integrators; readers get the model's name.
      reasons: [
        { ...reason('model', msg('healthModelUnavailable', { model: type.model_name })), message: `${type.model_name}: ${err.message}` },
      ],
      dataUntil: null,
      sensorIds: [],
      trigger: null,
    };
  }
}

/**
 * Evaluates an asset from its own streams, records the evaluation, and applies the episode rule
 * (domain/assetHealth.ts). `dedupKey` makes a retried evaluation record once; the episode writes
 * are idempotent by themselves (one open episode per asset).
 */
export async function evaluateAsset(assetId: string, sql: Sql, opts: { now: Date; dedupKey: string | null }): Promise<AssetEvaluation> {
  const asset = await findAsset(assetId, sql);
  if (!asset) throw new NotFound(`No asset ${assetId}`);
  const type = (await findAssetType(asset.type_id, sql))!;
  const { now } = opts;
  const m = await modelOutcome(asset, type, now, sql);

  const until = m.dataUntil ?? now;
  const anomalies = await countAnomalies(m.sensorIds, new Date(until.getTime() - DAY_MS), until, sql);
  const drift = await driftedSensors(m.sensorIds, sql);
  const reasons = [...m.reasons];
  if (anomalies) reasons.push(reason('anomalies', msg('healthAnomalies', { count: anomalies }), { value: anomalies }));
  // Alarms weigh on every current sensor of the asset, whether or not the model could be served.
  const alarmRows = await openAlarmsOfAssets([asset.id], sql);
  const alarms = alarmCountsOf(alarmRows);
  reasons.push(...alarmReasons(alarmsBySensor(alarmRows)));
  for (const d of drift) {
    reasons.push(
      reason('drift', msg('healthDrift', { sensor: d.sensor_id, p_value: d.p_value, psi: d.psi }), {
        sensor_id: d.sensor_id,
        value: d.p_value ?? undefined,
      }),
    );
  }
  const health =
    m.status === 'ok'
      ? healthIndex(
          { rul: m.rul?.rul, typicalLife: type.typical_life_cycles, failureProbability: m.failure?.probability },
          anomalies,
          alarms,
        )
      : null;

  const open = await findOpenEpisode(asset.id, sql);
  const action = episodeAction(open ? { started: open.maintenance_workflow_id !== null } : null, m.trigger);
  let episodeId = open?.id ?? null;
  if (action.kind === 'open') {
    episodeId = (await openEpisode(asset.id, until, { ...m.trigger!.detail, health, evaluated_at: now.toISOString() }, sql)).id;
  }
  if (action.kind === 'close' && open) await closeEpisode(open.id, now, sql);
  const starts = action.kind === 'open' || action.kind === 'start';
  if (starts && episodeId) {
    // The episode keeps why its flow waits for a person; a clean start clears what an earlier
    // rule may have written there.
    await recordEpisodeGate(
      episodeId,
      drift.length ? 'inputs drifted: the maintenance flow waits for a human decision and is never approved automatically' : null,
      drift.length ? drift : null,
      sql,
    );
  }

  await insertHealth(
    {
      asset_id: asset.id,
      evaluated_at: now,
      data_until: m.dataUntil,
      health,
      rul: m.rul?.rul ?? null,
      rul_lower: m.rul?.lower ?? null,
      rul_upper: m.rul?.upper ?? null,
      rul_level: m.rul?.level ?? null,
      failure_probability: m.failure?.probability ?? null,
      drifted: drift.length > 0,
      model_name: m.model?.name ?? null,
      model_version: m.model?.version ?? null,
      status: m.status,
      reasons,
      episode_id: episodeId,
    },
    opts.dedupKey,
    sql,
  );

  let start: AssetEvaluation['start'] = null;
  if (starts) {
    const anchor = asset.sensors[0]!;
    // The conservative end of the interval sets the deadline: planning for the lower bound.
    const days = m.rul ? cyclesToDays(m.rul.lower, type.hours_per_cycle) : null;
    start = {
      sensor_id: anchor.sensor_id,
      sensor_type: type.kind === 'rul' ? 'turbofan' : 'torque',
      probability: m.failure?.probability ?? probabilityForDaysToFailure(days ?? 0),
      days_to_failure: days,
      features: {
        asset_id: asset.id,
        ...(m.rul ? { rul: m.rul.rul, rul_lower: m.rul.lower, rul_upper: m.rul.upper } : {}),
        ...(m.failure ? { failure_probability: m.failure.probability } : {}),
        health: health ?? -1,
      },
      ...(drift.length ? { drift } : {}),
    };
  }
  return {
    asset_id: asset.id,
    status: m.status,
    health,
    reasons,
    drifted: drift.length > 0,
    drift,
    action: action.kind,
    episode_id: episodeId,
    start,
  };
}

export async function markEpisodeStarted(episodeId: string, workflowId: string, sql: Sql, now: Date): Promise<void> {
  await recordEpisodeStart(episodeId, workflowId, now, sql);
}

const healthView = (h: HealthRecord) => ({
  evaluated_at: h.evaluated_at.toISOString(),
  data_until: isoOrNull(h.data_until),
  status: h.status,
  health: h.health,
  rul: h.rul,
  interval: h.rul_lower === null ? null : { lower: h.rul_lower, upper: h.rul_upper!, level: h.rul_level! },
  failure_probability: h.failure_probability,
  drifted: h.drifted,
  model: h.model_name ? { name: h.model_name, version: h.model_version } : null,
  reasons: h.reasons,
  episode_id: h.episode_id,
});
export type HealthView = ReturnType<typeof healthView>;

/** The asset's latest evaluation (null before the first) and its health history, newest first. */
export async function assetHealth(assetId: string, sql: Sql, limit = 200) {
  if (!(await findAsset(assetId, sql))) throw new NotFound(`No asset ${assetId}`);
  const history = (await listHealth(assetId, limit, sql)).map(healthView);
  return { asset_id: assetId, latest: history[0] ?? null, history };
}

export async function latestHealthByAsset(assetIds: string[], sql: Sql): Promise<Map<string, HealthView>> {
  return new Map((await latestHealthOf(assetIds, sql)).map((h) => [h.asset_id, healthView(h)]));
}

export async function assetEpisodes(assetId: string, sql: Sql) {
  if (!(await findAsset(assetId, sql))) throw new NotFound(`No asset ${assetId}`);
  return (await listEpisodes(assetId, 100, sql)).map((e) => ({
    id: e.id,
    opened_at: e.opened_at.toISOString(),
    closed_at: isoOrNull(e.closed_at),
    trigger: e.trigger,
    maintenance_workflow_id: e.maintenance_workflow_id,
    started_at: isoOrNull(e.started_at),
    gate_reason: e.gate_reason,
    gate_evidence: e.gate_evidence,
  }));
}

/** Unresolved alarms on an asset's sensors: how many, by severity, and the worst. */
function openAlarmsView(rows: { sensor_id: string; role: string; severity: AlarmSeverity; n: number }[]) {
  const by_severity = { low: 0, medium: 0, high: 0, critical: 0, ...alarmCountsOf(rows) };
  return {
    count: by_severity.low + by_severity.medium + by_severity.high + by_severity.critical,
    by_severity,
    worst: worstSeverity(by_severity),
  };
}

const nextMaintenanceView = (r: NextMaintenanceRow) => ({
  order_id: r.order_id,
  status: r.status,
  priority: r.priority,
  /** The booked window's start, else the deadline: when the work is due. */
  at: isoOrNull(r.window_start ?? r.deadline),
  window_start: isoOrNull(r.window_start),
  window_end: isoOrNull(r.window_end),
  deadline: isoOrNull(r.deadline),
});

/**
 * The fleet view: assets with their latest evaluation (null before the first), their unresolved
 * alarms and their next maintenance (null when no order is pending).
 */
export async function listAssetsWithHealth(f: AssetFilter, sql: Sql) {
  const assets = await listAssets(f, sql);
  const ids = assets.map((a) => a.id);
  const [health, alarms, next] = await Promise.all([
    latestHealthByAsset(ids, sql),
    openAlarmsOfAssets(ids, sql),
    nextMaintenanceOf(ids, sql),
  ]);
  const nextBy = new Map(next.map((n) => [n.asset_id, nextMaintenanceView(n)]));
  const alarmsBy = new Map<string, typeof alarms>();
  for (const r of alarms) alarmsBy.set(r.asset_id, [...(alarmsBy.get(r.asset_id) ?? []), r]);
  return assets.map((a) => ({
    ...a,
    health: health.get(a.id) ?? null,
    open_alarms: openAlarmsView(alarmsBy.get(a.id) ?? []),
    next_maintenance: nextBy.get(a.id) ?? null,
  }));
}

/**
 * The RUL of an engine-like asset from its streams now, without recording anything (POST /ml/rul
 * with asset_id). Missing or stale roles are a 422 naming them, never a padded trajectory.
 */
export async function assetRul(assetId: string, sql: Sql, now: Date): Promise<RulPrediction & { data_until: string | null }> {
  const asset = await findAsset(assetId, sql);
  if (!asset) throw new NotFound(`No asset ${assetId}`);
  const type = (await findAssetType(asset.type_id, sql))!;
  if (type.kind !== 'rul')
    throw new InvalidInput([
      fieldError('asset_id', 'not_rul_asset', `${assetId} is a ${type.id}: its model is not an RUL model`, {
        asset: assetId,
        type: type.id,
      }),
    ]);
  const m = await rulOutcome(asset, type, now, sql);
  if (!m.rul)
    throw new InvalidInput(
      m.reasons.map((r) => ({ field: 'asset_id', message: r.message })),
      'The asset has no complete recent window',
    );
  return { ...m.rul.prediction, data_until: isoOrNull(m.dataUntil) };
}
