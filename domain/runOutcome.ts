/**
 * What a finished Golden Path or maintenance run amounted to, in the words a person acts on.
 * "Completed" alone hid the difference between an approved order and a rejected one (a rejected
 * run showed a green check), so the dashboard derives the outcome from the decision and the order.
 */
export type RunOutcome =
  | 'in_progress'
  | 'waiting_for_decision'
  | 'approved'
  | 'rejected'
  | 'escalated'
  | 'timed_out'
  | 'no_maintenance'
  | 'awaiting_approval'
  | 'failed';

export interface RunOutcomeInput {
  status: 'running' | 'waiting_for_decision' | 'completed' | 'failed' | 'timed_out';
  decision: { decision: string; source: string } | null;
  maintenance_order_id: string | null;
}

export function runOutcome(run: RunOutcomeInput): RunOutcome {
  if (run.status === 'running') return 'in_progress';
  if (run.status === 'waiting_for_decision') return 'waiting_for_decision';
  if (run.status === 'failed') return 'failed';
  // The deadline passed and the server's policy decided (escalate or auto-approve).
  if (run.status === 'timed_out' || run.decision?.source === 'timeout_policy') return 'timed_out';
  if (!run.maintenance_order_id) return 'no_maintenance';
  switch (run.decision?.decision) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'escalated':
      return 'escalated';
    default:
      return 'awaiting_approval';
  }
}

/** Whether the outcome is final (the run will not change any more). */
export function isFinalOutcome(outcome: RunOutcome): boolean {
  return outcome !== 'in_progress' && outcome !== 'waiting_for_decision';
}
