import { z } from 'zod';
import { HEALTH_REASON_CODES } from '../../domain/assetHealth';
import { ASSET_KINDS } from '../../domain/assets';
import { identityView } from '../../domain/identitySchema';
import { ORDER_STATUSES } from '../../domain/orderLifecycle';
import { DECISIONS } from '../../usecases/decisions';
import type { Priority } from '../../domain/routing';
import { serverMessage } from './responses';

/** Success bodies of the asset routes (documentation only, like responses.ts). */

const PRIORITIES = ['low', 'medium', 'high', 'urgent', 'very_urgent'] as const satisfies readonly Priority[];

export const assetTypeView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(ASSET_KINDS),
  model_name: z.string(),
  roles: z.record(z.string(), z.string()).describe('Role → model feature'),
  typical_life_cycles: z.number().nullable(),
  hours_per_cycle: z.number(),
  planning_horizon_cycles: z.number().nullable(),
  stale_after_seconds: z.number(),
  created_at: z.string(),
});

export const attachedSensorView = z.object({
  sensor_id: z.string(),
  role: z.string(),
  attached_at: z.string(),
  detached_at: z.string().nullable(),
});

export const assetView = z.object({
  id: z.string(),
  name: z.string(),
  type_id: z.string(),
  site: z.string().nullable().describe('The id of the site the asset belongs to; null for none'),
  criticality: z.number().int(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
  sensors: z.array(attachedSensorView).describe('The sensors attached now, one per role'),
});

const reasonView = z.object({
  code: z.enum(HEALTH_REASON_CODES).describe('What kind of reason'),
  message: z.string().describe('English, for integrators; clients translate `text`'),
  text: serverMessage
    .optional()
    .describe('The reason as a message code and parameters (serverText.messages.<code>); absent from evaluations stored before it'),
  role: z.string().optional(),
  sensor_id: z.string().optional(),
  value: z.number().optional(),
});

export const healthRecordView = z.object({
  evaluated_at: z.string(),
  data_until: z.string().nullable().describe('The latest reading the evaluation used'),
  status: z.enum(['ok', 'insufficient_data', 'model_unavailable']),
  health: z.number().nullable().describe('0-100; null when the model could not be served from the roles (see reasons)'),
  rul: z.number().nullable().describe('Remaining useful life in cycles (rul types)'),
  interval: z.object({ lower: z.number(), upper: z.number(), level: z.number() }).nullable(),
  failure_probability: z.number().nullable().describe('failure types'),
  drifted: z.boolean().describe('A sensor feeding the model has drifted: the evaluation was made on drifted inputs'),
  model: z.object({ name: z.string(), version: z.string().nullable() }).nullable(),
  reasons: z.array(reasonView),
  episode_id: z.string().nullable(),
});

const severityCounts = z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int(), critical: z.number().int() });

/** One row of the asset list (GET /assets). */
export const assetListItemView = assetView.extend({
  health: healthRecordView.nullable(),
  open_alarms: z
    .object({
      count: z.number().int(),
      by_severity: severityCounts,
      worst: z.enum(['low', 'medium', 'high', 'critical']).nullable(),
    })
    .describe('Unresolved (open or acknowledged) alarms on the asset’s current sensors'),
  next_maintenance: z
    .object({
      order_id: z.string(),
      status: z.enum(ORDER_STATUSES),
      priority: z.enum(PRIORITIES),
      at: z.string().nullable().describe('The booked window’s start, else the deadline'),
      window_start: z.string().nullable(),
      window_end: z.string().nullable(),
      deadline: z.string().nullable(),
    })
    .nullable()
    .describe('The pending order due soonest (named for the asset, or raised on its sensors); null when none is pending'),
});

export const assetHealthView = z.object({
  asset_id: z.string(),
  latest: healthRecordView.nullable(),
  history: z.array(healthRecordView).describe('Newest first'),
});

export const episodeView = z.object({
  id: z.string(),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  trigger: z.record(z.string(), z.unknown()),
  maintenance_workflow_id: z.string().nullable(),
  started_at: z.string().nullable(),
  gate_reason: z.string().nullable().describe('Set when the episode started on drifted inputs: its maintenance flow waits for a person'),
  gate_evidence: z.unknown(),
});

export const assetOrderView = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  priority: z.enum(PRIORITIES),
  deadline: z.string().nullable(),
  failure_probability: z.number().nullable(),
  workflow_id: z.string().nullable(),
  created_at: z.string(),
});

export const assetDecisionView = z.object({
  id: z.string(),
  order_id: z.string().nullable(),
  decision: z.enum(DECISIONS),
  operator_id: z.string(),
  decided_by: identityView.nullable().describe('Who decided, as authenticated; null before identities were recorded'),
  justification: z.string().describe('A person’s words as typed, or the system’s own text (its code is read back by the dashboard)'),
  source: z.string(),
  superseded_by: z.string().nullable(),
  workflow_id: z.string().nullable(),
  created_at: z.string(),
});

const links = {
  workflow_id: z.string(),
  status_url: z.string(),
  events_url: z.string(),
  temporal_url: z.string(),
};

export const evaluatorStarted = z.object(links);

export const assetRunStarted = z.object({
  ...links,
  evaluator: z.object(links),
  sensors_attached: z.number().int().describe('Sensors registered for roles that had none'),
  cycles: z.number().int(),
  from_cycle: z.number().int(),
  to_cycle: z.number().int(),
});

const matrix = z.array(z.array(z.number().nullable()));

export const correlationsView = z.object({
  asset_id: z.string(),
  roles: z.array(z.string()).describe('Row and column order of the matrices'),
  from: z.string().nullable(),
  to: z.string().nullable().describe('The asset’s latest reading'),
  buckets: z.number().int().describe('Instants at which every role had a value'),
  pearson: matrix,
  spearman: matrix,
  lagged: z
    .object({
      pair: z.array(z.string()),
      max_lag: z.number().int(),
      best_lag: z.number().int().nullable().describe('Positive: the second role follows the first by this many buckets'),
      coefficient: z.number().nullable(),
      by_lag: z.array(z.object({ lag: z.number().int(), r: z.number().nullable(), n: z.number().int() })),
    })
    .nullable(),
});
