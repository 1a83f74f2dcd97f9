import { z } from 'zod';
import { submitDecision } from '../../usecases/decisions';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { callerIdentity } from '../callerIdentity';
import { decisionBodySchema } from './workflows';
import * as responses from '../schemas/responses';

/** A decision request's id, in the body that answers it and in the /decisions filter alike. */
export const decisionRequestIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'letters, digits and . _ : - only (1-200)');

/** The human decision over REST: delivered to the waiting workflow, which records it. */
export function decisionSubmitRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/decisions/submit',
    summary: 'Submit a human decision for a waiting workflow (recorded by the audit agent)',
    tags: ['decisions'],
    scopes: ['decisions:write'],
    body: decisionBodySchema.extend({
      request_id: decisionRequestIdSchema,
      correlation_id: z.uuid().optional(),
    }),
    responses: {
      201: { description: 'The recorded decision', schema: responses.recordedDecision },
      404: { description: 'No workflow waits for that request' },
      409: { description: 'Already decided' },
    },
    handler: async (ctx, { body }) => {
      const recorded = await submitDecision({ sql: deps.sql, client: deps.temporal.client }, { ...body, identity: callerIdentity(ctx) });
      ctx.status = 201;
      ctx.body = recorded;
    },
  });
}
