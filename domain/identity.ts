/**
 * Who made a decision or moved an order, as authenticated, never as a request body claims: an
 * API key (id and name), a signed-in user (id and email) or the system itself (a decision
 * deadline that passed, the scheduler). Flat and JSON-only, because it travels inside workflow
 * signal and update payloads; this file stays free of imports so the workflow bundle may use it
 * (the zod schema lives in identitySchema.ts).
 */
export type Identity =
  | { kind: 'api_key'; key_id: string; key_name: string }
  /** A signed-in person: the user's id and email; `roles` as they were when deciding (absent when read back from the audit). */
  | { kind: 'user'; key_id: string; key_name: string; roles?: string[] }
  | { kind: 'system'; key_id: null; key_name: null };

export const SYSTEM_IDENTITY: Identity = { kind: 'system', key_id: null, key_name: null };

export function apiKeyIdentity(key: { id: string; name: string }): Identity {
  return { kind: 'api_key', key_id: key.id, key_name: key.name };
}

export function userIdentity(user: { id: string; email: string; roles: readonly string[] }): Identity {
  return { kind: 'user', key_id: user.id, key_name: user.email, roles: [...user.roles] };
}

/** Rebuilds an identity from its three stored columns; null for rows older than the columns. */
export function identityFromColumns(kind: string | null, keyId: string | null, keyName: string | null): Identity | null {
  if (kind === 'api_key' && keyId && keyName) return { kind, key_id: keyId, key_name: keyName };
  if (kind === 'user' && keyId && keyName) return { kind, key_id: keyId, key_name: keyName };
  if (kind === 'system') return SYSTEM_IDENTITY;
  return null;
}
