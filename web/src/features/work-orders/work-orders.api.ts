import { api, totalCount, unwrap, type ApiBody, type ApiRequest } from '../../api/http';
import type { paths } from '../../api/schema';
import { ORDER_STATUSES } from '../../../../domain/orderLifecycle';

export type WorkOrderSummary = ApiBody<'/api/v1/maintenance/orders', 'get'>[number];
export type WorkOrder = ApiBody<'/api/v1/maintenance/orders/{id}', 'get'>;
export type OrderStatus = WorkOrder['status'];
export type Priority = WorkOrder['priority'];
export type WorkOrderFilter = Omit<NonNullable<paths['/api/v1/maintenance/orders']['get']['parameters']['query']>, 'limit' | 'offset'>;
export type OrderMove = ApiRequest<'/api/v1/maintenance/orders/{id}', 'patch'>;

// The lifecycle's own list (a pure module); `satisfies` fails the build if the API's enum drifts from it.
export const orderStatuses = ORDER_STATUSES satisfies readonly OrderStatus[];

export const priorities = ['low', 'medium', 'high', 'urgent', 'very_urgent'] as const satisfies readonly Priority[];

/** One colour per status, so a rejected or cancelled order never looks like a finished one. */
export const statusColor: Record<OrderStatus, string> = {
  proposed: 'secondary',
  awaiting_approval: 'warning',
  approved: 'info',
  rejected: 'error',
  escalated: 'deep-orange',
  scheduled: 'primary',
  in_progress: 'info',
  completed: 'success',
  closed: 'grey',
  cancelled: 'grey',
};

export const priorityColor: Record<Priority, string> = {
  low: 'grey',
  medium: 'info',
  high: 'warning',
  urgent: 'deep-orange',
  very_urgent: 'error',
};

export async function listWorkOrders(
  filter: WorkOrderFilter & { limit: number; offset: number },
): Promise<{ items: WorkOrderSummary[]; total: number }> {
  const { data, response } = await unwrap(api.GET('/api/v1/maintenance/orders', { params: { query: filter } }));
  return { items: data, total: totalCount(response.headers, data.length) };
}

export async function getWorkOrder(id: string): Promise<WorkOrder> {
  return (await unwrap(api.GET('/api/v1/maintenance/orders/{id}', { params: { path: { id } } }))).data;
}

export async function moveWorkOrder(id: string, move: OrderMove): Promise<void> {
  await unwrap(api.PATCH('/api/v1/maintenance/orders/{id}', { params: { path: { id } }, body: move }));
}
