/**
 * The activities as the workflows call them: each one's name, input and output, declared here on
 * the workflow side so that workflow code depends on no agent and no use case (CONVENTIONS,
 * "Dependencies run one way"). activities/index.ts checks the real agents against these types, so a
 * signature that drifts fails the type check. Names are part of the recorded histories: renaming
 * one breaks replay.
 *
 * Types only. Inputs are what the workflows send (the agents validate them again at runtime);
 * outputs list the fields the agents return, or, for stored rows the workflows barely read (a
 * decision, a knowledge entry), the fields the workflows rely on.
 */
import type { CsvLineError } from '../domain/csvReadings';
import type { DriftResult } from '../domain/drift';
import type { ExplainStoredPredictionResult } from '../domain/explanation';
import type { OrderStatus } from '../domain/orderLifecycle';
import type { ProposedOrder } from '../domain/maintenanceOrder';
import type { ReportBody, ReportType } from '../domain/report';
import type { Scenario } from '../domain/scenarios';
import type { ModelRef } from '../models/failureClassifier';
import type { Identity } from '../domain/identity';

// ── DataIngestionAgent ────────────────────────────────────────────────────────────────────────

export interface IngestScenarioReadingsInput {
  correlationId: string;
  workflowId?: string;
  sensorId: string;
  scenario: Scenario;
  count: number;
  /** ISO instant of the last reading; now when absent. */
  end?: string;
}

export interface IngestScenarioReadingsResult {
  inserted: number;
  duplicates: number;
  /** Readings of machine history added before the run (first run on a sensor only). */
  history_seeded: number;
  first: string;
  last: string;
}

export interface IngestCsvRangeInput {
  uploadId: string;
  /** Data records [from, to) of the upload. */
  from: number;
  to: number;
  correlationId?: string;
}

export interface IngestCsvRangeResult {
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: CsvLineError[];
  /** The record a retry resumed at, from the last heartbeat; null on a first attempt. */
  resumedAt: number | null;
}

// ── ValidationAgent ───────────────────────────────────────────────────────────────────────────

export interface RunReadingsInput {
  sensorId: string;
  correlationId: string;
  workflowId?: string;
}

export interface ValidateReadingsResult {
  checked: number;
  valid: number;
  quarantined: number;
  /** Quarantined readings per reason. */
  reasons: Record<string, number>;
  threshold: number;
}

export interface AssessAnomalyCredibilityInput extends RunReadingsInput {
  anomalyIds: string[];
}

export interface AssessAnomalyCredibilityResult {
  assessed: number;
  credible: number;
  items: { id: string; credibility: number; credible: boolean; reasons: string[] }[];
}

// ── AnomalyDetectionAgent ─────────────────────────────────────────────────────────────────────

export interface DetectAnomaliesResult {
  analyzed: number;
  method: 'combined' | 'robust_zscore';
  fallback_reason: string | null;
  model_info: (ModelRef & { threshold: number }) | null;
  history_used: number;
  anomalies: {
    id: string;
    ts: string;
    value: number;
    score: number;
    method: 'combined' | 'isolation_forest' | 'robust_zscore';
    reason: string;
  }[];
}

// ── DriftDetectionAgent ───────────────────────────────────────────────────────────────────────

export interface CheckDriftInput {
  sensorId: string;
  workflowId?: string;
  windowMinutes?: number;
  pValueThreshold?: number;
  minSamples?: number;
}

// ── PredictionAgent ───────────────────────────────────────────────────────────────────────────

export interface PredictForSensorInput {
  sensorId: string;
  correlationId: string;
  workflowId?: string;
  scenario?: Scenario;
  anomalyCount?: number;
  driftDetected?: boolean;
  validReadings?: number;
}

export interface PredictAndStoreInput {
  predictionId: string;
  workflowId?: string;
  correlationId: string;
  sensorId: string;
  features: Record<string, unknown>;
  modelName: string;
  modelVersion: string;
}

export interface StoredPrediction {
  prediction_id: string;
  probability: number;
  prediction: 0 | 1;
  confidence: number;
  threshold: number;
  /** prediction === 1: the flow proposes maintenance. */
  risky: boolean;
  sensor_type: string;
  features: Record<string, string | number>;
  model_info: ModelRef;
  latency_ms: number;
}

