import { createHash, randomUUID } from 'node:crypto';
import { InvalidInput } from '../domain/errors';
import type { AppDeps } from './deps';
import { insertCsvUpload } from '../db/csvUploads';
import { CsvSyntaxError } from '../domain/csv';
import { inspectCsv } from '../domain/csvReadings';
import { temporalWorkflowUrl } from '../temporal/links';
import type { csvIngestion } from '../workflows/csvIngestion';

/**
 * Checks the file's structure (a malformed file is refused whole, before anything is stored),
 * stores it in PostgreSQL so any worker can read it, and starts the ingestion workflow.
 */
export async function startCsvIngestion(
  deps: Pick<AppDeps, 'sql' | 'temporal' | 'config'>,
  input: { content: string; filename: string | null; correlationId: string },
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
  await insertCsvUpload(
    {
      id: uploadId,
      filename: input.filename,
      content: input.content,
      sizeBytes: Buffer.byteLength(input.content),
      sha256: createHash('sha256').update(input.content).digest('hex'),
      lineCount: layout.records,
      correlationId: input.correlationId,
      workflowId,
    },
    deps.sql,
  );
  await deps.temporal.client.workflow.start<typeof csvIngestion>('csvIngestion', {
    taskQueue: deps.temporal.taskQueue,
    workflowId,
    args: [{ uploadId, records: layout.records, correlationId: input.correlationId }],
  });
  return {
    workflow_id: workflowId,
    upload_id: uploadId,
    rows_total: layout.records,
    status_url: `/api/v1/workflows/${workflowId}`,
    temporal_url: temporalWorkflowUrl(deps.config, workflowId),
  };
}
