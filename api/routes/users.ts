import { z } from 'zod';
import { roleSchema } from '../../domain/roles';
import { changeUserRoles, createUser, disableUser, listUsers } from '../../usecases/users';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { ownOrigin } from '../middleware/session';
import { toUserView, userView } from './auth';

const roles = z.array(roleSchema).min(1).max(5);
const idParams = z.object({ id: z.uuid() });

/** People, for admins: create or invite (a one-time link), list, change roles, disable. */
export function userRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/admin/users',
    summary: 'Create a user; without a password, invite them with a one-time sign-in link (shown once)',
    tags: ['admin'],
    scopes: ['admin'],
    body: z.strictObject({
      name: z.string().trim().min(1).max(200),
      email: z.email().max(320),
      roles,
      password: z.string().min(12).max(200).optional(),
    }),
    responses: {
      201: {
        description: 'Created; `invite_url` (null when a password was set) is not retrievable later',
        schema: z.object({ user: userView, invite_url: z.string().nullable() }),
      },
      409: { description: 'A user with that email exists' },
    },
    handler: async (ctx, { body }) => {
      const { user, inviteToken } = await createUser(deps.sql, body, deps.config.SIGN_IN_LINK_TTL_HOURS);
      const base = deps.config.PUBLIC_URL ?? ownOrigin(ctx);
      ctx.status = 201;
      ctx.body = { user: toUserView(user), invite_url: inviteToken ? `${base}/sign-in?token=${inviteToken}` : null };
    },
  });
  api.route({
    method: 'get',
    path: '/admin/users',
    summary: 'List users (never their password hashes)',
    tags: ['admin'],
    scopes: ['admin'],
    responses: { 200: { description: 'Users', schema: z.array(userView) } },
    handler: async (ctx) => {
      ctx.body = (await listUsers(deps.sql)).map(toUserView);
    },
  });
  api.route({
    method: 'patch',
    path: '/admin/users/:id',
    summary: "Change a user's roles",
    tags: ['admin'],
    scopes: ['admin'],
    params: idParams,
    body: z.strictObject({ roles }),
    responses: { 200: { description: 'The user', schema: userView }, 404: { description: 'No such user' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = toUserView(await changeUserRoles(deps.sql, params.id, body.roles));
    },
  });
  api.route({
    method: 'post',
    path: '/admin/users/:id/disable',
    summary: 'Disable a user: their sessions end at once and they cannot sign in',
    tags: ['admin'],
    scopes: ['admin'],
    params: idParams,
    responses: { 200: { description: 'The user', schema: userView }, 404: { description: 'No such user' } },
    handler: async (ctx, { params }) => {
      ctx.body = toUserView(await disableUser(deps.sql, params.id));
    },
  });
}
