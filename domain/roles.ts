import { z } from 'zod';
import type { Scope } from './scopes';

/**
 * The roles a person can hold (issue #18). Each is a fixed set of the scopes API keys already
 * carry, so a signed-in user passes exactly the checks a key with those scopes would. The table is
 * documented in README (People and roles) and SECURITY.md; a test keeps the three in step.
 */
export const ROLES = ['viewer', 'operator', 'engineer', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const VIEWER: Scope[] = ['data:read', 'workflows:read', 'maintenance:read'];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  /** Looks at everything a dashboard shows; changes nothing. */
  viewer: VIEWER,
  /** Runs the plant: ingests, predicts, starts runs, acknowledges alarms, approves routine orders. */
  operator: [...VIEWER, 'data:ingest', 'ml:predict', 'ml:anomaly', 'workflows:write', 'decisions:write'],
  /** An operator who may also approve orders above the engineer limit, check drift and promote models. */
  engineer: [
    ...VIEWER,
    'data:ingest',
    'ml:predict',
    'ml:anomaly',
    'ml:drift',
    'workflows:write',
    'decisions:write',
    'models:promote',
    'reports:generate',
  ],
  /** Plans the work: schedules technicians and produces reports; does not decide orders. */
  planner: [...VIEWER, 'maintenance:schedule', 'reports:generate'],
  /** Everything, including users and API keys. */
  admin: ['admin'],
};

/** The union of the roles' scopes, without repeats. */
export function scopesForRoles(roles: readonly Role[]): Scope[] {
  return [...new Set(roles.flatMap((r) => ROLE_SCOPES[r]))];
}
