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
  /** Lineage (0010): the threshold and artifact that produced it, and the readings it was computed from. */
  threshold?: number | null;
  artifactSha256?: string | null;
  inputReadings?: { ids: bigint[]; from: Date; to: Date } | null;
  featureDerivation?: Record<string, string> | null;
}

/** Stores a prediction; with a dedup key (or a fixed id) a retry returns the first row's id. */
export async function recordPrediction(p: NewPrediction, sql: Sql = getSql()): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into predictions (id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, workflow_id, correlation_id, dedup_key,
                             threshold, artifact_sha256, input_reading_ids, input_from, input_to, feature_derivation)
    values (coalesce(${p.id ?? null}::uuid, gen_random_uuid()), ${p.model}, ${p.version}, ${p.stage}, ${p.sensorId}, ${sql.json(p.features as never)},
            ${p.probability}, ${p.prediction}, ${p.explanation === null || p.explanation === undefined ? null : sql.json(p.explanation as never)},
            ${p.latencyMs}, ${p.workflowId}, ${p.correlationId}, ${p.dedupKey},
            ${p.threshold ?? null}, ${p.artifactSha256 ?? null}, ${p.inputReadings ? p.inputReadings.ids.map(String) : null}::bigint[],
            ${p.inputReadings?.from ?? null}, ${p.inputReadings?.to ?? null},
            ${p.featureDerivation ? sql.json(p.featureDerivation) : null})
    on conflict do nothing
    returning id`;
  if (row) return row.id;
  const [existing] = await sql<{ id: string }[]>`
    select id from predictions where (${p.dedupKey}::text is not null and dedup_key = ${p.dedupKey}) or (${p.id ?? null}::uuid is not null and id = ${p.id ?? null}::uuid)`;
  return existing!.id;
}

/** Stores many API predictions in one statement (each has its own id; no dedup key). */
export async function insertPredictions(ps: (NewPrediction & { id: string })[], sql: Sql = getSql()): Promise<void> {
  if (ps.length === 0) return;
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  // JSON travels as text[] and is cast per row: a text passed as a jsonb[] element would be
  // stored as a JSON string, not as the object.
  await sql`
    insert into predictions (id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, correlation_id,
                             threshold, artifact_sha256)
    select id, model, version, stage, sensor_id, features::jsonb, probability, prediction, explanation::jsonb, latency_ms, correlation_id,
           threshold, artifact_sha256
    from unnest(
      ${ps.map((p) => p.id)}::uuid[], ${ps.map((p) => p.model)}::text[], ${ps.map((p) => p.version)}::text[], ${ps.map((p) => p.stage)}::text[],
      ${ps.map((p) => p.sensorId)}::text[], ${ps.map((p) => json(p.features))}::text[], ${ps.map((p) => p.probability)}::float8[],
      ${ps.map((p) => p.prediction)}::int2[], ${ps.map((p) => json(p.explanation))}::text[],
      ${ps.map((p) => p.latencyMs)}::float8[], ${ps.map((p) => p.correlationId)}::uuid[],
      ${ps.map((p) => p.threshold ?? null)}::float8[], ${ps.map((p) => p.artifactSha256 ?? null)}::text[]
    ) as t(id, model, version, stage, sensor_id, features, probability, prediction, explanation, latency_ms, correlation_id,
           threshold, artifact_sha256)
    on conflict do nothing`;
}
