import { z } from 'zod';
import { scopeSchema } from '../../domain/scopes';
import type { Context } from 'koa';
import { issueApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord, type KeyOwner } from '../../usecases/apiKeys';
import type { ApiKeyResolver } from '../middleware/auth';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const keyView = (r: ApiKeyRecord) => ({
  id: r.id,
  name: r.name,
  key_prefix: r.keyPrefix,
  scopes: r.scopes,
  created_at: r.createdAt.toISOString(),
  revoked_at: r.revokedAt?.toISOString() ?? null,
  owner_user_id: r.ownerUserId,
  service_account: r.serviceAccount,
});

const nameText = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w .:-]+$/, 'letters, digits, space, _ . : - only');

/**
 * Whom a key created through the API belongs to: the user or service account the body names,
 * otherwise the person creating it (signed in, or the user behind the calling key), otherwise the
 * calling key's own service account.
 */
function ownerOf(ctx: Context, body: { user_id?: string; service_account?: string }): KeyOwner {
  if (body.user_id) return { userId: body.user_id };
  if (body.service_account) return { serviceAccount: body.service_account };
  const person = ctx.state.user ?? ctx.state.keyOwner;
  if (person) return { userId: person.id };
  const caller = ctx.state.apiKey!;
  return { serviceAccount: caller.serviceAccount ?? caller.name };
}

/** API key management; the plain key is returned once, at creation, and stored only hashed. */
export function adminRoutes(api: ApiRouter, deps: AppDeps, resolver: ApiKeyResolver): void {
  api.route({
    method: 'post',
    path: '/admin/api-keys',
    summary: 'Create an API key (the key is shown once)',
    tags: ['admin'],
    scopes: ['admin'],
    body: z
      .strictObject({
        name: nameText,
        scopes: z.array(scopeSchema).min(1).max(12),
        user_id: z.uuid().optional().describe("The user the key is for: it acts as them, held to their role's scopes"),
        service_account: nameText
          .optional()
          .describe('The integration the key is for (keeps its scopes; never a second four-eyes approver)'),
      })
      .refine((b) => !(b.user_id && b.service_account), { message: 'give user_id or service_account, not both' })
      .describe("Without user_id or service_account the key belongs to you and is held to your role's scopes"),
    responses: {
      201: { description: 'Created; `key` is not retrievable later', schema: responses.apiKeyView.extend({ key: z.string() }) },
      404: { description: 'user_id names no active user' },
    },
    handler: async (ctx, { body }) => {
      const owner = ownerOf(ctx, body);
      const { record, key } = await issueApiKey(deps.sql, { name: body.name, scopes: [...new Set(body.scopes)], owner });
      ctx.status = 201;
      ctx.body = { ...keyView(record), key };
    },
  });
  api.route({
    method: 'get',
    path: '/admin/api-keys',
    summary: 'List API keys (never the keys themselves)',
    tags: ['admin'],
    scopes: ['admin'],
    responses: { 200: { description: 'Keys', schema: z.array(responses.apiKeyView) } },
    handler: async (ctx) => {
      ctx.body = (await listApiKeys(deps.sql)).map(keyView);
    },
  });
  api.route({
    method: 'delete',
    path: '/admin/api-keys/:id',
    summary: 'Revoke an API key',
    tags: ['admin'],
    scopes: ['admin'],
    params: z.object({ id: z.uuid() }),
    responses: { 200: { description: 'Revoked', schema: responses.apiKeyView }, 404: { description: 'No such key' } },
    handler: async (ctx, { params }) => {
      const record = await revokeApiKey(params.id, deps.sql);
      resolver.forget(record.keyHash);
      ctx.body = keyView(record);
    },
  });
  api.route({
    method: 'get',
    path: '/admin/whoami',
    summary: 'The calling key and its scopes',
    tags: ['admin'],
    scopes: [],
    responses: { 200: { description: 'The key', schema: responses.apiKeyView } },
    handler: async (ctx) => {
      ctx.body = keyView(ctx.state.apiKey!);
    },
  });
}
