import { z } from 'zod';
import { siteIdSchema, siteInputSchema, sitePatchSchema } from '../../domain/sites';
import { createSite, getSite, listSites, patchSite, removeSite } from '../../usecases/sites';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

const siteView = z.object({
  id: z.string(),
  name: z.string(),
  time_zone: z.string().describe('IANA zone of the site’s clock'),
  created_at: z.string(),
  updated_at: z.string(),
});

const idParams = z.object({ id: siteIdSchema });

/**
 * Sites: the plants assets and technicians belong to, each with its clock. Read and written with
 * the asset registry's scopes, since a site is part of it.
 */
export function siteRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/sites',
    summary: 'Sites, by name',
    tags: ['sites'],
    scopes: ['data:read'],
    responses: { 200: { description: 'All sites', schema: z.array(siteView) } },
    handler: async (ctx) => {
      ctx.body = await listSites(deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/sites/:id',
    summary: 'One site',
    tags: ['sites'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'The site', schema: siteView }, 404: { description: 'No such site' } },
    handler: async (ctx, { params }) => {
      ctx.body = await getSite(params.id, deps.sql);
    },
  });

  api.route({
    method: 'post',
    path: '/sites',
    summary: 'Create a site with its IANA time zone',
    tags: ['sites'],
    scopes: ['data:ingest'],
    body: siteInputSchema,
    responses: {
      201: { description: 'Created', schema: siteView },
      409: { description: 'The id is taken' },
      422: { description: 'Invalid field (an id that is not a slug, a zone that is not IANA)' },
    },
    handler: async (ctx, { body }) => {
      ctx.body = await createSite(body, deps.sql);
      ctx.status = 201;
    },
  });

  api.route({
    method: 'patch',
    path: '/sites/:id',
    summary: 'Rename a site or change its time zone (the id is fixed)',
    tags: ['sites'],
    scopes: ['data:ingest'],
    params: idParams,
    body: sitePatchSchema,
    responses: {
      200: { description: 'The site', schema: siteView },
      404: { description: 'No such site' },
      422: { description: 'Invalid field' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = await patchSite(params.id, body, deps.sql);
    },
  });

  api.route({
    method: 'delete',
    path: '/sites/:id',
    summary: 'Delete a site no asset or technician belongs to',
    tags: ['sites'],
    scopes: ['data:ingest'],
    params: idParams,
    responses: {
      200: { description: 'The deleted site', schema: siteView },
      404: { description: 'No such site' },
      409: { description: 'Assets or technicians still belong to the site (counts in the problem)' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await removeSite(params.id, deps.sql);
    },
  });
}
