import { api, unwrap, type ApiBody } from '../../api/http';
import { listWorkflows, type WorkflowSummary } from '../workflows/workflows.api';

export type Overview = ApiBody<'/api/v1/overview', 'get'>;
export type RecentOrder = Overview['recent_orders'][number];

export async function getOverview(): Promise<Overview> {
  return (await unwrap(api.GET('/api/v1/overview'))).data;
}

export async function runningWorkflows(): Promise<WorkflowSummary[]> {
  return (await listWorkflows({ status: 'running', limit: 20 })).items;
}

export { orderStatuses } from '../work-orders/work-orders.api';

export const sensorHealth = ['healthy', 'anomalous', 'silent', 'no_data'] as const;
export type SensorHealth = (typeof sensorHealth)[number];
