import { getSql, type Sql } from './sql';

export interface PairCorrelation {
  a: string;
  b: string;
  pearson: number | null;
  spearman: number | null;
}

/**
 * The asset's current role sensors, averaged into `stepSeconds` buckets over (from, to], kept only
 * where every role has a value (complete cases, so every pair is measured on the same instants).
 * Pearson is PostgreSQL's corr(); Spearman is corr() of the ranks, ties given their average rank.
 */
export async function roleCorrelations(
  assetId: string,
  from: Date,
  to: Date,
  stepSeconds: number,
  sql: Sql = getSql(),
): Promise<{ buckets: number; pairs: PairCorrelation[] }> {
  const rows = await sql<{ a: string; b: string; pearson: number | null; spearman: number | null; n: number }[]>`
    with roles as (
      select role, sensor_id from asset_sensors where asset_id = ${assetId} and detached_at is null
    ),
    binned as (
      select r.role, date_bin(make_interval(secs => ${stepSeconds}), s.ts, ${from}::timestamptz) as bucket, avg(s.value) as v
      from roles r join sensor_readings s on s.sensor_id = r.sensor_id
      where s.ts > ${from} and s.ts <= ${to} and s.quarantine_reason is null
      group by 1, 2
    ),
    complete as (
      select bucket from binned group by bucket having count(*) = (select count(*) from roles)
    ),
    ranked as (
      select b.role, b.bucket, b.v,
             rank() over (partition by b.role order by b.v) + (count(*) over (partition by b.role, b.v) - 1) / 2.0 as rk
      from binned b join complete c using (bucket)
    )
    select x.role as a, y.role as b, corr(x.v, y.v) as pearson, corr(x.rk, y.rk) as spearman, count(*)::int as n
    from ranked x join ranked y on x.bucket = y.bucket and x.role < y.role
    group by x.role, y.role
    order by x.role, y.role`;
  return { buckets: rows[0]?.n ?? 0, pairs: rows.map(({ a, b, pearson, spearman }) => ({ a, b, pearson, spearman })) };
}

/**
 * Cross-correlation of two roles at each lag in [−maxLag, maxLag] buckets: r(lag) correlates
 * a(t) with b(t + lag), so a positive best lag means b follows a.
 */
export async function laggedCorrelation(
  assetId: string,
  roleA: string,
  roleB: string,
  from: Date,
  to: Date,
  stepSeconds: number,
  maxLag: number,
  sql: Sql = getSql(),
): Promise<{ lag: number; r: number | null; n: number }[]> {
  return sql<{ lag: number; r: number | null; n: number }[]>`
    with roles as (
      select role, sensor_id from asset_sensors
      where asset_id = ${assetId} and detached_at is null and role in (${roleA}, ${roleB})
    ),
    binned as (
      select r.role, date_bin(make_interval(secs => ${stepSeconds}), s.ts, ${from}::timestamptz) as bucket, avg(s.value) as v
      from roles r join sensor_readings s on s.sensor_id = r.sensor_id
      where s.ts > ${from} and s.ts <= ${to} and s.quarantine_reason is null
      group by 1, 2
    ),
    indexed as (
      select role, v, (extract(epoch from bucket - ${from}::timestamptz) / ${stepSeconds})::bigint as i from binned
    )
    select l.lag, corr(a.v, b.v) as r, count(b.v)::int as n
    from generate_series(${-maxLag}::int, ${maxLag}::int) as l(lag)
    left join indexed a on a.role = ${roleA}
    left join indexed b on b.role = ${roleB} and b.i = a.i + l.lag
    group by l.lag
    order by l.lag`;
}
