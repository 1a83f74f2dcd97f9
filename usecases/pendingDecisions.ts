import type postgres from 'postgres';
import { listPendingDecisions, type PendingDecisionRow } from '../db/decisionRequests';
import type { DriftEvidence } from '../domain/assetHealth';

export interface PendingSimilarCase {
  id: string;
  similarity: number;
  decision: string | null;
  outcome: string | null;
  summary: string;
}

/** One workflow waiting for a person, with everything the decision card restates. */
export interface PendingDecision {
  request_id: string;
  workflow_id: string;
  correlation_id: string | null;
  deadline: string;
  requested_at: string;
  threshold: number | null;
  similar_cases: PendingSimilarCase[];
  /** The drift checks when the prediction was made on drifted inputs (no timeout approves it), else null. */
  drift: PendingDriftEvidence[] | null;
  order: {
    id: string;
    sensor_id: string | null;
    equipment: string | null;
    priority: string | null;
    status: string | null;
    failure_probability: number | null;
    technician_id: string | null;
    technician_name: string | null;
    window_start: string | null;
    window_end: string | null;
    deadline: string | null;
  } | null;
}

export type PendingDriftEvidence = Required<Pick<DriftEvidence, 'sensor_id' | 'checked_at'>> & {
  window_minutes: number | null;
  ks_statistic: number | null;
  p_value: number | null;
  psi: number | null;
};

const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Only flows started from drifted inputs store drift evidence with their request. */
function driftEvidence(context: Record<string, unknown>): PendingDriftEvidence[] | null {
  const drift = context.drift;
  if (!Array.isArray(drift) || !drift.length) return null;
  return drift.map((d: Record<string, unknown>) => ({
    sensor_id: String(d.sensor_id),
    checked_at: String(d.checked_at),
    window_minutes: numOrNull(d.window_minutes),
    ks_statistic: numOrNull(d.ks_statistic),
    p_value: numOrNull(d.p_value),
    psi: numOrNull(d.psi),
  }));
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Requests opened before the context was stored have none: they show no threshold or cases. */
function similarCases(context: Record<string, unknown>): PendingSimilarCase[] {
  const cases = context.similar_cases;
  if (!Array.isArray(cases)) return [];
  return cases.map((c: PendingSimilarCase) => ({
    id: String(c.id),
    similarity: Number(c.similarity),
    decision: c.decision ?? null,
    outcome: c.outcome ?? null,
    summary: String(c.summary ?? ''),
  }));
}

function toView(r: PendingDecisionRow): PendingDecision {
  return {
    request_id: r.request_id,
    workflow_id: r.workflow_id,
    correlation_id: r.correlation_id,
    deadline: r.deadline.toISOString(),
    requested_at: r.created_at.toISOString(),
    threshold: typeof r.context.threshold === 'number' ? r.context.threshold : null,
    similar_cases: similarCases(r.context),
    drift: driftEvidence(r.context),
    order: r.order_id
      ? {
          id: r.order_id,
          sensor_id: r.sensor_id,
          equipment: r.equipment,
          priority: r.priority,
          status: r.order_status,
          failure_probability: r.failure_probability,
          technician_id: r.technician_id,
          technician_name: r.technician_name,
          window_start: iso(r.window_start),
          window_end: iso(r.window_end),
          deadline: iso(r.order_deadline),
        }
      : null,
  };
}

/** Every decision a person can still take, nearest deadline first (the decisions inbox). */
export async function pendingDecisions(sql: postgres.Sql, limit = 200): Promise<PendingDecision[]> {
  return (await listPendingDecisions({ limit, graceMinutes: 5 }, sql)).map(toView);
}
