/** Retention policies, legal holds and their audit trail (issue 18). */
import { identityFromColumns, type Identity } from '../domain/identity';
import type { DataClass } from '../domain/retention';
import { getSql, type Sql } from './sql';

export interface StoredPolicy {
  data_class: DataClass;
  retain_days: number;
  updated_at: Date;
  updated_by: Identity | null;
}

export interface LegalHold {
  id: string;
  subject_kind: HoldSubjectKind;
  subject_id: string;
  reason: string;
  sensor_ids: string[];
  window_from: Date;
  window_to: Date;
  placed_at: Date;
  placed_by: Identity | null;
  released_at: Date | null;
  released_by: Identity | null;
}

export type HoldSubjectKind = 'decision' | 'order' | 'alarm';

export interface AuditEntry {
  id: string;
  action: 'policy_changed' | 'hold_placed' | 'hold_released';
  subject: string;
  old_value: unknown;
  new_value: unknown;
  by: Identity | null;
  created_at: Date;
}

const byColumns = (by: Identity) => [by.kind, by.key_id, by.key_name] as const;

/** The policies set by hand; classes without a row follow the configured defaults. */
export async function storedRetentionPolicies(sql: Sql = getSql()): Promise<StoredPolicy[]> {
  const rows = await sql<(Omit<StoredPolicy, 'updated_by'> & { k: string; i: string | null; n: string | null })[]>`
    select data_class, retain_days, updated_at, updated_by_kind as k, updated_by_key_id::text as i, updated_by_key_name as n
    from retention_policies order by data_class`;
  return rows.map(({ k, i, n, ...r }) => ({ ...r, updated_by: identityFromColumns(k, i, n) }));
}

