// Apart from scopes.ts, which needs zod: the dashboard imports this list, and zod stays out of its bundle.

/** The scopes an API key can carry (SPEC section 7). `admin` implies every other scope. */
export const SCOPES = [
  'data:ingest',
  'data:read',
  'ml:predict',
  'ml:anomaly',
  'ml:drift',
  'workflows:write',
  'workflows:read',
  'decisions:write',
  'reports:generate',
  'maintenance:schedule',
  'maintenance:read',
  /** Approve a model version's move to Production, and roll one back (engineers). */
  'models:promote',
  /** Change retention policies, place and release legal holds, read their audit (data stewards). */
  'governance:write',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];
