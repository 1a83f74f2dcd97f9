import type postgres from 'postgres';
import { attachSensorToAsset } from './assets';
import { findAsset, findAssetType } from '../db/assets';
import { insertReadings } from '../db/readings';
import type { Sql } from '../db/sql';
import { InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';
import type { NewReading } from '../domain/reading';
import { readCmapssEngines } from '../models/cmapssData';
import type { RulCycle } from '../models';

let engines: Map<number, RulCycle[]> | undefined;
/** The committed FD001 training engines, read once per process. */
export function cmapssEngine(unit: number): RulCycle[] {
  engines ??= readCmapssEngines();
  const engine = engines.get(unit);
  if (!engine)
    throw new InvalidInput([
      fieldError('unit', 'no_engine', `no engine ${unit} in FD001 (1-${engines.size})`, { unit, count: engines.size }),
    ]);
  return engine;
}

export interface EngineCyclesRequest {
  assetId: string;
  unit: number;
  /** Cycles [fromCycle, toCycle] of the engine, 1-based, inclusive. */
  fromCycle: number;
  toCycle: number;
  /** The instant of the run's last cycle; cycle c reads at anchor − (lastCycle − c) × cycleSeconds. */
  anchor: Date;
  lastCycle: number;
  cycleSeconds: number;
  /** Names the run in the readings' idempotency keys: a retried write inserts nothing twice. */
  runId: string;
}

/**
 * Writes cycles of a C-MAPSS engine into the asset's sensors, one reading per role per cycle,
 * through the ordinary reading writer (the sensors' counters move as with any ingestion).
 */
export async function writeEngineCycles(r: EngineCyclesRequest, sql: Sql): Promise<{ inserted: number; duplicates: number }> {
  const asset = await findAsset(r.assetId, sql);
  if (!asset) throw new NotFound(`No asset ${r.assetId}`);
  const type = (await findAssetType(asset.type_id, sql))!;
  if (type.kind !== 'rul')
    throw new InvalidInput([
      fieldError('asset_id', 'not_rul_asset', `${asset.id} is a ${type.id}, not an engine-like (rul) asset`, {
        asset: asset.id,
        type: type.id,
      }),
    ]);
  const sensors = new Map(asset.sensors.map((s) => [s.role, s.sensor_id]));
  const missing = Object.keys(type.roles).filter((role) => !sensors.has(role));
  if (missing.length)
    throw new InvalidInput([
      fieldError('asset_id', 'roles_without_sensor', `roles without a sensor: ${missing.join(', ')}`, { roles: missing.join(', ') }),
    ]);
  const engine = cmapssEngine(r.unit);
  const rows: NewReading[] = [];
  for (const cycle of engine.slice(r.fromCycle - 1, r.toCycle)) {
    const ts = new Date(r.anchor.getTime() - (r.lastCycle - cycle.time) * r.cycleSeconds * 1000);
    for (const [role, feature] of Object.entries(type.roles)) {
      const sensorId = sensors.get(role)!;
      rows.push({
        sensorId,
        ts,
        value: (cycle as unknown as Record<string, number>)[feature]!,
        unit: null,
        quality: 1,
        sensorType: 'power',
        metadata: { source: 'cmapss_fd001', unit: r.unit, cycle: cycle.time },
        correlationId: null,
        idempotencyKey: `asset-run:${r.runId}:${sensorId}:${cycle.time}`,
      });
    }
  }
  const result = await insertReadings(rows, sql, undefined, 'count');
  return { inserted: result.insertedCount, duplicates: result.duplicates };
}

/**
 * Gives every role of an engine-like asset a sensor, registering `<asset>.<role>` for a role that
 * has none from `from` (the run's first cycle), so a replay can start on a freshly created asset.
 * Roles already served are left alone.
 */
export async function ensureRoleSensors(assetId: string, sql: postgres.Sql, now: Date, from: Date): Promise<number> {
  const asset = await findAsset(assetId, sql);
  if (!asset) throw new NotFound(`No asset ${assetId}`);
  const type = (await findAssetType(asset.type_id, sql))!;
  if (type.kind !== 'rul')
    throw new InvalidInput([
      fieldError('asset_id', 'not_rul_asset', `${asset.id} is a ${type.id}, not an engine-like (rul) asset`, {
        asset: asset.id,
        type: type.id,
      }),
    ]);
  const served = new Set(asset.sensors.map((s) => s.role));
  let added = 0;
  for (const role of Object.keys(type.roles)) {
    if (served.has(role)) continue;
    await attachSensorToAsset(assetId, { sensorId: `${assetId}.${role}`, role, sensorType: 'power', from }, sql, now);
    added++;
  }
  return added;
}
