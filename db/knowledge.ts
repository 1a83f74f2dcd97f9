import { getSql, type Sql } from './sql';

export interface NewKnowledge {
  kind: string;
  sensorId?: string | null;
  features: Record<string, unknown>;
  featureSpace: string;
  vector: number[];
  prediction?: Record<string, unknown> | null;
  decision?: string | null;
  outcome?: string | null;
  summary: string;
  workflowId?: string | null;
  dedupKey: string;
}

export interface KnowledgeView {
  id: string;
  kind: string;
  sensor_id: string | null;
  features: Record<string, unknown>;
  feature_space: string;
  vector: number[];
  prediction: Record<string, unknown> | null;
  decision: string | null;
  outcome: string | null;
  summary: string;
  workflow_id: string | null;
  created_at: string;
}

type KnowledgeRow = Omit<KnowledgeView, 'created_at'> & { created_at: Date };

const toView = (r: KnowledgeRow): KnowledgeView => ({ ...r, created_at: r.created_at.toISOString() });

const columns = (sql: Sql) =>
  sql`id, kind, sensor_id, features, feature_space, vector, prediction, decision, outcome, summary, workflow_id, created_at`;

/** Stores an entry once per dedup key and returns the stored entry (the first one on a repeat). */
export async function recordKnowledge(k: NewKnowledge, sql: Sql = getSql()): Promise<{ entry: KnowledgeView; inserted: boolean }> {
  const [row] = await sql<KnowledgeRow[]>`
    insert into knowledge (kind, sensor_id, features, feature_space, vector, prediction, decision, outcome, summary, workflow_id, dedup_key)
    values (${k.kind}, ${k.sensorId ?? null}, ${sql.json(k.features as never)}, ${k.featureSpace}, ${k.vector}::float8[],
            ${k.prediction ? sql.json(k.prediction as never) : null}, ${k.decision ?? null}, ${k.outcome ?? null}, ${k.summary},
            ${k.workflowId ?? null}, ${k.dedupKey})
    on conflict (dedup_key) do nothing
    returning ${columns(sql)}`;
  if (row) return { entry: toView(row), inserted: true };
  const [existing] = await sql<KnowledgeRow[]>`select ${columns(sql)} from knowledge where dedup_key = ${k.dedupKey}`;
  if (!existing) throw new Error(`knowledge entry ${k.dedupKey} vanished`);
  return { entry: toView(existing), inserted: false };
}

/**
 * The newest entries in one feature space (optionally for one sensor): the candidates a
 * similarity search ranks. Bounded so the search stays cheap however large the table grows.
 */
export async function listKnowledgeCandidates(
  f: { featureSpace: string; sensorId?: string; limit: number },
  sql: Sql = getSql(),
): Promise<KnowledgeView[]> {
  const rows = await sql<KnowledgeRow[]>`
    select ${columns(sql)} from knowledge
    where feature_space = ${f.featureSpace}
    ${f.sensorId ? sql`and sensor_id = ${f.sensorId}` : sql``}
    order by created_at desc, id desc
    limit ${f.limit}`;
  return rows.map(toView);
}
