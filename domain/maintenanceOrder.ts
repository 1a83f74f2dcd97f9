import type { OrderStatus } from './orderLifecycle';
import type { Priority } from './routing';
import type { ApprovalPolicy } from './approvalPolicy';

/** The technician and window an order is planned into. */
export interface PlanView {
  technician_id: string;
  technician_name: string;
  window_start: string;
  window_end: string;
  reasons: string[];
}

/** A maintenance order as the scheduling agent proposes it to a workflow. */
export interface ProposedOrder {
  id: string;
  /** `awaiting_approval` for a new order; a retry returns whatever status the order has reached. */
  status: OrderStatus;
  priority: Priority;
  planMessage: string;
  plan: PlanView | null;
  unassigned_reason: string | null;
  /** The unassigned reason as a code the dashboard translates (absent in results recorded before it existed). */
  unassigned_code?: string | null;
  /** Who may approve it, from the configured limits (absent in results recorded before it existed: no gate). */
  approval?: ApprovalPolicy;
}
