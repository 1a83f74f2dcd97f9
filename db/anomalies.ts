import { getSql, type Sql } from './sql';

export interface NewAnomaly {
  sensorId: string;
  readingId: bigint;
  ts: Date;
  value: number;
  score: number;
  method: string;
  reason: string;
  workflowId: string | null;
  correlationId: string | null;
  dedupKey: string;
}

/** Stores anomalies once per dedup key and returns the ids of all of them (new or existing). */
export async function recordAnomalies(items: NewAnomaly[], sql: Sql = getSql()): Promise<{ id: string; dedupKey: string }[]> {
  if (!items.length) return [];
  await sql`
    insert into anomalies (sensor_id, reading_id, ts, value, score, method, reason, workflow_id, correlation_id, dedup_key)
    select * from unnest(
      ${items.map((i) => i.sensorId)}::text[], ${items.map((i) => i.readingId.toString())}::bigint[], ${items.map((i) => i.ts.toISOString())}::timestamptz[],
      ${items.map((i) => i.value)}::float8[], ${items.map((i) => i.score)}::float8[], ${items.map((i) => i.method)}::text[],
      ${items.map((i) => i.reason)}::text[], ${items.map((i) => i.workflowId)}::text[], ${items.map((i) => i.correlationId)}::uuid[],
      ${items.map((i) => i.dedupKey)}::text[])
    on conflict (dedup_key) do nothing`;
  const rows = await sql<
    { id: bigint; dedup_key: string }[]
  >`select id, dedup_key from anomalies where dedup_key = any(${items.map((i) => i.dedupKey)}::text[])`;
  return rows.map((r) => ({ id: r.id.toString(), dedupKey: r.dedup_key }));
}
