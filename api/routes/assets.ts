import { z } from 'zod';
import { assetIdSchema, assetInputSchema, assetPatchSchema, assetTypeInputSchema, roleSchema } from '../../domain/assets';
import { isoTimestamp, sensorIdSchema } from '../../domain/reading';
import { sensorTypeNames } from '../../domain/sensorTypes';
import { storableText } from '../../domain/text';
import {
  attachmentHistory,
  createAssetType,
  detachSensorFromAsset,
  getAsset,
  getAssetType,
  listAssetTypes,
  patchAsset,
} from '../../usecases/assets';
import { attachSensorAndEvaluate, createAssetWithEvaluator, removeAssetAndEvaluator } from '../../usecases/assetWorkflows';
import { listAssetsWithHealth } from '../../usecases/assetHealth';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { assetListItemView, assetTypeView, assetView, attachedSensorView, evaluatorStarted } from '../schemas/assets';

const idParams = z.object({ id: assetIdSchema });

const listQuery = z.strictObject({
  site: storableText(z.string().max(200)).optional(),
  type_id: assetIdSchema.optional(),
  criticality: z.coerce.number().int().min(1).max(5).optional(),
});

const attachBody = z.strictObject({
  sensor_id: sensorIdSchema,
  role: roleSchema,
  from: isoTimestamp.optional().describe('From when the sensor measures this role; now when absent'),
  sensor_type: z
    .enum(sensorTypeNames)
    .optional()
    .describe('Registers an unknown sensor with this type; an unknown sensor is refused without it'),
});

/** The asset registry: types (which model, role → feature), assets, and their sensors by role with history. */
export function assetRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/asset-types',
    summary: 'Asset types: the model each applies and how roles map to its features',
    tags: ['assets'],
    scopes: ['data:read'],
    responses: { 200: { description: 'All asset types', schema: z.array(assetTypeView) } },
    handler: async (ctx) => {
      ctx.body = await listAssetTypes(deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/asset-types/:id',
    summary: 'One asset type',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'The type', schema: assetTypeView }, 404: { description: 'No such type' } },
    handler: async (ctx, { params }) => {
      ctx.body = await getAssetType(params.id, deps.sql);
    },
  });

  api.route({
    method: 'post',
    path: '/asset-types',
    summary: 'Declare an asset type (its model must be in the registry)',
    tags: ['assets'],
    scopes: ['data:ingest'],
    body: assetTypeInputSchema,
    responses: {
      201: { description: 'Created', schema: assetTypeView },
      409: { description: 'The id is taken' },
      422: { description: 'Invalid field, or a model not in the registry' },
    },
    handler: async (ctx, { body }) => {
      ctx.body = await createAssetType(body, deps.sql);
      ctx.status = 201;
    },
  });

  api.route({
    method: 'get',
    path: '/assets',
    summary: 'Assets with their current sensors, most critical first; filter by site, type, criticality',
    tags: ['assets'],
    scopes: ['data:read'],
    query: listQuery,
    responses: {
      200: {
        description: 'Assets (at most 1000) with their latest evaluation, unresolved alarms and next maintenance',
        schema: z.array(assetListItemView),
      },
    },
    handler: async (ctx, { query }) => {
      ctx.body = await listAssetsWithHealth({ site: query.site, typeId: query.type_id, criticality: query.criticality }, deps.sql);
    },
  });

  api.route({
    method: 'post',
    path: '/assets',
    summary: 'Register an asset of a type; its evaluator workflow starts with it',
    tags: ['assets'],
    scopes: ['data:ingest'],
    body: assetInputSchema,
    responses: {
      201: {
        description: 'Created',
        schema: assetView.extend({
          evaluator: evaluatorStarted.nullable().describe('The asset’s evaluator; null when Temporal could not start it (start it later)'),
        }),
      },
      409: { description: 'The id is taken' },
      422: { description: 'Invalid field or unknown type' },
    },
    handler: async (ctx, { body }) => {
      ctx.body = await createAssetWithEvaluator(deps, body);
      ctx.status = 201;
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id',
    summary: 'One asset with its current sensors by role',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'The asset', schema: assetView }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      ctx.body = await getAsset(params.id, deps.sql);
    },
  });

  api.route({
    method: 'patch',
    path: '/assets/:id',
    summary: 'Change name, site, criticality or metadata (the type is fixed)',
    tags: ['assets'],
    scopes: ['data:ingest'],
    params: idParams,
    body: assetPatchSchema,
    responses: {
      200: { description: 'The asset', schema: assetView },
      404: { description: 'No such asset' },
      422: { description: 'Invalid field' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = await patchAsset(params.id, body, deps.sql);
    },
  });

  api.route({
    method: 'delete',
    path: '/assets/:id',
    summary: 'Delete an asset with its attachments and health, and stop its evaluator; its sensors and readings stay',
    tags: ['assets'],
    scopes: ['data:ingest'],
    params: idParams,
    responses: { 200: { description: 'The deleted asset', schema: assetView }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      ctx.body = await removeAssetAndEvaluator(deps, params.id);
    },
  });

  api.route({
    method: 'post',
    path: '/assets/:id/sensors',
    summary:
      'Attach a sensor in a role; the role’s previous sensor and the sensor’s previous asset are detached from the same instant; the asset’s evaluator re-evaluates (starting if it was not running)',
    tags: ['assets'],
    scopes: ['data:ingest'],
    params: idParams,
    body: attachBody,
    responses: {
      201: { description: 'The new attachment', schema: attachedSensorView },
      404: { description: 'No such asset' },
      422: { description: 'Role not of the asset’s type, or an unknown sensor without sensor_type' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = await attachSensorAndEvaluate(
        deps,
        params.id,
        { sensorId: body.sensor_id, role: body.role, from: body.from ? new Date(body.from) : undefined, sensorType: body.sensor_type },
        new Date(),
      );
      ctx.status = 201;
    },
  });

  api.route({
    method: 'delete',
    path: '/assets/:id/sensors/:sensor_id',
    summary: 'Detach a sensor from now on (its history stays)',
    tags: ['assets'],
    scopes: ['data:ingest'],
    params: z.object({ id: assetIdSchema, sensor_id: sensorIdSchema }),
    responses: {
      200: { description: 'The closed attachment period', schema: attachedSensorView },
      404: { description: 'No such asset, or the sensor is not on it' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await detachSensorFromAsset(params.id, params.sensor_id, deps.sql, new Date());
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id/sensors/history',
    summary: 'Every attachment period of the asset, newest first',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'Attachments', schema: z.array(attachedSensorView) }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      await getAsset(params.id, deps.sql);
      ctx.body = await attachmentHistory(params.id, deps.sql);
    },
  });
}
