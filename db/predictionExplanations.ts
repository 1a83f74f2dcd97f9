import { getSql, type Sql } from './sql';

/** The columns every reader of a prediction row shares (the lineage reads more of them). */
export interface PredictionCore {
  id: string;
  model: string;
  version: string;
  stage: string | null;
  sensor_id: string | null;
  features: Record<string, unknown>;
  probability: number;
  prediction: number;
  explanation: unknown;
}

export interface StoredPrediction extends PredictionCore {
  latency_ms: number | null;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: string;
}

interface PredictionRow extends Omit<StoredPrediction, 'created_at'> {
  created_at: Date;
}

const toView = (r: PredictionRow): StoredPrediction => ({ ...r, created_at: r.created_at.toISOString() });

export async function getPrediction(id: string, sql: Sql = getSql()): Promise<StoredPrediction | null> {
  const [row] = await sql<PredictionRow[]>`
    select id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, workflow_id, correlation_id, created_at
    from predictions where id = ${id}`;
  return row ? toView(row) : null;
}

/** Newest first; the filters let a caller find the prediction a request or a sensor produced. */
export async function listPredictions(
  f: { sensorId?: string; correlationId?: string; limit: number },
  sql: Sql = getSql(),
): Promise<StoredPrediction[]> {
  const rows = await sql<PredictionRow[]>`
    select id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, workflow_id, correlation_id, created_at
    from predictions
    where (${f.sensorId ?? null}::text is null or sensor_id = ${f.sensorId ?? null})
      and (${f.correlationId ?? null}::uuid is null or correlation_id = ${f.correlationId ?? null}::uuid)
    order by created_at desc, id
    limit ${f.limit}`;
  return rows.map(toView);
}

/**
 * Attaches an explanation unless one is already there, and returns the one stored: a retried or
 * concurrent explanation never overwrites the first (they are equal anyway, being exact).
 */
export async function storeExplanationOnce(id: string, explanation: unknown, sql: Sql = getSql()): Promise<unknown> {
  const [updated] = await sql<{ explanation: unknown }[]>`
    update predictions set explanation = ${sql.json(explanation as never)}
    where id = ${id} and explanation is null
    returning explanation`;
  if (updated) return updated.explanation;
  const [existing] = await sql<{ explanation: unknown }[]>`select explanation from predictions where id = ${id}`;
  return existing?.explanation ?? null;
}
