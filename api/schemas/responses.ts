import { z } from 'zod';
import { identityView } from '../../domain/identitySchema';
import { modelStageSchema } from '../../models/manifest';
import { REPORT_TYPES, STORED_REPORT_TYPES, reportBodySchema } from '../../domain/report';
import { skillLevelSchema, weeklyShiftSchema } from '../../scheduling';
import { GOLDEN_PATH_STAGES } from '../../domain/goldenPath';

/**
 * Success bodies of the routes whose handlers return what a use case builds. They only describe
 * the answer (the OpenAPI document and the dashboard's generated client read them); nothing
 * parses a response with them, so they must follow the handlers, which the API tests check.
 */

const decisionValue = z.enum(['approved', 'rejected', 'escalated']);

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  key_prefix: z.string().describe('The first 7 characters of a generated key; empty for a key seeded from API_KEYS'),
  scopes: z.array(z.string()),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  owner_user_id: z
    .string()
    .nullable()
    .describe("The user the key belongs to (held to that user's role, acts as them); null for a service account"),
  service_account: z.string().nullable().describe('The service account (integration) the key belongs to; null for a user key'),
});

export const readingView = z.object({
  id: z.string(),
  sensor_id: z.string(),
  timestamp: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  quality: z.number(),
  sensor_type: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  correlation_id: z.string().nullable(),
  ingested_at: z.string(),
});

/** A stored reading as GET /sensors/readings lists it, with the original system's names beside today's. */
export const listedReadingView = readingView.extend({
  sensor_metadata: z.record(z.string(), z.unknown()).describe("The original system's name for metadata"),
  ingestion_timestamp: z.string().describe("The original system's name for ingested_at"),
});

export const ingestResult = z.object({
  status: z.literal('success'),
  message: z.string(),
  reading: readingView,
  idempotency_key: z.string().nullable(),
  event_id: z.string().describe("The stored reading's id (the original system's name)"),
  sensor_id: z.string(),
  correlation_id: z.string().describe('X-Correlation-ID as sent with the first request for this reading, or a new UUID'),
});

export const batchResult = z.object({
  status: z.literal('success'),
  inserted: z.number(),
  duplicates: z.number(),
  correlation_id: z.string(),
});

export const csvStarted = z.object({
  workflow_id: z.string(),
  upload_id: z.string(),
  rows_total: z.number(),
  status_url: z.string(),
  temporal_url: z.string(),
});

/** What starting a background workflow answers: where to follow it. */
export const workflowLinks = z.object({
  workflow_id: z.string(),
  status_url: z.string(),
  events_url: z.string(),
  temporal_url: z.string(),
});

export const goldenPathStarted = workflowLinks.extend({ correlation_id: z.string(), sensor_id: z.string() });
export const predictionToMaintenanceStarted = workflowLinks.extend({ correlation_id: z.string(), prediction_id: z.string() });
export const explainStarted = workflowLinks.extend({ prediction_id: z.string(), prediction_url: z.string() });
export const reportGenerationStarted = workflowLinks.extend({ report_type: z.enum(REPORT_TYPES), from: z.string(), to: z.string() });

export const recordedDecision = z.object({
  id: z.string(),
  request_id: z.string(),
  decision: decisionValue,
  operator_id: z.string(),
  justification: z.string(),
  source: z.string(),
  created_at: z.string(),
  workflow_id: z.string(),
  decided_by: identityView.nullable().describe('Who decided, as authenticated (operator_id is what the body said)'),
  awaiting_second_approval: z
    .boolean()
    .optional()
    .describe('Four eyes: true when this approval is the first of two and the order waits for a different person'),
});

export const decisionSignalled = z.object({ status: z.literal('accepted'), workflow_id: z.string() });

const stageName = z.enum(GOLDEN_PATH_STAGES);

const messageParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.number())]));

/** A server message as data: a code the client translates (serverText.messages.<code>) and its parameters. */
export const serverMessage = z.object({ code: z.string(), params: messageParams });

