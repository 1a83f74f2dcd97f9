import { createHash, randomUUID } from 'node:crypto';
import { InvalidInput, LimitExceeded } from '../domain/errors';
import type { AppDeps } from './deps';
import { insertCsvUploadWithinQuota, releaseCsvUploadContent, releaseExpiredCsvUploads } from '../db/csvUploads';
import { CsvSyntaxError } from '../domain/csv';
import { inspectCsv } from '../domain/csvReadings';
import { startWorkflow } from './startWorkflow';
import type { csvIngestion } from '../workflows/csvIngestion';

/**
 * Checks the file's structure (a malformed file is refused whole, before anything is stored),
 * stores it in PostgreSQL so any worker can read it, and starts the ingestion workflow.
 *
 * Each API key may store CSV_DAILY_QUOTA_BYTES in any 24 hours (429 beyond it). The workflow
 * releases the stored file once it has ingested every row; files of uploads whose workflow never
 * got there are released after CSV_UPLOAD_RETENTION_HOURS, swept here so no timer is needed.
 */
export async function startCsvIngestion(
  deps: Pick<AppDeps, 'sql' | 'temporal' | 'config' | 'logger'>,
  input: { content: string; filename: string | null; correlationId: string; apiKeyId: string },
) {
  let layout;
  try {
    layout = await inspectCsv(input.content);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new InvalidInput([{ field: `csv.line.${err.line}`, message: err.message }], 'Malformed CSV');
    throw err;
  }
  const uploadId = randomUUID();
  const workflowId = `csv-ingest-${uploadId}`;
  const sizeBytes = Buffer.byteLength(input.content);
  const quota = deps.config.CSV_DAILY_QUOTA_BYTES;
  const over = await insertCsvUploadWithinQuota(
    {
      id: uploadId,
      filename: input.filename,
      content: input.content,
      sizeBytes,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      lineCount: layout.records,
      correlationId: input.correlationId,
      workflowId,
      apiKeyId: input.apiKeyId,
    },
    quota,
    deps.sql,
  );
  if (over) {
    throw new LimitExceeded(
      `This API key has uploaded ${over.usedBytes} CSV bytes in the last 24 hours; ${sizeBytes} more would pass the daily quota of ${quota}`,
      Math.max(1, Math.ceil((over.freesAt.getTime() - Date.now()) / 1000)),
      { code: 'csv_quota_exceeded', details: { used_bytes: over.usedBytes, upload_bytes: sizeBytes, quota_bytes: quota } },
    );
  }
  // Best effort: a failed sweep must not fail the upload that triggered it; the next one retries.
  await releaseExpiredCsvUploads(deps.config.CSV_UPLOAD_RETENTION_HOURS, deps.sql).catch((err: unknown) =>
    deps.logger.warn({ err }, 'releasing expired CSV uploads failed'),
  );
  let links;
  try {
    links = await startWorkflow<typeof csvIngestion>(deps, 'csvIngestion', {
      workflowId,
      startedBy: input.apiKeyId,
      args: [{ uploadId, records: layout.records, correlationId: input.correlationId }],
    });
  } catch (err) {
    // No workflow will ever read this file: do not keep 50 MiB for the retention time.
    await releaseCsvUploadContent(uploadId, deps.sql).catch(() => undefined);
    throw err;
  }
  return {
    workflow_id: workflowId,
    upload_id: uploadId,
    rows_total: layout.records,
    status_url: links.status_url,
    temporal_url: links.temporal_url,
  };
}
