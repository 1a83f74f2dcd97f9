import type { Context } from 'koa';
import { apiKeyIdentity, userIdentity, type Identity } from '../domain/identity';
import { UnauthorizedError } from './errors';

/**
 * The authenticated identity behind a request, for the audit trail. Only called on routes that
 * require a key, so a missing key is a wiring bug, answered as 401 rather than recorded as nobody.
 */
export function callerIdentity(ctx: Pick<Context, 'state'>): Identity {
  // A signed-in user, or the user an API key belongs to: either way the person decides.
  const person = ctx.state.user ?? ctx.state.keyOwner;
  if (person) return userIdentity(person);
  const key = ctx.state.apiKey;
  if (!key) throw new UnauthorizedError();
  return apiKeyIdentity(key);
}