/** A server message as data (domain/serverText.ts); absent from runs started before messages had codes. */
const serverMessageFields = {
  code: z.string().nullable().optional().describe('Message code, translated through the locales (serverText.messages.<code>)'),
  params: messageParams
    .optional()
    .describe('The message parameters: numbers, ISO 8601 instants and enumeration values, never formatted text'),
};

/** The Golden Path's progress document (workflows/goldenPathState.ts) plus its Temporal link. */
export const goldenPathStatus = z.object({
  correlation_id: z.string(),
  workflow_id: z.string(),
  scenario: z.string(),
  sensor_id: z.string(),
  status: z.enum(['running', 'waiting_for_decision', 'completed', 'failed', 'timed_out']),
  stages: z.array(
    z.object({
      name: stageName,
      status: z.enum(['pending', 'running', 'complete', 'failed', 'skipped']),
      started_at: z.string().nullable(),
      finished_at: z.string().nullable(),
      duration_ms: z.number().nullable(),
      event_count: z.number(),
      message: z.string().describe('English text for integrators; clients translate `code` with `params`'),
      ...serverMessageFields,
    }),
  ),
  events: z.array(
    z.object({
      ts: z.string(),
      type: z.string().describe('An event code: stage_started, stage_complete, decision_requested, ...'),
      stage: stageName.nullable(),
      message: z.string().describe('English text for integrators; clients translate `code` with `params`'),
      ...serverMessageFields,
    }),
  ),
  decision_request_id: z.string().nullable(),
  decision_deadline: z.string().nullable(),
  decision: z
    .object({
      decision: z.string(),
      operator_id: z.string(),
      justification: z.string(),
      source: z.string(),
      decided_by: identityView.nullable().optional(),
    })
    .nullable(),
  maintenance_order_id: z.string().nullable(),
  prediction: z.object({ probability: z.number(), prediction: z.number(), model: z.string(), version: z.string() }).nullable(),
  report_id: z.string().nullable(),
  similar_cases: z.array(
    z.object({
      id: z.string(),
      similarity: z.number(),
      decision: z.string().nullable(),
      outcome: z.string().nullable().describe('no maintenance, order approved, order rejected, ...'),
      summary: z.string().describe('English text for integrators; clients translate `code` with `params`'),
      ...serverMessageFields,
    }),
  ),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  temporal_url: z.string(),
});

export const workflowSummary = z.object({
  workflow_id: z.string(),
  run_id: z.string(),
  type: z.string(),
  /** Temporal's execution status in lower case: running, completed, failed, canceled, terminated, timed_out, continued_as_new. */
  status: z.string(),
  start_time: z.string().nullable(),
  close_time: z.string().nullable(),
  search_attributes: z.record(z.string(), z.unknown()),
  temporal_url: z.string(),
});
export const workflowList = z.object({ items: z.array(workflowSummary) });
/** `progress` is each workflow type's own query answer; `result` is there once it completed. */
export const workflowView = workflowSummary.extend({ progress: z.unknown(), result: z.unknown().optional() });

export const technicianView = z.object({
  id: z.string(),
  name: z.string(),
  site: z.string(),
  skills: z.array(skillLevelSchema),
  shifts: z.array(weeklyShiftSchema),
  time_zone: z.string().describe("The site's IANA time zone: the shifts are wall-clock times there"),
  utc_offset_minutes: z.number().describe("The site zone's offset now; a plan uses the offset of the day it starts"),
  active: z.boolean(),
  created_at: z.string(),
});

export const sensorView = z.object({
  sensor_id: z.string(),
  sensor_type: z.string(),
  unit: z.string().nullable(),
  equipment: z.string().nullable(),
  location: z.string().nullable(),
  reading_count: z.number(),
  first_reading: z.string().nullable(),
  last_reading: z.string().nullable(),
  created_at: z.string(),
  archived_at: z.string().nullable().describe('When the sensor was hidden from the lists (its data stays); null when listed'),
  stale_since: z
    .string()
    .nullable()
    .describe(
      'Since when a connector source declared the sensor dead (Sparkplug NDEATH/DDEATH), until its next birth or value; null while live',
    ),
});

