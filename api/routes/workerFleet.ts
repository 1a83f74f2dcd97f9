import { z } from 'zod';
import { describeWorkerFleet } from '../../usecases/workerFleet';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

const fleetWorker = z.object({
  identity: z.string().describe("The worker's Temporal identity, `<pid>@<host>`"),
  queues: z.array(z.enum(['workflow', 'activity'])).describe('The task kinds it polls the queue for'),
  last_poll_at: z.string().nullable().describe('Its latest poll of any of them'),
  active: z.boolean().describe('Polled within the last 75 s (an idle long poll is renewed every ~60 s)'),
});

const workerFleet = z.object({
  task_queue: z.string(),
  checked_at: z.string(),
  active_workers: z.number().int(),
  workers: z.array(fleetWorker).describe('Most recent poll first; a killed worker stays listed, inactive, for a few minutes'),
});

/** The worker fleet from Temporal's DescribeTaskQueue, for the dashboard's header. */
export function workerFleetRoutes(api: ApiRouter, deps: Pick<AppDeps, 'temporal' | 'config'>): void {
  api.route({
    method: 'get',
    path: '/workers',
    summary: 'The workers polling the task queue and when each last polled (from Temporal)',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    responses: {
      200: { description: 'The worker fleet', schema: workerFleet },
      503: { description: 'Temporal did not answer' },
    },
    handler: async (ctx) => {
      ctx.body = await describeWorkerFleet(deps);
    },
  });
}
