import { api, requestBlob, totalCount, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

type StoredReport = ApiBody<'/api/v1/reports/{id}', 'get'>;
/** A report as read back (with its presentation in the reader's words) or just generated (without). */
export type Report = Omit<StoredReport, 'presentation'> & Partial<Pick<StoredReport, 'presentation'>>;
/** The types that can be generated (stored reports may also be shadow evaluations, which a workflow writes). */
export type ReportType = ApiRequest<'/api/v1/reports/generate', 'post'>['report_type'];
/** The types a person asks for here; `workflow_run` reports are made from a workflow's page. */
export const reportTypes = [
  'system_health',
  'anomaly_summary',
  'ingestion_activity',
  'maintenance_decisions',
] as const satisfies readonly ReportType[];
/** Every type a stored report can have, for the list's filter. */
export const allReportTypes = [...reportTypes, 'workflow_run'] as const satisfies readonly ReportType[];
export type ReportChart = Report['body']['charts'][number];
export type ReportTable = Report['body']['tables'][number];
export type MaintenanceOrder = ApiBody<'/api/v1/maintenance/scheduled', 'get'>[number];

export async function generateReport(body: ApiRequest<'/api/v1/reports/generate', 'post'>): Promise<Report> {
  return (await unwrap(api.POST('/api/v1/reports/generate', { body }))).data;
}

export async function getReport(id: string): Promise<Report> {
  return (await unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } }))).data;
}

/** A report's CSV or PDF, rendered in the reader's language and on their clock. */
export function reportArtifact(id: string, format: 'csv' | 'pdf', reader: { lang: string; timeZone: string }): Promise<Blob> {
  const query = { lang: reader.lang, tz: reader.timeZone };
  return requestBlob(`/reports/${encodeURIComponent(id)}/artifact.${format}`, { query }, format === 'csv' ? 'text/csv' : 'application/pdf');
}

export async function listScheduledMaintenance(): Promise<MaintenanceOrder[]> {
  return (await unwrap(api.GET('/api/v1/maintenance/scheduled'))).data;
}

export type ReportListItem = ApiBody<'/api/v1/reports', 'get'>[number];
export type ReportSummaryValue = Report['body']['summary'][string];

export async function listReports(query: { report_type?: ReportType; limit: number; offset: number }): Promise<{
  items: ReportListItem[];
  total: number;
}> {
  const { data, response } = await unwrap(api.GET('/api/v1/reports', { params: { query } }));
  return { items: data, total: totalCount(response.headers, data.length) };
}
