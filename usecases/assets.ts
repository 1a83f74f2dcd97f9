import {
  attachSensor,
  attachmentHistory,
  deleteAsset,
  detachSensor,
  findAsset,
  findAssetType,
  insertAsset,
  insertAssetType,
  listAssetTypes,
  registerSensor,
  sensorExists,
  updateAsset,
} from '../db/assets';
import type postgres from 'postgres';
import type { Sql } from '../db/sql';
import type { Asset, AssetInput, AssetPatch, AssetType, AssetTypeInput, AttachedSensor } from '../domain/assets';
import { Conflict, InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';
import { SENSOR_TYPES, type SensorType } from '../domain/sensorTypes';
import { defaultModelRegistry, ModelNotFoundError } from '../models';
import { requireSite } from './sites';

export { listAssetTypes, attachmentHistory };

export async function getAssetType(id: string, sql: Sql): Promise<AssetType> {
  const t = await findAssetType(id, sql);
  if (!t) throw new NotFound(`No asset type ${id}`);
  return t;
}

/** A new type; its model must be in the registry, so no asset is ever evaluated by a model that is not there. */
export async function createAssetType(t: AssetTypeInput, sql: Sql): Promise<AssetType> {
  try {
    await defaultModelRegistry().resolve(t.model_name, 'auto');
  } catch (err) {
    if (err instanceof ModelNotFoundError)
      throw new InvalidInput([
        fieldError('model_name', 'unknown_model', `no model ${t.model_name} in the registry`, { model: t.model_name }),
      ]);
    throw err;
  }
  const created = await insertAssetType(t, sql);
  if (!created) throw new Conflict(`Asset type ${t.id} exists already`, 'asset_type_exists');
  return created;
}

export async function getAsset(id: string, sql: Sql): Promise<Asset> {
  const a = await findAsset(id, sql);
  if (!a) throw new NotFound(`No asset ${id}`);
  return a;
}

export async function createAsset(a: AssetInput, sql: Sql): Promise<Asset> {
  if (!(await findAssetType(a.type_id, sql)))
    throw new InvalidInput([fieldError('type_id', 'unknown_asset_type', `no asset type ${a.type_id}`, { type: a.type_id })]);
  if (a.site !== null) await requireSite(a.site, 'site', sql);
  if (!(await insertAsset(a, sql))) throw new Conflict(`Asset ${a.id} exists already`, 'asset_exists');
  return getAsset(a.id, sql);
}

export async function patchAsset(id: string, p: AssetPatch, sql: Sql): Promise<Asset> {
  if (p.site) await requireSite(p.site, 'site', sql);
  if (!(await updateAsset(id, p, sql))) throw new NotFound(`No asset ${id}`);
  return getAsset(id, sql);
}

/** Deletes the asset and answers it as it was (with the sensors it had). */
export async function removeAsset(id: string, sql: Sql): Promise<Asset> {
  const asset = await getAsset(id, sql);
  if (!(await deleteAsset(id, sql))) throw new NotFound(`No asset ${id}`);
  return asset;
}

export interface AttachRequest {
  sensorId: string;
  role: string;
  /** From when the sensor measures this role; now when absent. */
  from?: Date;
  /** Registers an unknown sensor with this type (and its canonical unit); without it an unknown sensor is refused. */
  sensorType?: SensorType;
}

/**
 * Puts a sensor on an asset in one of its type's roles. Whatever the sensor or the role had before
 * is closed at the same instant, in one transaction.
 */
export async function attachSensorToAsset(assetId: string, r: AttachRequest, sql: postgres.Sql, now: Date): Promise<AttachedSensor> {
  const asset = await getAsset(assetId, sql);
  const type = await getAssetType(asset.type_id, sql);
  if (!(r.role in type.roles)) {
    const roles = Object.keys(type.roles).join(', ');
    throw new InvalidInput([fieldError('role', 'not_a_role', `is not a role of ${type.id} (${roles})`, { type: type.id, roles })]);
  }
  const at = r.from ?? now;
  return (await sql.begin(async (tx) => {
    if (!(await sensorExists(r.sensorId, tx))) {
      if (!r.sensorType) {
        throw new InvalidInput([
          fieldError('sensor_id', 'unknown_sensor_without_type', `no sensor ${r.sensorId}; give sensor_type to register it`, {
            sensor: r.sensorId,
          }),
        ]);
      }
      await registerSensor(r.sensorId, r.sensorType, SENSOR_TYPES[r.sensorType].unit, tx);
    }
    return attachSensor(assetId, r.sensorId, r.role, at, tx);
  })) as AttachedSensor;
}

/** Closes the sensor's current attachment to the asset and answers the closed period. */
export async function detachSensorFromAsset(assetId: string, sensorId: string, sql: Sql, now: Date): Promise<AttachedSensor> {
  await getAsset(assetId, sql);
  const closed = await detachSensor(assetId, sensorId, now, sql);
  if (!closed) throw new NotFound(`Sensor ${sensorId} is not attached to ${assetId}`);
  return closed;
}
