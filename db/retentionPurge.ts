import type { DataClass } from '../domain/retention';
import { getSql, type Sql } from './sql';

export type PurgedClass = Exclude<DataClass, 'raw_readings'>;

/**
 * Deletes up to `limit` rows of one data class stored before `before`, in one short transaction
 * (`skip locked`: an overlapping run takes other rows). Rows something still cites are kept: a
 * prediction a maintenance order was made from, a report that is a promotion's evidence, and
 * aggregate buckets inside an active legal hold. Returns how many rows went.
 */
export async function purgeExpiredBatch(dataClass: PurgedClass, before: Date, limit: number, sql: Sql = getSql()): Promise<number> {
  switch (dataClass) {
    case 'minute_aggregates':
    case 'hour_aggregates': {
      const width = dataClass === 'minute_aggregates' ? 'minute' : 'hour';
      const rows = await sql`
        with batch as (
          select a.sensor_id, a.bucket_start from reading_aggregates a
          where a.bucket_width = ${width} and a.stored_at < ${before}
            and not exists (
              select 1 from legal_holds h
              where h.released_at is null and a.sensor_id = any (h.sensor_ids)
                and a.bucket_start <= h.window_to and a.bucket_start + ${'1 ' + width}::interval > h.window_from)
          limit ${limit} for update of a skip locked
        )
        delete from reading_aggregates a using batch b
        where a.sensor_id = b.sensor_id and a.bucket_width = ${width} and a.bucket_start = b.bucket_start
        returning 1`;
      return rows.length;
    }
    case 'events': {
      const rows = await sql`
        delete from events where id in (select id from events where ts < ${before} limit ${limit} for update skip locked) returning 1`;
      return rows.length;
    }
    case 'predictions': {
      const rows = await sql`
        delete from predictions where id in (
          select p.id from predictions p
          where p.created_at < ${before} and not exists (select 1 from maintenance_orders o where o.prediction_id = p.id)
          limit ${limit} for update of p skip locked)
        returning 1`;
      return rows.length;
    }
    case 'notifications': {
      const rows = await sql`
        delete from notifications where id in (
          select id from notifications where created_at < ${before} limit ${limit} for update skip locked)
        returning 1`;
      return rows.length;
    }
    case 'reports': {
      const rows = await sql`
        delete from reports where id in (
          select r.id from reports r
          where r.created_at < ${before}
            and not exists (select 1 from model_stage_changes c where c.evidence_report_id = r.id)
            and not exists (select 1 from model_promotion_requests q where q.evidence_report_id = r.id)
          limit ${limit} for update of r skip locked)
        returning 1`;
      return rows.length;
    }
  }
}