export interface ExplainStoredPredictionInput {
  predictionId: string;
}

// ── OrchestratorAgent (decision requests) ─────────────────────────────────────────────────────

export interface OpenDecisionRequestInput {
  requestId: string;
  workflowId: string;
  orderId: string | null;
  correlationId: string | null;
  /** ISO instant. */
  deadline: string;
}

export interface OpenDecisionRequestResult {
  request_id: string;
  status: string;
  deadline: string;
}

export interface CloseDecisionRequestInput {
  requestId: string;
  status: 'decided' | 'expired';
}

// ── NotificationAgent ─────────────────────────────────────────────────────────────────────────

export type NotificationChannel = 'webhook' | 'slack' | 'log';

export interface SendNotificationInput {
  /** One channel, or every configured one (the default). */
  channel?: NotificationChannel | 'all';
  recipient: string;
  subject: string;
  body: Record<string, unknown>;
  dedupKey: string;
  workflowId?: string;
  correlationId?: string;
}

export interface SendNotificationResult {
  dedupKey: string;
  outcomes: {
    channel: NotificationChannel;
    status: 'sent' | 'failed' | 'deduplicated' | 'rate_limited' | 'skipped';
    notificationId: string;
    error?: string;
  }[];
}

// ── DecisionAuditAgent ────────────────────────────────────────────────────────────────────────

export interface RecordDecisionInput {
  requestId: string;
  decision: 'approved' | 'rejected' | 'escalated';
  operatorId: string;
  justification: string;
  workflowId?: string;
  correlationId?: string;
  orderId?: string;
  /** How the decision arrived: `api` for the REST update. */
  source: 'api' | 'signal' | 'auto' | 'timeout_policy';
  dedupKey: string;
  /** The authenticated caller (or the system, for a passed deadline); absent in histories older than it. */
  decidedBy?: Identity | null;
}

/** The stored decision row; the workflows read its id and time. */
export interface RecordedDecisionRow {
  id: string;
  request_id: string;
  decision: 'approved' | 'rejected' | 'escalated';
  operator_id: string;
  justification: string;
  created_at: string;
}

// ── LearningAgent ─────────────────────────────────────────────────────────────────────────────

export type OutcomeFeatures = Record<string, number | string | boolean | null>;

export interface RecordOutcomeInput {
  /** Lower-case word: prediction, decision, order_result, golden_path… */
  kind: string;
  sensorId: string;
  features: OutcomeFeatures;
  prediction?: Record<string, unknown>;
  decision?: string;
  outcome?: string;
  summary: string;
  dedupKey: string;
  workflowId?: string;
}

/** The stored knowledge entry; the workflows only need to know it exists. */
export interface KnowledgeEntry {
  id: string;
  kind: string;
  summary: string;
  created_at: string;
}

export interface FindSimilarCasesInput {
  features: OutcomeFeatures;
  sensorId?: string;
  /** 1..50, 5 when absent. */
  limit?: number;
}

export interface SimilarCase {
  id: string;
  similarity: number;
  kind: string;
  sensor_id: string | null;
  decision: string | null;
  outcome: string | null;
  summary: string;
  created_at: string;
}

// ── MetricsCollectorAgent ─────────────────────────────────────────────────────────────────────

export interface StageMetricInput {
  workflowType: string;
  stage: string;
  status: 'complete' | 'failed' | 'skipped' | 'cancelled' | 'timed_out';
  durationMs: number;
  workflowId: string;
  correlationId?: string;
  /** `stage:<workflowId>:<stage>:<status>` when absent. */
  dedupKey?: string;
}

export interface BusinessEventInput {
  /** Dotted lower-case, e.g. incident.opened. */
  type: string;
  payload: Record<string, unknown>;
  workflowId?: string;
  correlationId?: string;
  dedupKey: string;
}

export interface RecordedEvent {
  eventId: string;
  /** false when the dedup key had been recorded already. */
  inserted: boolean;
}

// ── ReportingAgent ────────────────────────────────────────────────────────────────────────────