export const simulationResult = z.object({
  status: z.literal('success'),
  message: z.string(),
  simulation_id: z.string().describe('sim-<correlation id>: the readings are keyed by it, so a replay ingests nothing twice'),
  events_generated: z
    .number()
    .describe("Readings that landed under sensor_id (the original system's field; the same as readings_ingested)"),
  scenario: z.enum(['normal', 'drift', 'anomaly']),
  sensor_id: z.string(),
  readings_ingested: z.number(),
  injected: z.number(),
  first_timestamp: z.string(),
  last_timestamp: z.string(),
  correlation_id: z.string(),
});

export const reportArtifacts = z.object({ csv: z.string(), pdf: z.string() });
export const reportListItem = z.object({
  id: z.string(),
  report_type: z.enum(STORED_REPORT_TYPES),
  parameters: z.record(z.string(), z.unknown()),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  created_at: z.string(),
  title: z.string(),
  summary: reportBodySchema.shape.summary,
  artifacts: reportArtifacts,
});

export const monitoringSchedule = z.object({
  schedule_id: z.string(),
  interval_seconds: z.array(z.number()),
  paused: z.boolean(),
  note: z.string().nullable(),
  next_action_times: z.array(z.string()),
  recent_actions: z.array(z.object({ scheduled_at: z.string(), taken_at: z.string(), workflow_id: z.string() })),
  running_workflow_ids: z.array(z.string()),
  actions_taken: z.number(),
  actions_skipped_overlap: z.number(),
  created_at: z.string(),
  temporal_url: z.string(),
});

const modelRef = z.object({ name: z.string(), version: z.string(), stage: modelStageSchema });

export const modelVersionView = z.object({
  name: z.string(),
  task: z.enum(['binary_classification', 'anomaly_detection']),
  version: z.string(),
  stage: modelStageSchema,
  model_name: z.string().describe("The same as name (the original system's field)"),
  current_stage: modelStageSchema.describe("The same as stage (the original system's field)"),
  enabled: z.boolean(),
  created_at: z.string(),
  threshold: z.number().nullable(),
  /** The manifest's test-set metrics (roc_auc, pr_auc, f1, precision, recall, ...). */
  metrics: z.record(z.string(), z.unknown()).nullable(),
  description: z.string().nullable(),
  card_markdown: z.string().nullable().optional(),
});
export const modelList = z.object({
  models: z.array(z.object({ name: z.string(), task: modelVersionView.shape.task, versions: z.array(modelVersionView) })),
  count: z.number(),
});
export const modelVersionList = z.object({ model_name: z.string(), versions: z.array(modelVersionView).describe('Newest first') });
export const resolvedModelVersion = modelVersionView.extend({
  resolved_version: z.string().describe('The version "auto" resolved to (the same as version)'),
});

export const explanation = z.object({
  method: z.literal('exact_interventional_shap'),
  base_value: z.number(),
  prediction: z.number(),
  values: z.record(z.string(), z.number()),
  background_size: z.number(),
  latency_ms: z.number(),
});

export const predictionResult = z.object({
  prediction_id: z.string(),
  prediction: z.union([z.literal(0), z.literal(1)]),
  probability: z.number(),
  confidence: z.number(),
  threshold: z.number(),
  model_info: modelRef.extend({
    model_name: z.string().describe("The same as name (the original system's field)"),
    model_version: z.string().describe("The same as version (the original system's field)"),
  }),
  timestamp: z.string(),
  request_id: z.string(),
  latency_ms: z.number(),
  explanation: explanation.optional(),
});

export const predictionBatchResult = z.object({
  count: z.number(),
  predictions: z.array(
    predictionResult.omit({ explanation: true }).extend({ latency_ms: z.number().describe("The whole batch's model time") }),
  ),
  model_info: predictionResult.shape.model_info,
  latency_ms: z.number(),
  request_id: z.string(),
});

const rulInterval = z.object({
  lower: z.number().describe('Lower bound in cycles (never below 0)'),
  upper: z.number(),
  level: z.number().describe('Nominal coverage of the split-conformal interval, e.g. 0.9'),
});

