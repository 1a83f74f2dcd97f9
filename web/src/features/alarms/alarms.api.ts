import { api, requestBlob, totalCount, unwrap, type ApiBody } from '../../api/http';

export type Alarm = ApiBody<'/api/v1/alarms', 'get'>[number];
export type AlarmDetail = ApiBody<'/api/v1/alarms/{id}', 'get'>;
export type AlarmSummary = ApiBody<'/api/v1/alarms/summary', 'get'>;
export type AlarmState = Alarm['state'];
export type AlarmSeverity = Alarm['severity'];
export const alarmStates = ['open', 'acknowledged', 'resolved'] as const satisfies readonly AlarmState[];
export const alarmSeverities = ['low', 'medium', 'high', 'critical'] as const satisfies readonly AlarmSeverity[];

export interface AlarmFilter {
  state?: string;
  severity?: string;
  sensor_id?: string;
  /** Alarms still active at or after this instant (ISO). */
  from?: string;
  /** Alarms that started before this instant (ISO). */
  to?: string;
}

/** One page of alarms, newest first; the filtered total comes in `X-Total-Count`. */
export async function listAlarms(filter: AlarmFilter & { limit: number; offset: number }): Promise<{ items: Alarm[]; total: number }> {
  const { data, response } = await unwrap(api.GET('/api/v1/alarms', { params: { query: { ...filter } } }));
  return { items: data, total: totalCount(response.headers, data.length) };
}

export function alarmsCsv(filter: AlarmFilter): Promise<Blob> {
  return requestBlob('/alarms', { query: { ...filter, format: 'csv', limit: 500 } }, 'text/csv');
}

export async function getAlarm(id: string): Promise<AlarmDetail> {
  return (await unwrap(api.GET('/api/v1/alarms/{id}', { params: { path: { id } } }))).data;
}

export async function alarmSummary(): Promise<AlarmSummary> {
  return (await unwrap(api.GET('/api/v1/alarms/summary'))).data;
}

export async function alarmReport(): Promise<Record<string, unknown>> {
  return (await unwrap(api.GET('/api/v1/alarms/report', { params: { query: {} } }))).data;
}

/** The performance report (last 7 days) as PDF, in the reader's language and time zone. */
export function alarmReportPdf(reader: { lang: string; timeZone: string }): Promise<Blob> {
  return requestBlob('/alarms/report', { query: { format: 'pdf', lang: reader.lang, tz: reader.timeZone } }, 'application/pdf');
}

export async function acknowledgeAlarm(id: string, note: string): Promise<Alarm> {
  return (await unwrap(api.POST('/api/v1/alarms/{id}/acknowledge', { params: { path: { id } }, body: { note } }))).data;
}

export async function resolveAlarm(id: string, cause: string): Promise<Alarm> {
  return (await unwrap(api.POST('/api/v1/alarms/{id}/resolve', { params: { path: { id } }, body: { cause } }))).data;
}

export async function convertAlarm(id: string, justification: string): Promise<Alarm> {
  return (await unwrap(api.POST('/api/v1/alarms/{id}/convert', { params: { path: { id } }, body: { justification } }))).data;
}
