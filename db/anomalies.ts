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

/** Anomalies by id with the quality of the reading each was found on (null when it is gone). */
export async function anomaliesWithReadingQuality(
  ids: string[],
  sql: Sql = getSql(),
): Promise<{ id: bigint; score: number; method: string; quality: number | null; ts: Date }[]> {
  return sql<{ id: bigint; score: number; method: string; quality: number | null; ts: Date }[]>`
    select a.id, a.score, a.method, r.quality, a.ts
    from anomalies a left join sensor_readings r on r.id = a.reading_id and r.ts = a.ts
    where a.id = any(${ids}::bigint[])`;
}

/** Anomalies on a sensor in the past 7 days from runs other than this one: the recurrence signal. */
export async function countRecentAnomaliesOfOtherRuns(sensorId: string, correlationId: string, sql: Sql = getSql()): Promise<bigint> {
  const [recent] = await sql<{ n: bigint }[]>`
    select count(*) as n from anomalies
    where sensor_id = ${sensorId} and created_at > now() - interval '7 days'
      and (correlation_id is distinct from ${correlationId}::uuid)`;
  return recent?.n ?? 0n;
}

/** Records the credibility verdicts of the ValidationAgent. */
export async function setAnomalyCredibility(items: { id: string; credible: boolean }[], sql: Sql = getSql()): Promise<void> {
  await sql`
    update anomalies a set credible = c.credible
    from unnest(${items.map((i) => i.id)}::bigint[], ${items.map((i) => String(i.credible))}::text[]::bool[]) as c(id, credible)
    where a.id = c.id`;
}

/**
 * The streaming detector's anomalies among the given readings, claimed for a workflow run: the
 * scorer stores them without a run (whoever scored first), and the run that asked for them marks
 * them as its own, so its report and its credibility check find them.
 */
export async function claimStreamingAnomalies(
  readingIds: bigint[],
  workflowId: string | null,
  sql: Sql = getSql(),
): Promise<{ id: bigint; reading_id: bigint; ts: Date; value: number; score: number; method: string; reason: string }[]> {
  if (readingIds.length === 0) return [];
  return sql`
    update anomalies set workflow_id = coalesce(workflow_id, ${workflowId})
    where method = 'streaming' and reading_id = any(${readingIds.map(String)}::bigint[])
    returning id, reading_id, ts, value, score, method, reason`;
}

/** What the streaming detector found on a sensor in [from, to] when those readings arrived. */
export async function streamingAnomaliesBetween(
  sensorId: string,
  from: Date,
  to: Date,
  sql: Sql = getSql(),
): Promise<{ reading_id: bigint; ts: Date; value: number; score: number; reason: string }[]> {
  return sql`
    select reading_id, ts, value, score, reason from anomalies
    where sensor_id = ${sensorId} and method = 'streaming' and ts >= ${from} and ts <= ${to}
    order by ts, reading_id`;
}
