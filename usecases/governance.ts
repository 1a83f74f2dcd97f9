/**
 * Data governance (issue 18): retention policies per data class, legal holds on the readings of
 * a decision, order or alarm, and the audit of every change to either. Each change and its audit
 * row commit in one transaction, so the audit never misses or invents a change.
 */
import type postgres from 'postgres';
import type { Config } from '../config';
import {
  heldRecordWindow,
  insertGovernanceAudit,
  insertLegalHold,
  listGovernanceAudit,
  listLegalHolds,
  lockRetentionPolicies,
  releaseLegalHoldRow,
  storedRetentionPolicies,
  upsertRetentionPolicy,
  type AuditEntry,
  type HoldSubjectKind,
  type LegalHold,
} from '../db/governance';
import type { Sql } from '../db/sql';
import { Conflict, InvalidInput, NotFound } from '../domain/errors';
import type { Identity } from '../domain/identity';
import { DATA_CLASSES, retentionConflicts, retentionCutoff, type DataClass, type RetentionDays } from '../domain/retention';

type RetentionDefaults = Pick<
  Config,
  | 'RAW_READINGS_RETENTION_DAYS'
  | 'MINUTE_AGGREGATES_RETENTION_DAYS'
  | 'HOUR_AGGREGATES_RETENTION_DAYS'
  | 'EVENTS_RETENTION_DAYS'
  | 'PREDICTIONS_RETENTION_DAYS'
  | 'NOTIFICATIONS_RETENTION_DAYS'
  | 'REPORTS_RETENTION_DAYS'
>;

export interface GovernanceDeps {
  sql: postgres.Sql;
  config: RetentionDefaults & Pick<Config, 'LEGAL_HOLD_MARGIN_HOURS'>;
}

export function defaultRetentionDays(config: RetentionDefaults): RetentionDays {
  return {
    raw_readings: config.RAW_READINGS_RETENTION_DAYS,
    minute_aggregates: config.MINUTE_AGGREGATES_RETENTION_DAYS,
    hour_aggregates: config.HOUR_AGGREGATES_RETENTION_DAYS,
    events: config.EVENTS_RETENTION_DAYS,
    predictions: config.PREDICTIONS_RETENTION_DAYS,
    notifications: config.NOTIFICATIONS_RETENTION_DAYS,
    reports: config.REPORTS_RETENTION_DAYS,
  };
}

export interface RetentionPolicyView {
  data_class: DataClass;
  retain_days: number;
  /** 'default': from the configuration; 'set': changed by someone (updated_at and updated_by say who). */
  source: 'default' | 'set';
  updated_at: string | null;
  updated_by: Identity | null;
}

async function effectivePolicies(sql: Sql, config: RetentionDefaults): Promise<RetentionPolicyView[]> {
  const stored = new Map((await storedRetentionPolicies(sql)).map((p) => [p.data_class, p]));
  const defaults = defaultRetentionDays(config);
  return DATA_CLASSES.map((c) => {
    const s = stored.get(c);
    return s
      ? { data_class: c, retain_days: s.retain_days, source: 'set', updated_at: s.updated_at.toISOString(), updated_by: s.updated_by }
      : { data_class: c, retain_days: defaults[c], source: 'default', updated_at: null, updated_by: null };
  });
}

const asDays = (policies: RetentionPolicyView[]) => Object.fromEntries(policies.map((p) => [p.data_class, p.retain_days])) as RetentionDays;

export function retentionPolicies(deps: GovernanceDeps): Promise<RetentionPolicyView[]> {
  return effectivePolicies(deps.sql, deps.config);
}

/** The instant before which each class is due now: what the retention workflow applies. */
export async function retentionCutoffs(deps: GovernanceDeps, now: Date): Promise<Record<DataClass, string>> {
  const days = asDays(await effectivePolicies(deps.sql, deps.config));
  return Object.fromEntries(DATA_CLASSES.map((c) => [c, retentionCutoff(now, days[c]).toISOString()])) as Record<DataClass, string>;
}

