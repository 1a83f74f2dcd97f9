import type postgres from 'postgres';
import { getOrderDetail, OrderNotFoundError } from './maintenanceOrders';

/**
 * What the maintenance screens read, and the roster they edit. Thin on purpose: the rules live in
 * maintenanceOrders.ts; this is the seam that keeps the API off db/.
 */
export { listScheduledOrders } from '../db/maintenanceOrders';
export { listTechnicians, upsertTechnician } from '../db/technicians';

/** One order with its plan, bookings and history; OrderNotFoundError when there is none. */
export async function getOrder(sql: postgres.Sql, id: string) {
  const detail = await getOrderDetail(sql, id);
  if (!detail) throw new OrderNotFoundError(id);
  return detail;
}