export const rulResult = z.object({
  rul: z.number().describe('Remaining useful life in cycles after the last reading, 0..125 (125: no degradation seen yet)'),
  interval: rulInterval,
  model_info: predictionResult.shape.model_info,
  request_id: z.string(),
});

export const rulBatchResult = z.object({
  results: z.array(z.object({ id: z.string(), rul: z.number(), interval: rulInterval })).describe('One per trajectory, in order'),
  model_info: predictionResult.shape.model_info,
  request_id: z.string(),
});

export const storedPrediction = z.object({
  id: z.string(),
  model: z.string(),
  version: z.string(),
  stage: z.string().nullable(),
  sensor_id: z.string().nullable(),
  features: z.record(z.string(), z.unknown()),
  probability: z.number(),
  prediction: z.number(),
  explanation: explanation.nullable(),
  latency_ms: z.number().nullable(),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  created_at: z.string(),
});
export const storedPredictionWithStatus = storedPrediction.extend({
  explanation_status: z.enum(['ready', 'pending', 'failed', 'not_requested', 'unknown']),
});

export const anomalyResult = z.object({
  total_readings_analyzed: z.number(),
  anomaly_count: z.number(),
  anomalies: z.array(
    z.object({
      index: z.number(),
      value: z.number(),
      score: z.number(),
      method: z.enum(['combined', 'isolation_forest', 'robust_zscore', 'streaming']),
      robust_z: z.number().nullable(),
      model_score: z.number().nullable(),
      reason: z.string(),
      timestamp: z.string().nullable(),
    }),
  ),
  method: z
    .enum(['combined', 'robust_zscore', 'streaming'])
    .describe("streaming: the sensor's own persisted streaming detector; combined / robust_zscore: a series with no learned sensor state"),
  threshold: z.number(),
  model_info: modelRef.extend({ threshold: z.number() }).nullable(),
  fallback_reason: z.string().nullable(),
  baseline: z.object({ window: z.number(), history_used: z.number() }),
  analysis_timestamp: z.string(),
});

/** The answer to the original system's body (sensor_readings of many sensors). */
export const sensorAnomalyResult = z.object({
  anomalies_detected: z.array(
    anomalyResult.shape.anomalies.element.extend({
      index: z.number().describe('Position of the reading in sensor_readings'),
      sensor_id: z.string(),
      sensor_type: z.string().nullable(),
      unit: z.string().nullable(),
      quality: z.number().nullable(),
    }),
  ),
  total_readings_analyzed: z.number(),
  anomaly_count: z.number(),
  sensors_analyzed: z.number(),
  sensitivity: z.number(),
  method: anomalyResult.shape.method,
  threshold: z.number().describe('1 - sensitivity, clamped to 0.05-0.95'),
  model_info: anomalyResult.shape.model_info,
  fallback_reason: z.string().nullable(),
  analysis_timestamp: z.string(),
});

const windowView = z.object({ start: z.string(), end: z.string(), count: z.number() });
export const driftResult = z.object({
  sensor_id: z.string(),
  status: z.enum(['ok', 'insufficient_data']).describe('insufficient_data also for a sensor without readings (recent null)'),
  drift_detected: z.boolean(),
  recent_count: z.number().describe("Readings in the recent window (the original system's field)"),
  baseline_count: z.number().describe("Readings in the reference window (the original system's field)"),
  evaluated_at: z.string().describe("When the check ran (the original system's field; the same as timestamp)"),
  ks_statistic: z.number().nullable(),
  p_value: z.number().nullable(),
  ks_method: z.enum(['exact', 'asymp']).nullable(),
  psi: z.number().nullable(),
  psi_band: z.enum(['stable', 'moderate', 'significant']).nullable(),
  window_minutes: z.number(),
  p_value_threshold: z.number(),
  min_samples: z.number(),
  row_limit: z.number().describe('Most readings read per window; a truncated window used its latest ones'),
  recent: windowView.extend({ truncated: z.boolean() }).nullable(),
  reference: windowView.extend({ pinned: z.boolean(), truncated: z.boolean() }).nullable(),
  message: z.string(),
  timestamp: z.string(),
  request_id: z.string(),
});