/**
 * Sets the given classes' policies; one audit row per class whose value changed (setting a value
 * equal to the current one is no change and leaves no row). Refused whole when the result would
 * keep aggregates shorter than what they summarise.
 */
export async function updateRetentionPolicies(
  deps: GovernanceDeps,
  changes: Partial<RetentionDays>,
  by: Identity,
): Promise<RetentionPolicyView[]> {
  return deps.sql.begin(async (tx) => {
    await lockRetentionPolicies(tx);
    const before = asDays(await effectivePolicies(tx, deps.config));
    const after = { ...before, ...changes };
    const conflicts = retentionConflicts(after);
    if (conflicts.length) {
      throw new InvalidInput(
        conflicts.map((c) => ({ field: `body.${c.field}`, message: c.message })),
        'The policies contradict each other',
      );
    }
    for (const c of DATA_CLASSES) {
      if (changes[c] === undefined || changes[c] === before[c]) continue;
      await upsertRetentionPolicy(tx, c, changes[c], by);
      await insertGovernanceAudit(tx, {
        action: 'policy_changed',
        subject: c,
        oldValue: { retain_days: before[c] },
        newValue: { retain_days: changes[c] },
        by,
      });
    }
    return effectivePolicies(tx, deps.config);
  }) as Promise<RetentionPolicyView[]>;
}

const HOUR_MS = 3_600_000;

/** Holds the readings window of a decision, order or alarm (± the margin) until released. */
export async function placeLegalHold(
  deps: GovernanceDeps,
  h: { kind: HoldSubjectKind; id: string; reason: string; marginHours?: number },
  by: Identity,
): Promise<LegalHold> {
  const window = await heldRecordWindow(h.kind, h.id, deps.sql);
  if (!window) throw new NotFound(`No ${h.kind} ${h.id} with a readings window`);
  const margin = (h.marginHours ?? deps.config.LEGAL_HOLD_MARGIN_HOURS) * HOUR_MS;
  return deps.sql.begin(async (tx) => {
    const hold = await insertLegalHold(tx, {
      kind: h.kind,
      subjectId: h.id,
      reason: h.reason,
      sensorIds: window.sensor_ids,
      from: new Date(window.from.getTime() - margin),
      to: new Date(window.to.getTime() + margin),
      by,
    });
    if (!hold) throw new Conflict(`The ${h.kind} ${h.id} is already under hold`, 'hold_exists');
    await insertGovernanceAudit(tx, { action: 'hold_placed', subject: `${h.kind}:${h.id}`, oldValue: null, newValue: holdValue(hold), by });
    return hold;
  }) as Promise<LegalHold>;
}

export async function releaseLegalHold(deps: GovernanceDeps, holdId: string, by: Identity): Promise<LegalHold> {
  return deps.sql.begin(async (tx) => {
    const hold = await releaseLegalHoldRow(tx, holdId, by);
    if (!hold) throw new NotFound(`No active hold ${holdId}`);
    await insertGovernanceAudit(tx, {
      action: 'hold_released',
      subject: `${hold.subject_kind}:${hold.subject_id}`,
      oldValue: holdValue(hold),
      newValue: null,
      by,
    });
    return hold;
  }) as Promise<LegalHold>;
}

const holdValue = (h: LegalHold) => ({
  hold_id: h.id,
  reason: h.reason,
  sensor_ids: h.sensor_ids,
  window_from: h.window_from.toISOString(),
  window_to: h.window_to.toISOString(),
});

export type { LegalHold };

export function legalHolds(deps: GovernanceDeps, includeReleased: boolean): Promise<LegalHold[]> {
  return listLegalHolds({ includeReleased }, deps.sql);
}

export function governanceAudit(deps: GovernanceDeps, q: { limit: number; beforeId?: string }): Promise<AuditEntry[]> {
  return listGovernanceAudit(q, deps.sql);
}
