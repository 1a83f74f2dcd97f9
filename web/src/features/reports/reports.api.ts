import { request, requestBlob } from '../../api/http';

export const reportTypes = ['system_health', 'anomaly_summary', 'ingestion_activity', 'maintenance_decisions'] as const;
export type ReportType = (typeof reportTypes)[number];

export interface ReportChart {
  title: string;
  type: 'line' | 'bar';
  series: { name: string; points: { x: number | string; y: number }[] }[];
}

/** Tables are free-form on the server; the preview renders any `{title?, columns?, rows}` shape. */
export interface ReportTable {
  title?: string;
  columns?: string[];
  rows: (Record<string, unknown> | unknown[])[];
}

export interface Report {
  id: string;
  report_type: ReportType;
  created_at: string;
  body: {
    summary: string | Record<string, unknown>;
    charts: ReportChart[];
    tables?: ReportTable[] | Record<string, unknown>;
  };
}

export interface MaintenanceOrder {
  id: string;
  sensor_id: string;
  status: string;
  priority: string | number;
  technician_id: string | null;
  technician_name: string | null;
  window_start: string | null;
  window_end: string | null;
  reasons: string[] | string | null;
}

export function generateReport(body: { report_type: ReportType; from?: string; to?: string }): Promise<Report> {
  return request<Report>('/reports/generate', { body });
}

export function getReport(id: string): Promise<Report> {
  return request<Report>(`/reports/${encodeURIComponent(id)}`);
}

export function reportArtifact(id: string, format: 'csv' | 'pdf'): Promise<Blob> {
  return requestBlob(`/reports/${encodeURIComponent(id)}/artifact.${format}`, {}, format === 'csv' ? 'text/csv' : 'application/pdf');
}

export function listScheduledMaintenance(): Promise<MaintenanceOrder[]> {
  return request<MaintenanceOrder[]>('/maintenance/scheduled');
}
