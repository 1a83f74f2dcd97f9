import { z } from 'zod';
import { scopeSchema } from '../../domain/scopes';
import { createApiKey, listApiKeys, revokeApiKey } from '../../usecases/apiKeys';
import type { ApiKeyResolver } from '../middleware/auth';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const keyView = (r: { id: string; name: string; keyPrefix: string; scopes: string[]; createdAt: Date; revokedAt: Date | null }) => ({
  id: r.id,
  name: r.name,
  key_prefix: r.keyPrefix,
  scopes: r.scopes,
  created_at: r.createdAt.toISOString(),
  revoked_at: r.revokedAt?.toISOString() ?? null,
});

/** API key management; the plain key is returned once, at creation, and stored only hashed. */
export function adminRoutes(api: ApiRouter, deps: AppDeps, resolver: ApiKeyResolver): void {
  api.route({
    method: 'post',
    path: '/admin/api-keys',
    summary: 'Create an API key (the key is shown once)',
    tags: ['admin'],
    scopes: ['admin'],
    body: z.strictObject({
      name: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[\w .:-]+$/, 'letters, digits, space, _ . : - only'),
      scopes: z.array(scopeSchema).min(1).max(12),
    }),
    responses: {
      201: { description: 'Created; `key` is not retrievable later', schema: responses.apiKeyView.extend({ key: z.string() }) },
    },
    handler: async (ctx, { body }) => {
      const { record, key } = await createApiKey({ name: body.name, scopes: [...new Set(body.scopes)] }, deps.sql);
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
