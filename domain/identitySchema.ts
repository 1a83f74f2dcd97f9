import { z } from 'zod';
import type { Identity } from './identity';

/** The runtime check of an Identity at the activity edge and the API's response schema. */
export const identitySchema: z.ZodType<Identity> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api_key'), key_id: z.uuid(), key_name: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('system'), key_id: z.null(), key_name: z.null() }),
]);
