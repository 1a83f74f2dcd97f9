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
}

export async function insertCsvUpload(u: CsvUpload, sql: Sql = getSql()): Promise<void> {
  await sql`
    insert into csv_uploads (id, filename, content, size_bytes, sha256, line_count, correlation_id, workflow_id)
    values (${u.id}, ${u.filename}, ${u.content}, ${u.sizeBytes}, ${u.sha256}, ${u.lineCount}, ${u.correlationId}, ${u.workflowId})`;
}

export async function getCsvUploadContent(id: string, sql: Sql = getSql()): Promise<string | undefined> {
  const [row] = await sql<{ content: string }[]>`select content from csv_uploads where id = ${id}`;
  return row?.content;
}
