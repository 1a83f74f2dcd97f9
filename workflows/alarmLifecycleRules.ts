/** The alarm lifecycle's pure rules: states, transitions and the notification policy. */
export type AlarmLifecycleState = 'open' | 'acknowledged' | 'resolved';

export interface AlarmPolicy {
  /** An open alarm not acknowledged within this many seconds escalates to the next level. */
  ackSlaSeconds: number;
  /** Who is told, in order: level 0 when the alarm is raised, each next level after one more SLA. */
  escalationChain: string[];
  /** No anomalous reading for this long resolves the alarm by itself. */
  quietPeriodSeconds: number;
}

export const DEFAULT_ALARM_POLICY: AlarmPolicy = {
  ackSlaSeconds: 15 * 60,
  escalationChain: ['operator-on-call', 'shift-supervisor', 'maintenance-manager'],
  quietPeriodSeconds: 60 * 60,
};

export type AlarmAction = 'acknowledge' | 'resolve' | 'convert';

/** Why an action is refused in a state (the API's 409), or null when it is allowed. */
export function refusal(state: AlarmLifecycleState, action: AlarmAction): string | null {
  if (state === 'resolved') return `alarm_resolved: the alarm is already resolved; it cannot be ${action}d`;
  if (action === 'acknowledge' && state === 'acknowledged') return 'already_acknowledged: the alarm is already acknowledged';
  return null;
}

/**
 * When the next escalation falls due (ms since the epoch), or null when there is none: only an
 * open alarm escalates, once per SLA, up to the last level of the chain.
 */
export function nextEscalationAt(openedAtMs: number, level: number, state: AlarmLifecycleState, policy: AlarmPolicy): number | null {
  if (state !== 'open' || level >= policy.escalationChain.length - 1) return null;
  return openedAtMs + (level + 1) * policy.ackSlaSeconds * 1000;
}