/** Serialises policy changes, so two editors' old values in the audit are each the other's new. */
export async function lockRetentionPolicies(tx: Sql): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext('retention_policies'))`;
}

export async function upsertRetentionPolicy(tx: Sql, dataClass: DataClass, days: number, by: Identity): Promise<void> {
  const [kind, keyId, keyName] = byColumns(by);
  await tx`
    insert into retention_policies (data_class, retain_days, updated_by_kind, updated_by_key_id, updated_by_key_name)
    values (${dataClass}, ${days}, ${kind}, ${keyId}, ${keyName})
    on conflict (data_class) do update set retain_days = excluded.retain_days, updated_at = now(),
      updated_by_kind = excluded.updated_by_kind, updated_by_key_id = excluded.updated_by_key_id,
      updated_by_key_name = excluded.updated_by_key_name`;
}

export async function insertGovernanceAudit(
  tx: Sql,
  e: { action: AuditEntry['action']; subject: string; oldValue: unknown; newValue: unknown; by: Identity },
): Promise<void> {
  const [kind, keyId, keyName] = byColumns(e.by);
  await tx`
    insert into governance_audit (action, subject, old_value, new_value, by_kind, by_key_id, by_key_name)
    values (${e.action}, ${e.subject}, ${e.oldValue === null ? null : tx.json(e.oldValue as never)},
            ${e.newValue === null ? null : tx.json(e.newValue as never)}, ${kind}, ${keyId}, ${keyName})`;
}

/** The audit, newest first; `beforeId` pages back. */
export async function listGovernanceAudit(q: { limit: number; beforeId?: string }, sql: Sql = getSql()): Promise<AuditEntry[]> {
  const rows = await sql<(Omit<AuditEntry, 'by'> & { k: string; i: string | null; n: string | null })[]>`
    select id::text as id, action, subject, old_value, new_value, by_kind as k, by_key_id::text as i, by_key_name as n, created_at
    from governance_audit
    where ${q.beforeId ? sql`id < ${q.beforeId}` : sql`true`}
    order by id desc limit ${q.limit}`;
  return rows.map(({ k, i, n, ...r }) => ({ ...r, by: identityFromColumns(k, i, n) }));
}

/**
 * The readings a record is about, before any margin: an alarm's sensor from its start to its
 * end (or last anomalous reading while open); an order's sensor over the input window of the
 * prediction it came from, or the day before the order when none was recorded; a decision's,
 * that of the order it decided. Undefined when the record does not exist or names no order.
 */
export async function heldRecordWindow(
  kind: HoldSubjectKind,
  id: string,
  sql: Sql = getSql(),
): Promise<{ sensor_ids: string[]; from: Date; to: Date } | undefined> {
  if (kind === 'alarm') {
    const [row] = await sql<{ sensor_id: string; from: Date; to: Date }[]>`
      select sensor_id, start_ts as from, greatest(coalesce(end_ts, last_anomalous_ts), start_ts) as to
      from alarms where id = ${id}::uuid`;
    return row && { sensor_ids: [row.sensor_id], from: row.from, to: row.to };
  }
  const orderId =
    kind === 'order'
      ? id
      : (await sql<{ order_id: string | null }[]>`select order_id::text as order_id from human_decisions where id = ${id}::uuid`)[0]
          ?.order_id;
  if (!orderId) return undefined;
  const [row] = await sql<{ sensor_id: string; from: Date; to: Date }[]>`
    select o.sensor_id,
           coalesce(p.input_from, o.created_at - interval '1 day') as from,
           greatest(coalesce(p.input_to, o.created_at), coalesce(p.input_from, o.created_at - interval '1 day')) as to
    from maintenance_orders o left join predictions p on p.id = o.prediction_id
    where o.id = ${orderId}::uuid`;
  return row && { sensor_ids: [row.sensor_id], from: row.from, to: row.to };
}

type HoldRow = Omit<LegalHold, 'placed_by' | 'released_by'> & {
  pk: string;
  pi: string | null;
  pn: string | null;
  rk: string | null;
  ri: string | null;
  rn: string | null;
};

const holdColumns = (sql: Sql) => sql`
  id::text as id, subject_kind, subject_id, reason, sensor_ids, window_from, window_to, placed_at, released_at,
  placed_by_kind as pk, placed_by_key_id::text as pi, placed_by_key_name as pn,
  released_by_kind as rk, released_by_key_id::text as ri, released_by_key_name as rn`;

const toHold = ({ pk, pi, pn, rk, ri, rn, ...r }: HoldRow): LegalHold => ({
  ...r,
  placed_by: identityFromColumns(pk, pi, pn),
  released_by: identityFromColumns(rk, ri, rn),
});

/** Places a hold; undefined when the record already has an active one. */
export async function insertLegalHold(
  tx: Sql,
  h: { kind: HoldSubjectKind; subjectId: string; reason: string; sensorIds: string[]; from: Date; to: Date; by: Identity },
): Promise<LegalHold | undefined> {
  const [kind, keyId, keyName] = byColumns(h.by);
  const [row] = await tx<HoldRow[]>`
    insert into legal_holds (subject_kind, subject_id, reason, sensor_ids, window_from, window_to, placed_by_kind, placed_by_key_id, placed_by_key_name)
    values (${h.kind}, ${h.subjectId}, ${h.reason}, ${h.sensorIds}, ${h.from}, ${h.to}, ${kind}, ${keyId}, ${keyName})
    on conflict (subject_kind, subject_id) where released_at is null do nothing
    returning ${holdColumns(tx)}`;
  return row && toHold(row);
}

/** Releases an active hold; undefined when there is no such active hold. */
export async function releaseLegalHoldRow(tx: Sql, id: string, by: Identity): Promise<LegalHold | undefined> {
  const [kind, keyId, keyName] = byColumns(by);
  const [row] = await tx<HoldRow[]>`
    update legal_holds set released_at = now(), released_by_kind = ${kind}, released_by_key_id = ${keyId}, released_by_key_name = ${keyName}
    where id = ${id}::uuid and released_at is null
    returning ${holdColumns(tx)}`;
  return row && toHold(row);
}

/** Holds, newest first: only the active ones unless `includeReleased`. */
export async function listLegalHolds(q: { includeReleased: boolean }, sql: Sql = getSql()): Promise<LegalHold[]> {
  const rows = await sql<HoldRow[]>`
    select ${holdColumns(sql)} from legal_holds
    where ${q.includeReleased ? sql`true` : sql`released_at is null`}
    order by placed_at desc, id limit 500`;
  return rows.map(toHold);
}
