import { z } from 'zod';
import { LINEAGE_KINDS, LINEAGE_NODE_KINDS, LINEAGE_RELATIONS } from '../../domain/lineage';
import { buildLineage } from '../../usecases/lineage';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

const historyEvent = z.object({
  workflow_id: z.string(),
  event_id: z.number().int(),
  event_type: z.string(),
  name: z.string(),
  time: z.string(),
  activity_id: z.string().nullable(),
});

const lineageGraph = z.object({
  subject: z.object({ kind: z.enum(LINEAGE_KINDS), id: z.string(), node_id: z.string() }),
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(LINEAGE_NODE_KINDS),
      ref: z.string(),
      label: z.string(),
      at: z.string().nullable(),
      workflow_id: z.string().nullable(),
      history_event: historyEvent.nullable(),
      recorded: z.boolean().describe('false when the link was reconstructed for a row older than its recording'),
      record: z.record(z.string(), z.unknown()),
    }),
  ),
  edges: z.array(z.object({ from: z.string(), to: z.string(), relation: z.enum(LINEAGE_RELATIONS) })),
  workflows: z.array(
    z.object({
      workflow_id: z.string(),
      type: z.string().nullable(),
      status: z.string().nullable(),
      start_time: z.string().nullable(),
      close_time: z.string().nullable(),
      temporal_url: z.string(),
      history_available: z.boolean(),
    }),
  ),
});

/** Why a record exists: its run from readings to report, from the database and the workflow histories. */
export function lineageRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/lineage/:kind/:id',
    summary:
      'The chain around an order, decision, prediction, report or alarm: readings, detector, alarm and its timeline, features, model, prediction, drift, decision, order, booking, notifications, report, each with the workflow history event that produced it',
    tags: ['lineage'],
    scopes: ['workflows:read'],
    params: z.object({ kind: z.enum(LINEAGE_KINDS), id: z.uuid('must be a record id (UUID)') }),
    responses: {
      200: { description: 'Nodes and edges with timestamps; the subject names the node asked for', schema: lineageGraph },
      404: { description: 'No such record' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await buildLineage(deps, params.kind, params.id);
    },
  });
}
