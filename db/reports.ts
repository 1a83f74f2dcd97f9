import type { ReportBody } from '../domain/report';
import { getSql, type Sql } from './sql';

export interface NewReport {
  id: string;
  reportType: string;
  parameters: Record<string, unknown>;
  body: ReportBody;
  csv: string;
  pdf: Buffer;
  workflowId?: string | null;
  correlationId?: string | null;
  dedupKey?: string | null;
  createdAt: Date;
}

export interface StoredReport {
  id: string;
  report_type: string;
  parameters: Record<string, unknown>;
  body: ReportBody;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: string;
}

export type ReportListItem = Omit<StoredReport, 'body'> & { title: string; summary: ReportBody['summary'] };

type ReportRow = Omit<StoredReport, 'created_at'> & { created_at: Date };

const toView = (r: ReportRow): StoredReport => ({ ...r, created_at: r.created_at.toISOString() });

/**
 * Stores a report with its artifacts once per dedup key: a repeat (a retried activity, a
 * replayed request) gets the report stored first (`inserted: false`). No key, no dedup.
 */
export async function insertReport(r: NewReport, sql: Sql = getSql()): Promise<{ report: StoredReport; inserted: boolean }> {
  const [row] = await sql<ReportRow[]>`
    insert into reports (id, report_type, parameters, body, csv_artifact, pdf_artifact, workflow_id, correlation_id, dedup_key, created_at)
    values (${r.id}, ${r.reportType}, ${sql.json(r.parameters as never)}, ${sql.json(r.body as never)}, ${r.csv}, ${r.pdf},
            ${r.workflowId ?? null}, ${r.correlationId ?? null}, ${r.dedupKey ?? null}, ${r.createdAt})
    on conflict (dedup_key) do nothing
    returning id, report_type, parameters, body, workflow_id, correlation_id, created_at`;
  if (row) return { report: toView(row), inserted: true };
  const existing = r.dedupKey ? await findReportByDedupKey(r.dedupKey, sql) : undefined;
  if (!existing) throw new Error(`report ${r.dedupKey} vanished`);
  return { report: existing, inserted: false };
}

export async function findReportByDedupKey(dedupKey: string, sql: Sql = getSql()): Promise<StoredReport | undefined> {
  const [row] = await sql<ReportRow[]>`
    select id, report_type, parameters, body, workflow_id, correlation_id, created_at from reports where dedup_key = ${dedupKey}`;
  return row && toView(row);
}

export async function getReport(id: string, sql: Sql = getSql()): Promise<StoredReport | undefined> {
  const [row] = await sql<ReportRow[]>`
    select id, report_type, parameters, body, workflow_id, correlation_id, created_at from reports where id = ${id}`;
  return row && toView(row);
}

export async function getReportCsv(id: string, sql: Sql = getSql()): Promise<{ csv: string | null; report_type: string } | undefined> {
  const [row] = await sql<
    { csv: string | null; report_type: string }[]
  >`select csv_artifact as csv, report_type from reports where id = ${id}`;
  return row;
}

export async function getReportPdf(id: string, sql: Sql = getSql()): Promise<{ pdf: Buffer | null; report_type: string } | undefined> {
  const [row] = await sql<
    { pdf: Buffer | null; report_type: string }[]
  >`select pdf_artifact as pdf, report_type from reports where id = ${id}`;
  return row;
}

/** Recent reports, newest first, without their tables and artifacts, with the filtered total. */
export async function listReports(
  f: { reportType?: string; limit: number; offset: number },
  sql: Sql = getSql(),
): Promise<{ items: ReportListItem[]; total: number }> {
  const where = f.reportType ? sql`where report_type = ${f.reportType}` : sql``;
  const [rows, [count]] = await Promise.all([
    sql<(Omit<ReportListItem, 'created_at'> & { created_at: Date })[]>`
      select id, report_type, parameters, workflow_id, correlation_id, created_at, body->>'title' as title, body->'summary' as summary
      from reports ${where}
      order by created_at desc, id
      limit ${f.limit} offset ${f.offset}`,
    sql<{ total: number }[]>`select count(*)::int as total from reports ${where}`,
  ]);
  return { items: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })), total: count?.total ?? 0 };
}
