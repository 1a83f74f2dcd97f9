import type postgres from 'postgres';
import { findOrderSite } from '../db/sites';
import { findOrderEvidence, type OrderEvidence } from '../db/workOrders';
import type { Site } from '../domain/sites';
import { allowedTransitions, type OrderStatus } from '../domain/orderLifecycle';
import { getOrderDetail, OrderNotFoundError, type OrderDetail } from './maintenanceOrders';

/**
 * What the maintenance screens read, and the roster they edit. Thin on purpose: the rules live in
 * maintenanceOrders.ts; this is the seam that keeps the API off db/.
 */
export { listScheduledOrders } from '../db/maintenanceOrders';
export { listWorkOrders } from '../db/workOrders';
export { listTechnicians, upsertTechnician } from '../db/technicians';

/** One order with its plan, bookings and history; OrderNotFoundError when there is none. */
export async function getOrder(sql: postgres.Sql, id: string) {
  const detail = await getOrderDetail(sql, id);
  if (!detail) throw new OrderNotFoundError(id);
  return detail;
}

export interface WorkOrder {
  detail: OrderDetail;
  evidence: OrderEvidence;
  /**
   * The statuses a person may move the order to now: none while a workflow holds it for a human
   * decision (the decision goes to its request instead, see transitionOrder).
   */
  next: readonly OrderStatus[];
  /** The site the order is planned at (its asset's), whose clock its times can be read on; null for none. */
  site: Site | null;
}

/** The order, what it rests on, and the moves its lifecycle allows from here. */
export async function getWorkOrder(sql: postgres.Sql, id: string): Promise<WorkOrder> {
  const detail = await getOrder(sql, id);
  const evidence = await findOrderEvidence(detail, sql);
  const site = (await findOrderSite(detail.sensor_id, detail.equipment, sql)) ?? null;
  return { detail, evidence, next: evidence.open_request ? [] : allowedTransitions(detail.status), site };
}
