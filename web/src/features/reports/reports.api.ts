import { api, requestBlob, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type Report = ApiBody<'/api/v1/reports/{id}', 'get'>;
export type ReportType = Report['report_type'];
/** The types a person asks for here; `workflow_run` reports are made from a workflow's page. */
export const reportTypes = [
  'system_health',
  'anomaly_summary',
  'ingestion_activity',
  'maintenance_decisions',
] as const satisfies readonly ReportType[];
export type ReportChart = Report['body']['charts'][number];
export type ReportTable = Report['body']['tables'][number];
export type MaintenanceOrder = ApiBody<'/api/v1/maintenance/scheduled', 'get'>[number];

export async function generateReport(body: ApiRequest<'/api/v1/reports/generate', 'post'>): Promise<Report> {
  return (await unwrap(api.POST('/api/v1/reports/generate', { body }))).data;
}

export async function getReport(id: string): Promise<Report> {
  return (await unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } }))).data;
}

export function reportArtifact(id: string, format: 'csv' | 'pdf'): Promise<Blob> {
  return requestBlob(`/reports/${encodeURIComponent(id)}/artifact.${format}`, {}, format === 'csv' ? 'text/csv' : 'application/pdf');
}

export async function listScheduledMaintenance(): Promise<MaintenanceOrder[]> {
  return (await unwrap(api.GET('/api/v1/maintenance/scheduled'))).data;
}
