import { z } from 'zod';
import { describeWorkflow } from '../../services/workflows';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

export const workflowIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'is not a valid workflow id');

/** Workflow status and progress; later issues add listing, starting, signals, SSE and history. */
export function workflowRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/workflows/:id',
    summary: 'A workflow: status, progress and a Temporal Web link',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    params: z.object({ id: workflowIdSchema }),
    responses: { 200: { description: 'The workflow' }, 404: { description: 'No such workflow' } },
    handler: async (ctx, { params }) => {
      ctx.body = await describeWorkflow(deps.temporal.client, deps.config, params.id);
    },
  });
}
