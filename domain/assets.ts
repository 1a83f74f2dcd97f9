import { z } from 'zod';
import { siteIdSchema } from './sites';
import { storableText } from './text';

/** Ids of assets, asset types and roles: safe in a URL, a workflow id and a log line. */
export const assetIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - only (1-64)');
export const roleSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _ (1-64), starting with a letter');

export const ASSET_KINDS = ['failure', 'rul'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

const text = (max: number) => storableText(z.string().trim().max(max));

export const assetTypeInputSchema = z
  .strictObject({
    id: assetIdSchema,
    name: text(200).pipe(z.string().min(1)),
    description: text(2000).default(''),
    kind: z.enum(ASSET_KINDS).describe('failure: a classifier on the latest role readings; rul: a regressor on the roles’ aligned window'),
    model_name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not a model name'),
    roles: z
      .record(roleSchema, z.string().min(1).max(100))
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'needs 1 to 50 roles')
      .describe('Role → model feature'),
    typical_life_cycles: z.number().int().positive().max(1_000_000).nullable().default(null),
    hours_per_cycle: z.number().positive().max(10_000).default(24),
    planning_horizon_cycles: z.number().int().min(0).max(1_000_000).nullable().default(null),
    stale_after_seconds: z
      .number()
      .int()
      .positive()
      .max(365 * 86400)
      .default(3600),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'rul' && (t.typical_life_cycles === null || t.planning_horizon_cycles === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['typical_life_cycles'],
        message: 'an rul type needs typical_life_cycles and planning_horizon_cycles',
      });
    }
  });
export type AssetTypeInput = z.output<typeof assetTypeInputSchema>;

export interface AssetType extends AssetTypeInput {
  created_at: string;
}

/**
 * The site an asset belongs to: a site's id, or null for none. '' also means none, as the free-text
 * field it replaces did, so an older client's empty site still works.
 */
const assetSiteSchema = z
  .union([z.literal('').transform(() => null), siteIdSchema])
  .nullable()
  .describe('The id of a site (GET /api/v1/sites); null or "" for none');

const metadataSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((m) => JSON.stringify(m).length <= 10_000, 'must be at most 10 000 characters as JSON');

export const assetInputSchema = z.strictObject({
  id: assetIdSchema,
  name: text(200).pipe(z.string().min(1)),
  type_id: assetIdSchema,
  site: assetSiteSchema.default(null),
  criticality: z.number().int().min(1).max(5).default(3).describe('1 (low) to 5 (critical)'),
  metadata: metadataSchema.default({}),
});
export type AssetInput = z.output<typeof assetInputSchema>;

export const assetPatchSchema = z
  .strictObject({
    name: text(200).pipe(z.string().min(1)).optional(),
    site: assetSiteSchema.optional(),
    criticality: z.number().int().min(1).max(5).optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of name, site, criticality, metadata');
export type AssetPatch = z.output<typeof assetPatchSchema>;

export interface AttachedSensor {
  sensor_id: string;
  role: string;
  attached_at: string;
  detached_at: string | null;
}

export interface Asset extends AssetInput {
  created_at: string;
  updated_at: string;
  sensors: AttachedSensor[];
}
