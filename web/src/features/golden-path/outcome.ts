import {
  mdiAlertCircle,
  mdiArrowUpBoldCircle,
  mdiCalendarCheck,
  mdiCancel,
  mdiClipboardClockOutline,
  mdiGavel,
  mdiProgressClock,
  mdiShieldCheck,
  mdiTimerAlertOutline,
} from '@mdi/js';
import { runOutcome, type RunOutcome } from '../../../../domain/runOutcome';
import type { GoldenPathStatus } from './golden-path.api';

export type { RunOutcome };

/** Each outcome its own colour and icon, so a rejected order never looks like an approved one. */
export const outcomeLook: Record<RunOutcome, { color: string; icon: string }> = {
  in_progress: { color: 'info', icon: mdiProgressClock },
  waiting_for_decision: { color: 'warning', icon: mdiGavel },
  approved: { color: 'success', icon: mdiCalendarCheck },
  rejected: { color: 'rejected', icon: mdiCancel },
  escalated: { color: 'escalated', icon: mdiArrowUpBoldCircle },
  timed_out: { color: 'timed-out', icon: mdiTimerAlertOutline },
  no_maintenance: { color: 'no-maintenance', icon: mdiShieldCheck },
  awaiting_approval: { color: 'info', icon: mdiClipboardClockOutline },
  failed: { color: 'error', icon: mdiAlertCircle },
};

export function outcomeOf(status: GoldenPathStatus): RunOutcome {
  return runOutcome(status);
}