export interface GenerateReportInput {
  reportType: ReportType;
  /** ISO instants with offset; the report type's default period when absent. */
  from?: string;
  to?: string;
  dedupKey?: string;
  workflowId?: string;
  correlationId?: string;
}

export interface GeneratedReport {
  id: string;
  report_type: string;
  created_at: string;
  body: ReportBody;
}

// ── SchedulingAgent ───────────────────────────────────────────────────────────────────────────

export interface ProposeMaintenanceOrderInput {
  workflowId: string;
  correlationId: string;
  sensorId: string;
  sensorType: string;
  predictionId: string;
  probability: number;
}

export interface ApplyMaintenanceDecisionInput {
  orderId: string;
  decision: 'approved' | 'rejected' | 'escalated';
  actor: string;
  workflowId: string;
  /** Who decided, recorded on the order's transition. */
  by?: Identity | null;
}

export interface CancelMaintenanceOrderInput {
  orderId: string;
  actor: string;
  reason: string;
}

// ── Monitoring (sensor-monitoring flow) ───────────────────────────────────────────────────────

export interface ListActiveSensorsInput {
  /** A sensor is active when it reported within this many hours. */
  activeWithinHours: number;
  /** Anomalies counted per sensor over this many minutes (the burst window). */
  anomalyWindowMinutes: number;
  /** At most this many sensors, most recently active first. */
  maxSensors: number;
}

export interface ActiveSensorsResult {
  sensors: { sensor_id: string; last_reading_at: string; recent_anomalies: number }[];
  as_of: string;
}

// ── The contract ──────────────────────────────────────────────────────────────────────────────

/**
 * Every activity a workflow calls. Property (not method) signatures, so the check in
 * activities/index.ts compares parameters strictly: an agent must accept what the workflows send
 * and return at least what they read.
 */
export interface ActivityContracts {
  ingestScenarioReadings: (input: IngestScenarioReadingsInput) => Promise<IngestScenarioReadingsResult>;
  ingestCsvRange: (input: IngestCsvRangeInput) => Promise<IngestCsvRangeResult>;
  /** Drops an ingested upload's stored file (after its last range). */
  releaseCsvUpload: (input: { uploadId: string }) => Promise<{ released: boolean }>;
  validateReadings: (input: RunReadingsInput) => Promise<ValidateReadingsResult>;
  assessAnomalyCredibility: (input: AssessAnomalyCredibilityInput) => Promise<AssessAnomalyCredibilityResult>;
  detectAnomalies: (input: RunReadingsInput) => Promise<DetectAnomaliesResult>;
  checkDrift: (input: CheckDriftInput) => Promise<DriftResult>;
  predictForSensor: (input: PredictForSensorInput) => Promise<StoredPrediction>;
  predictAndStore: (input: PredictAndStoreInput) => Promise<StoredPrediction>;
  explainStoredPrediction: (input: ExplainStoredPredictionInput) => Promise<ExplainStoredPredictionResult>;
  openDecisionRequest: (input: OpenDecisionRequestInput) => Promise<OpenDecisionRequestResult>;
  closeDecisionRequest: (input: CloseDecisionRequestInput) => Promise<void>;
  sendNotification: (input: SendNotificationInput) => Promise<SendNotificationResult>;
  recordDecision: (input: RecordDecisionInput) => Promise<RecordedDecisionRow>;
  recordOutcome: (input: RecordOutcomeInput) => Promise<KnowledgeEntry>;
  findSimilarCases: (input: FindSimilarCasesInput) => Promise<SimilarCase[]>;
  recordStageMetric: (input: StageMetricInput) => Promise<RecordedEvent>;
  recordBusinessEvent: (input: BusinessEventInput) => Promise<RecordedEvent>;
  generateReport: (input: GenerateReportInput) => Promise<GeneratedReport>;
  proposeMaintenanceOrder: (input: ProposeMaintenanceOrderInput) => Promise<ProposedOrder>;
  applyMaintenanceDecision: (input: ApplyMaintenanceDecisionInput) => Promise<{ status: OrderStatus }>;
  cancelMaintenanceOrder: (input: CancelMaintenanceOrderInput) => Promise<{ status: OrderStatus }>;
  listActiveSensors: (input: ListActiveSensorsInput) => Promise<ActiveSensorsResult>;
}
