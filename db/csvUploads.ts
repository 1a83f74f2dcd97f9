import type postgres from 'postgres';
import { getSql, type Sql } from './sql';

export interface CsvUpload {
  id: string;
  filename: string | null;
  content: string;
  sizeBytes: number;
  sha256: string;
  lineCount: number;
  correlationId: string | null;
  workflowId: string | null;
  /** The uploading API key; its uploads of the last 24 hours count against its quota. */
  apiKeyId?: string | null;
}

export async function insertCsvUpload(u: CsvUpload, sql: Sql = getSql()): Promise<void> {
  await sql`
    insert into csv_uploads (id, filename, content, size_bytes, sha256, line_count, correlation_id, workflow_id, api_key_id)
    values (${u.id}, ${u.filename}, ${u.content}, ${u.sizeBytes}, ${u.sha256}, ${u.lineCount}, ${u.correlationId}, ${u.workflowId},
            ${u.apiKeyId ?? null})`;
}

/**
 * Stores an upload unless it would take its key past `quotaBytes` in the last 24 hours. A
 * transaction-scoped advisory lock per key makes two concurrent uploads count each other.
 * Returns undefined when stored, else the key's usage and when its oldest counted upload leaves the window.
 */
export async function insertCsvUploadWithinQuota(
  u: CsvUpload & { apiKeyId: string },
  quotaBytes: number,
  sql: postgres.Sql = getSql(),
): Promise<{ usedBytes: number; freesAt: Date } | undefined> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${'csv-quota:' + u.apiKeyId}, 0))`;
    const [usage] = await tx<{ used: string; oldest: Date | null }[]>`
      select coalesce(sum(size_bytes), 0)::bigint as used, min(created_at) as oldest from csv_uploads
      where api_key_id = ${u.apiKeyId} and created_at > now() - interval '24 hours'`;
    const used = Number(usage!.used);
    if (used + u.sizeBytes > quotaBytes) {
      return { usedBytes: used, freesAt: new Date((usage!.oldest ?? new Date()).getTime() + 24 * 3_600_000) };
    }
    await insertCsvUpload(u, tx);
    return undefined;
  }) as Promise<{ usedBytes: number; freesAt: Date } | undefined>;
}

/** The stored file; undefined when there is no such upload or its file was released. */
export async function getCsvUploadContent(id: string, sql: Sql = getSql()): Promise<string | undefined> {
  const [row] = await sql<{ content: string | null }[]>`select content from csv_uploads where id = ${id}`;
  return row?.content ?? undefined;
}

/** Drops an ingested upload's file, keeping the row (size, hash, line count) as its record. */
export async function releaseCsvUploadContent(id: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`
    update csv_uploads set content = null, content_released_at = now() where id = ${id} and content is not null`;
  return rows.count > 0;
}

/** Drops the files of uploads older than `retentionHours` that no workflow released (it failed or was cancelled). */
export async function releaseExpiredCsvUploads(retentionHours: number, sql: Sql = getSql()): Promise<number> {
  const rows = await sql`
    update csv_uploads set content = null, content_released_at = now()
    where content is not null and created_at < now() - make_interval(hours => ${retentionHours})`;
  return rows.count;
}
