import type postgres from 'postgres';

export interface RollupBatchResult {
  /** Raw readings aggregated and deleted by this batch (0: nothing older than the cutoff is left). */
  rolledUp: number;
  /** Newest reading time in the batch (ISO), for progress reporting. */
  upTo: string | null;
}

/**
 * Rolls up to `limit` raw readings stored (ingested) before `before` into the per-minute and
 * per-hour aggregates and deletes them, all in one transaction: committed, every reading is counted
 * exactly once; rolled back by a crash, they are all still raw. `skip locked` lets a second,
 * overlapping run take other rows instead of waiting, and the batch bound keeps locks short.
 *
 * Age counts from ingestion, not from the reading's own timestamp, so an upload of last year's
 * data stays raw for the whole raw retention period. Readings inside an active legal hold (its
 * sensors, its window) are never taken. `sensors.reading_count` is left alone: it means readings
 * ever received, which a roll-up does not change (the aggregates keep the same count).
 */
export async function rollUpReadingsBatch(sql: postgres.Sql, opts: { before: Date; limit: number }): Promise<RollupBatchResult> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ rolled_up: number; up_to: Date | null }[]>`
      with batch as (
        select r.id, r.ts from sensor_readings r
        where r.ingested_at < ${opts.before}
          and not exists (
            select 1 from legal_holds h
            where h.released_at is null and r.sensor_id = any (h.sensor_ids) and r.ts between h.window_from and h.window_to)
        limit ${opts.limit} for update of r skip locked
      ),
      removed as (
        delete from sensor_readings r using batch b where r.id = b.id and r.ts = b.ts
        returning r.sensor_id, r.ts, r.value
      ),
      buckets as (
        select sensor_id, w.width, date_trunc(w.width, ts) as bucket_start,
               min(value) as min_value, max(value) as max_value, sum(value) as sum_value, count(*) as n
        from removed cross join (values ('minute'), ('hour')) as w(width)
        group by sensor_id, w.width, date_trunc(w.width, ts)
      ),
      merged as (
        insert into reading_aggregates as a (sensor_id, bucket_width, bucket_start, min_value, max_value, sum_value, reading_count)
        select sensor_id, width, bucket_start, min_value, max_value, sum_value, n from buckets
        on conflict (sensor_id, bucket_width, bucket_start) do update set
          min_value = least(a.min_value, excluded.min_value),
          max_value = greatest(a.max_value, excluded.max_value),
          sum_value = a.sum_value + excluded.sum_value,
          reading_count = a.reading_count + excluded.reading_count,
          stored_at = now()
        returning 1
      )
      select (select count(*)::int from removed) as rolled_up, (select max(ts) from removed) as up_to,
             (select count(*) from merged) as merged_buckets`;
    return { rolledUp: row!.rolled_up, upTo: row!.up_to ? row!.up_to.toISOString() : null };
  });
}
