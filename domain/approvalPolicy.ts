/**
 * Who may approve a maintenance order (issue #18): above one priority an `engineer` (or admin), above
 * a second two approvals by different people (four eyes). Pure and import-free, because the
 * workflow's decision gate enforces it (the limits arrive inside the scheduling agent's proposal,
 * recorded in history, so a replay sees the limits the run was started under).
 */
export type PriorityLimit = 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent' | 'none';

const ORDER: readonly string[] = ['low', 'medium', 'high', 'urgent', 'very_urgent'];

export interface ApprovalPolicy {
  /** Approving needs the `engineer` or `admin` role. */
  engineer: boolean;
  /** Approvals needed from different people: 2 is four eyes. */
  approvals: 1 | 2;
}

const atLeast = (priority: string, limit: PriorityLimit) => limit !== 'none' && ORDER.indexOf(priority) >= ORDER.indexOf(limit);

export function approvalPolicy(priority: string, limits: { engineer: PriorityLimit; fourEyes: PriorityLimit }): ApprovalPolicy {
  const fourEyes = atLeast(priority, limits.fourEyes);
  return { engineer: fourEyes || atLeast(priority, limits.engineer), approvals: fourEyes ? 2 : 1 };
}

/** Roles that may approve above the engineer limit. */
const ENGINEERING_ROLES: readonly string[] = ['engineer', 'admin'];

interface Decider {
  kind: string;
  key_id: string | null;
  roles?: string[];
}

/** The refusal of a service account's approval after a person's first one (see approvalRefusal). */
export const SERVICE_SECOND_APPROVAL =
  'second_approver_required: four eyes: the second approval must come from a person, not a service account';

/**
 * Why an approval is refused, as `code: message` (the API turns the code into a 409), or null when
 * it may proceed. People (signed-in users, and API keys that belong to a user, which decide as that
 * user) are held to roles and four eyes. A service account's key (`api_key`) is an integration's
 * credential: it keeps deciding as before, except that it cannot be the second person of four eyes.
 * The system acts on timeout policies. SECURITY.md says so.
 */
export function approvalRefusal(
  policy: ApprovalPolicy | undefined,
  decider: Decider | undefined,
  firstApprover: Decider | null,
): string | null {
  if (!policy) return null;
  if (decider?.kind === 'api_key' && firstApprover) return SERVICE_SECOND_APPROVAL;
  if (decider?.kind !== 'user') return null;
  if (policy.engineer && !(decider.roles ?? []).some((r) => ENGINEERING_ROLES.includes(r))) {
    return 'engineer_required: approving an order of this priority needs the engineer role';
  }
  if (firstApprover && firstApprover.kind === decider.kind && firstApprover.key_id === decider.key_id) {
    return 'second_approver_required: four eyes: the second approval must come from a different person';
  }
  return null;
}
