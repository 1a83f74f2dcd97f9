/** Model stage moves (promotions, rollbacks) and the promotion requests awaiting approval. */
import { identityFromColumns, type Identity } from '../domain/identity';
import { getSql, type Sql } from './sql';

export interface StageChange {
  id: string;
  model: string;
  version: string;
  from_stage: string;
  to_stage: string;
  action: 'promote' | 'rollback';
  replaced_version: string | null;
  evidence_report_id: string | null;
  by: Identity | null;
  justification: string;
  workflow_id: string | null;
  created_at: string;
}

type StageChangeRow = Omit<StageChange, 'by' | 'created_at'> & {
  by_kind: string;
  by_key_id: string | null;
  by_key_name: string | null;
  created_at: Date;
};

const toChange = ({ by_kind, by_key_id, by_key_name, ...r }: StageChangeRow): StageChange => ({
  ...r,
  by: identityFromColumns(by_kind, by_key_id, by_key_name),
  created_at: r.created_at.toISOString(),
});

const changeColumns = (sql: Sql) => sql`
  id::text as id, model, version, from_stage, to_stage, action, replaced_version, evidence_report_id, by_kind, by_key_id, by_key_name,
  justification, workflow_id, created_at`;

/** A model's stage moves, newest first. */
export async function listStageChanges(model: string, sql: Sql = getSql()): Promise<StageChange[]> {
  const rows = await sql<StageChangeRow[]>`
    select ${changeColumns(sql)} from model_stage_changes where model = ${model} order by created_at desc, id desc limit 100`;
  return rows.map(toChange);
}

/** The newest move of every model to Production: the versions in Production now, where a move was recorded. */
export async function recordedProductionVersions(sql: Sql = getSql()): Promise<Map<string, string>> {
  const rows = await sql<{ model: string; version: string }[]>`
    select distinct on (model) model, version from model_stage_changes
    where to_stage = 'Production' order by model, created_at desc, id desc`;
  return new Map(rows.map((r) => [r.model, r.version]));
}

/** Records a move once per dedup key; a repeat returns the first row. */
export async function insertStageChange(
  c: Omit<StageChange, 'id' | 'created_at' | 'by'> & { by: Identity; dedupKey: string },
  sql: Sql = getSql(),
): Promise<StageChange> {
  const [row] = await sql<StageChangeRow[]>`
    insert into model_stage_changes (model, version, from_stage, to_stage, action, replaced_version, evidence_report_id,
                                     by_kind, by_key_id, by_key_name, justification, workflow_id, dedup_key)
    values (${c.model}, ${c.version}, ${c.from_stage}, ${c.to_stage}, ${c.action}, ${c.replaced_version}, ${c.evidence_report_id},
            ${c.by.kind}, ${c.by.key_id}, ${c.by.key_name}, ${c.justification}, ${c.workflow_id}, ${c.dedupKey})
    on conflict (dedup_key) do nothing
    returning ${changeColumns(sql)}`;
  if (row) return toChange(row);
  const [existing] = await sql<StageChangeRow[]>`select ${changeColumns(sql)} from model_stage_changes where dedup_key = ${c.dedupKey}`;
  return toChange(existing!);
}

export interface PromotionRequest {
  id: string;
  model: string;
  version: string;
  evidence_report_id: string;
  status: 'open' | 'approved' | 'rejected' | 'expired';
  requested_by: Identity | null;
  justification: string;
  deadline: string;
  decided_by: Identity | null;
  decision_justification: string | null;
  created_at: string;
  closed_at: string | null;
}

type RequestRow = Omit<PromotionRequest, 'requested_by' | 'decided_by' | 'deadline' | 'created_at' | 'closed_at'> & {
  requested_by_kind: string;
  requested_by_key_id: string | null;
  requested_by_key_name: string | null;
  decided_by_kind: string | null;
  decided_by_key_id: string | null;
  decided_by_key_name: string | null;
  deadline: Date;
  created_at: Date;
  closed_at: Date | null;
};

const toRequest = (r: RequestRow): PromotionRequest => ({
  id: r.id,
  model: r.model,
  version: r.version,
  evidence_report_id: r.evidence_report_id,
  status: r.status,
  requested_by: identityFromColumns(r.requested_by_kind, r.requested_by_key_id, r.requested_by_key_name),
  justification: r.justification,
  deadline: r.deadline.toISOString(),
  decided_by: identityFromColumns(r.decided_by_kind, r.decided_by_key_id, r.decided_by_key_name),
  decision_justification: r.decision_justification,
  created_at: r.created_at.toISOString(),
  closed_at: r.closed_at?.toISOString() ?? null,
});

/** Opens a request once (a retried activity finds the first). */
export async function openPromotionRequest(
  r: { id: string; model: string; version: string; evidenceReportId: string; requestedBy: Identity; justification: string; deadline: Date },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    insert into model_promotion_requests (id, model, version, evidence_report_id, status, requested_by_kind, requested_by_key_id,
                                          requested_by_key_name, justification, deadline)
    values (${r.id}, ${r.model}, ${r.version}, ${r.evidenceReportId}, 'open', ${r.requestedBy.kind}, ${r.requestedBy.key_id},
            ${r.requestedBy.key_name}, ${r.justification}, ${r.deadline})
    on conflict (id) do nothing`;
}

/** Closes an open request; a closed one keeps its first outcome. */
export async function closePromotionRequest(
  r: { id: string; status: 'approved' | 'rejected' | 'expired'; decidedBy: Identity | null; justification: string | null },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    update model_promotion_requests set status = ${r.status}, closed_at = now(), decided_by_kind = ${r.decidedBy?.kind ?? null},
      decided_by_key_id = ${r.decidedBy?.key_id ?? null}, decided_by_key_name = ${r.decidedBy?.key_name ?? null},
      decision_justification = ${r.justification}
    where id = ${r.id} and status = 'open'`;
}

export async function getPromotionRequest(id: string, sql: Sql = getSql()): Promise<PromotionRequest | undefined> {
  const [row] = await sql<RequestRow[]>`select * from model_promotion_requests where id = ${id}`;
  return row && toRequest(row);
}

/** A model's promotion requests, newest first (the open one, if any, among them). */
export async function listPromotionRequests(model: string, sql: Sql = getSql()): Promise<PromotionRequest[]> {
  const rows = await sql<RequestRow[]>`select * from model_promotion_requests where model = ${model} order by created_at desc limit 50`;
  return rows.map(toRequest);
}

/** The newest shadow report of a version created at or after `since`, if any. */
export async function freshShadowReport(
  model: string,
  version: string,
  since: Date,
  sql: Sql = getSql(),
): Promise<{ fresh: { id: string; created_at: Date } | undefined; newest: { id: string; created_at: Date } | undefined }> {
  const [newest] = await sql<{ id: string; created_at: Date }[]>`
    select id, created_at from reports
    where report_type = 'shadow_evaluation' and parameters->>'model' = ${model} and parameters->>'version' = ${version}
    order by created_at desc limit 1`;
  return { fresh: newest && newest.created_at >= since ? newest : undefined, newest };
}
