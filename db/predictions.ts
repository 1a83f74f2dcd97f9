import { getSql, type Sql } from './sql';

export interface NewPrediction {
  id?: string;
  model: string;
  version: string;
  stage: string | null;
  sensorId: string | null;
  features: Record<string, unknown>;
  probability: number;
  prediction: number;
  explanation: unknown;
  latencyMs: number;
  workflowId: string | null;
  correlationId: string | null;
  dedupKey: string | null;
}

/** Stores a prediction; with a dedup key (or a fixed id) a retry returns the first row's id. */
export async function recordPrediction(p: NewPrediction, sql: Sql = getSql()): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into predictions (id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, workflow_id, correlation_id, dedup_key)
    values (coalesce(${p.id ?? null}::uuid, gen_random_uuid()), ${p.model}, ${p.version}, ${p.stage}, ${p.sensorId}, ${sql.json(p.features as never)},
            ${p.probability}, ${p.prediction}, ${p.explanation === null || p.explanation === undefined ? null : sql.json(p.explanation as never)},
            ${p.latencyMs}, ${p.workflowId}, ${p.correlationId}, ${p.dedupKey})
    on conflict do nothing
    returning id`;
  if (row) return row.id;
  const [existing] = await sql<{ id: string }[]>`
    select id from predictions where (${p.dedupKey}::text is not null and dedup_key = ${p.dedupKey}) or (${p.id ?? null}::uuid is not null and id = ${p.id ?? null}::uuid)`;
  return existing!.id;
}
