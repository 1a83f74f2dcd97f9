import { z } from 'zod';

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
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];
export const scopeSchema = z.enum(SCOPES);

export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  if (granted.includes('admin')) return true;
  return required.every((s) => granted.includes(s));
}
