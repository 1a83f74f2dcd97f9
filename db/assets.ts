import type { Asset, AssetInput, AssetPatch, AssetType, AssetTypeInput, AttachedSensor } from '../domain/assets';
import { getSql, type Sql } from './sql';

interface AssetTypeRow {
  id: string;
  name: string;
  description: string;
  kind: AssetType['kind'];
  model_name: string;
  roles: Record<string, string>;
  typical_life_cycles: number | null;
  hours_per_cycle: number;
  planning_horizon_cycles: number | null;
  stale_after_seconds: number;
  created_at: Date;
}

const typeView = (r: AssetTypeRow): AssetType => ({ ...r, created_at: r.created_at.toISOString() });

export async function listAssetTypes(sql: Sql = getSql()): Promise<AssetType[]> {
  const rows = await sql<AssetTypeRow[]>`select * from asset_types order by id`;
  return rows.map(typeView);
}

export async function findAssetType(id: string, sql: Sql = getSql()): Promise<AssetType | undefined> {
  const [row] = await sql<AssetTypeRow[]>`select * from asset_types where id = ${id}`;
  return row && typeView(row);
}

/** Undefined when the id is taken. */
export async function insertAssetType(t: AssetTypeInput, sql: Sql = getSql()): Promise<AssetType | undefined> {
  const [row] = await sql<AssetTypeRow[]>`
    insert into asset_types (id, name, description, kind, model_name, roles, typical_life_cycles, hours_per_cycle,
                             planning_horizon_cycles, stale_after_seconds)
    values (${t.id}, ${t.name}, ${t.description}, ${t.kind}, ${t.model_name}, ${sql.json(t.roles)}, ${t.typical_life_cycles},
            ${t.hours_per_cycle}, ${t.planning_horizon_cycles}, ${t.stale_after_seconds})
    on conflict (id) do nothing
    returning *`;
  return row && typeView(row);
}

interface AssetRow {
  id: string;
  name: string;
  type_id: string;
  site: string | null;
  criticality: number;
  metadata: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

interface AttachmentRow {
  asset_id: string;
  sensor_id: string;
  role: string;
  attached_at: Date;
  detached_at: Date | null;
}

const attachmentView = (r: AttachmentRow): AttachedSensor => ({
  sensor_id: r.sensor_id,
  role: r.role,
  attached_at: r.attached_at.toISOString(),
  detached_at: r.detached_at?.toISOString() ?? null,
});

function assetView(r: AssetRow, attachments: AttachmentRow[]): Asset {
  return {
    id: r.id,
    name: r.name,
    type_id: r.type_id,
    site: r.site,
    criticality: r.criticality,
    metadata: r.metadata,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    sensors: attachments.filter((a) => a.asset_id === r.id && a.detached_at === null).map(attachmentView),
  };
}

export interface AssetFilter {
  site?: string;
  typeId?: string;
  criticality?: number;
}

export async function listAssets(f: AssetFilter, sql: Sql = getSql()): Promise<Asset[]> {
  const rows = await sql<AssetRow[]>`
    select * from assets
    where (${f.site ?? null}::text is null or site = ${f.site ?? null})
      and (${f.typeId ?? null}::text is null or type_id = ${f.typeId ?? null})
      and (${f.criticality ?? null}::int is null or criticality = ${f.criticality ?? null})
    order by criticality desc, id
    limit 1000`;
  if (!rows.length) return [];
  const attachments = await sql<AttachmentRow[]>`
    select asset_id, sensor_id, role, attached_at, detached_at from asset_sensors
    where asset_id = any(${rows.map((r) => r.id)}) and detached_at is null
    order by role`;
  return rows.map((r) => assetView(r, attachments));
}

export async function findAsset(id: string, sql: Sql = getSql()): Promise<Asset | undefined> {
  const [row] = await sql<AssetRow[]>`select * from assets where id = ${id}`;
  if (!row) return undefined;
  const attachments = await sql<AttachmentRow[]>`
    select asset_id, sensor_id, role, attached_at, detached_at from asset_sensors
    where asset_id = ${id} and detached_at is null order by role`;
  return assetView(row, attachments);
}

/** Undefined when the id is taken. */
export async function insertAsset(a: AssetInput, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`
    insert into assets (id, name, type_id, site, criticality, metadata)
    values (${a.id}, ${a.name}, ${a.type_id}, ${a.site}, ${a.criticality}, ${sql.json(a.metadata as never)})
    on conflict (id) do nothing
    returning id`;
  return rows.length === 1;
}

export async function updateAsset(id: string, p: AssetPatch, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`
    update assets set
      name = coalesce(${p.name ?? null}, name),
      site = ${p.site === undefined ? sql`site` : p.site},
      criticality = coalesce(${p.criticality ?? null}::smallint, criticality),
      metadata = coalesce(${p.metadata === undefined ? null : sql.json(p.metadata as never)}::jsonb, metadata),
      updated_at = now()
    where id = ${id}
    returning id`;
  return rows.length === 1;
}

/** Its attachments, health and episodes go with it (ON DELETE CASCADE); sensors and readings stay. */
export async function deleteAsset(id: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`delete from assets where id = ${id} returning id`;
  return rows.length === 1;
}

/**
 * Attaches a sensor to an asset in a role from `at`: the sensor's current attachment (on any asset)
 * and the role's current sensor are closed at `at` first, so both stay one at a time and the
 * history says from when. Run inside a transaction.
 */
export async function attachSensor(assetId: string, sensorId: string, role: string, at: Date, tx: Sql): Promise<AttachedSensor> {
  // Lock the asset row: two attachments to one asset at once would race the partial unique indexes.
  await tx`select id from assets where id = ${assetId} for update`;
  await tx`
    update asset_sensors set detached_at = greatest(${at}, attached_at)
    where detached_at is null and (sensor_id = ${sensorId} or (asset_id = ${assetId} and role = ${role}))`;
  const [row] = await tx<AttachmentRow[]>`
    insert into asset_sensors (asset_id, sensor_id, role, attached_at) values (${assetId}, ${sensorId}, ${role}, ${at})
    returning asset_id, sensor_id, role, attached_at, detached_at`;
  return attachmentView(row!);
}

/** The closed attachment; undefined when the sensor is not currently on the asset. */
export async function detachSensor(assetId: string, sensorId: string, at: Date, sql: Sql = getSql()): Promise<AttachedSensor | undefined> {
  const [row] = await sql<AttachmentRow[]>`
    update asset_sensors set detached_at = greatest(${at}, attached_at)
    where asset_id = ${assetId} and sensor_id = ${sensorId} and detached_at is null
    returning asset_id, sensor_id, role, attached_at, detached_at`;
  return row && attachmentView(row);
}

/** Every attachment period of an asset, newest first. */
export async function attachmentHistory(assetId: string, sql: Sql = getSql()): Promise<AttachedSensor[]> {
  const rows = await sql<AttachmentRow[]>`
    select asset_id, sensor_id, role, attached_at, detached_at from asset_sensors
    where asset_id = ${assetId} order by attached_at desc, id desc`;
  return rows.map(attachmentView);
}

export async function sensorExists(sensorId: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`select 1 from sensors where id = ${sensorId}`;
  return rows.length === 1;
}

/** Registers a sensor before it has readings (its counters start at zero); no-op when it exists. */
export async function registerSensor(sensorId: string, type: string, unit: string, sql: Sql = getSql()): Promise<void> {
  await sql`insert into sensors (id, type, unit) values (${sensorId}, ${type}, ${unit}) on conflict (id) do nothing`;
}
