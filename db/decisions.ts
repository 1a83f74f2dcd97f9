import { identityFromColumns, type Identity } from '../domain/identity';
import { getSql, type Sql } from './sql';

export const DECISIONS = ['approved', 'rejected', 'escalated'] as const;
export type Decision = (typeof DECISIONS)[number];
/** api: REST update; signal: the decision signal; auto: requested when the run started (demo); timeout_policy: the deadline passed. */
export const DECISION_SOURCES = ['api', 'signal', 'auto', 'timeout_policy'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

export interface NewDecision {
  requestId: string;
  decision: Decision;
  operatorId: string;
  justification: string;
  workflowId?: string | null;
  correlationId?: string | null;
  orderId?: string | null;
  source: DecisionSource;
  supersedes?: string | null;
  dedupKey: string;
  /** The authenticated identity that decided (null only for a payload that carried none). */
  decidedBy?: Identity | null;
}

export interface DecisionView {
  id: string;
  request_id: string;
  decision: Decision;
  operator_id: string;
  justification: string;
  workflow_id: string | null;
  correlation_id: string | null;
  order_id: string | null;
  source: DecisionSource;
  supersedes: string | null;
  /** The correction that replaced this decision, or null while it is the current one. */
  superseded_by: string | null;
  dedup_key: string | null;
  /** Who decided, as authenticated; null for decisions recorded before identities were kept. */
  decided_by: Identity | null;
  created_at: string;
}

interface DecisionRow extends Omit<DecisionView, 'created_at' | 'decided_by'> {
  created_at: Date;
  decided_by_kind: string | null;
  decided_by_key_id: string | null;
  decided_by_key_name: string | null;
}

const toView = ({ decided_by_kind, decided_by_key_id, decided_by_key_name, ...r }: DecisionRow): DecisionView => ({
  ...r,
  decided_by: identityFromColumns(decided_by_kind, decided_by_key_id, decided_by_key_name),
  created_at: r.created_at.toISOString(),
});

const columns = (sql: Sql) => sql`
  d.id, d.request_id, d.decision, d.operator_id, d.justification, d.workflow_id, d.correlation_id, d.order_id,
  d.source, d.supersedes, d.dedup_key, d.created_at, d.decided_by_kind, d.decided_by_key_id, d.decided_by_key_name,
  (select c.id from human_decisions c where c.supersedes = d.id) as superseded_by`;

/**
 * Appends a decision. The dedup key makes it idempotent: a second call with the same key returns
 * the row stored by the first (`inserted: false`) whatever else it carries.
 */
export async function recordDecision(d: NewDecision, sql: Sql = getSql()): Promise<{ decision: DecisionView; inserted: boolean }> {
  const [row] = await sql<{ id: string }[]>`
    insert into human_decisions
      (request_id, decision, operator_id, justification, workflow_id, correlation_id, order_id, source, supersedes, dedup_key,
       decided_by_kind, decided_by_key_id, decided_by_key_name)
    values (${d.requestId}, ${d.decision}, ${d.operatorId}, ${d.justification}, ${d.workflowId ?? null}, ${d.correlationId ?? null},
            ${d.orderId ?? null}, ${d.source}, ${d.supersedes ?? null}, ${d.dedupKey},
            ${d.decidedBy?.kind ?? null}, ${d.decidedBy?.key_id ?? null}, ${d.decidedBy?.key_name ?? null})
    on conflict (dedup_key) do nothing
    returning id`;
  const stored = await findDecisionByDedupKey(d.dedupKey, sql);
  if (!stored) throw new Error(`decision with dedup key ${d.dedupKey} vanished`);
  return { decision: stored, inserted: row !== undefined };
}

export async function findDecisionByDedupKey(dedupKey: string, sql: Sql = getSql()): Promise<DecisionView | undefined> {
  const [row] = await sql<DecisionRow[]>`select ${columns(sql)} from human_decisions d where d.dedup_key = ${dedupKey}`;
  return row && toView(row);
}

export async function getDecision(id: string, sql: Sql = getSql()): Promise<DecisionView | undefined> {
  const [row] = await sql<DecisionRow[]>`select ${columns(sql)} from human_decisions d where d.id = ${id}`;
  return row && toView(row);
}

/** The decision in force for a request: the newest one nobody has superseded. */
export async function findCurrentDecision(requestId: string, sql: Sql = getSql()): Promise<DecisionView | undefined> {
  const [row] = await sql<DecisionRow[]>`
    select ${columns(sql)} from human_decisions d
    where d.request_id = ${requestId}
      and not exists (select 1 from human_decisions c where c.supersedes = d.id)
    order by d.created_at desc, d.id desc
    limit 1`;
  return row && toView(row);
}

export interface DecisionFilter {
  operatorId?: string;
  requestId?: string;
  correlationId?: string;
  decision?: Decision;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Decisions newest first, each saying whether (and by what) it was superseded, with the filtered total. */
export async function listDecisions(f: DecisionFilter, sql: Sql = getSql()): Promise<{ items: DecisionView[]; total: number }> {
  const where = sql`
    where true
    ${f.operatorId ? sql`and d.operator_id = ${f.operatorId}` : sql``}
    ${f.requestId ? sql`and d.request_id = ${f.requestId}` : sql``}
    ${f.correlationId ? sql`and d.correlation_id = ${f.correlationId}` : sql``}
    ${f.decision ? sql`and d.decision = ${f.decision}` : sql``}
    ${f.from ? sql`and d.created_at >= ${f.from}` : sql``}
    ${f.to ? sql`and d.created_at <= ${f.to}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    sql<DecisionRow[]>`
      select ${columns(sql)} from human_decisions d ${where}
      order by d.created_at desc, d.id desc
      limit ${f.limit} offset ${f.offset}`,
    sql<{ total: bigint }[]>`select count(*) as total from human_decisions d ${where}`,
  ]);
  return { items: rows.map(toView), total: Number(count?.total ?? 0) };
}

/**
 * The decisions on an asset's orders, newest first: an order is the asset's when it names the asset
 * as its equipment, or was raised on one of its sensors while attached (the rule of listAssetOrders).
 */
export async function listAssetDecisions(assetId: string, limit: number, sql: Sql = getSql()): Promise<DecisionView[]> {
  const rows = await sql<DecisionRow[]>`
    select ${columns(sql)} from human_decisions d
    join maintenance_orders o on o.id = d.order_id
    where o.equipment = ${assetId}
       or exists (
         select 1 from asset_sensors s
         where s.asset_id = ${assetId} and s.sensor_id = o.sensor_id and o.created_at >= s.attached_at
           and (s.detached_at is null or o.created_at < s.detached_at))
    order by d.created_at desc, d.id desc
    limit ${limit}`;
  return rows.map(toView);
}
