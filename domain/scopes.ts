import { z } from 'zod';
import { SCOPES, type Scope } from './scopeNames';

export { SCOPES, type Scope };
export const scopeSchema = z.enum(SCOPES);

export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  if (granted.includes('admin')) return true;
  return required.every((s) => granted.includes(s));
}

/**
 * The scopes a key owned by a user may use: the key's, bounded by the owner's role scopes (issue
 * #18), so a key never does more than its owner could signed in. `admin` on either side stands for
 * every scope: an admin owner keeps the key's scopes as they are, an `admin` key of a non-admin
 * owner is worth exactly the owner's scopes.
 */
export function effectiveScopes(keyScopes: readonly string[], ownerScopes: readonly string[]): Scope[] {
  const known = keyScopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  if (ownerScopes.includes('admin')) return known;
  const wanted = known.includes('admin') ? SCOPES.filter((s) => s !== 'admin') : known;
  return wanted.filter((s) => ownerScopes.includes(s));
}
