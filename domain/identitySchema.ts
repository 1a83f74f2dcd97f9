import { z } from 'zod';
import type { Identity } from './identity';

/** The runtime check of an Identity at the activity edge and the API's response schema. */
export const identitySchema: z.ZodType<Identity> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api_key'), key_id: z.uuid(), key_name: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('user'),
    key_id: z.uuid(),
    key_name: z.string().min(1).max(320),
    roles: z.array(z.string().max(40)).max(10).optional(),
  }),
  z.object({ kind: z.literal('system'), key_id: z.null(), key_name: z.null() }),
]);

/**
 * The same, flat, for response schemas: the web client's generated types drop null-only fields
 * from a union member, so the API describes one object whose key fields are null for the system.
 */
export const identityView = z.object({
  kind: z.enum(['api_key', 'user', 'system']),
  key_id: z.uuid().nullable(),
  key_name: z.string().nullable(),
});
