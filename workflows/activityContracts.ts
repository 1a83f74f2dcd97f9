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
import type { DataClass } from '../domain/retention';
import type { AssetEvaluation, DriftEvidence } from '../domain/assetHealth';
import type { ShadowCosts, ShadowCursor, ShadowTally } from '../domain/shadowEvaluation';

// ── DataIngestionAgent ────────────────────────────────────────────────────────────────────────

export interface IngestScenarioReadingsInput {
  correlationId: string;
  workflowId?: string;
  sensorId: string;
  scenario: Scenario;
  count: number;
  /** ISO instant of the last reading; now when absent. */
  end?: string;
  /**
   * Demo pace: stream the readings at this rate (readings per second), one insert each, so an
   * audience sees them arrive; all at once when absent.
   */
  readingsPerSecond?: number;
  /** Seeds the run's readings and a fresh sensor's history; from the correlation id and the sensor when absent. */
  seed?: number;
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
  /** The sensors of the range's valid rows (absent from results recorded before alarms were scored). */
  sensorIds?: string[];
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
  method: 'combined' | 'robust_zscore' | 'streaming';
  fallback_reason: string | null;
  model_info: (ModelRef & { threshold: number }) | null;
  history_used: number;
  anomalies: {
    id: string;
    ts: string;
    value: number;
    score: number;
    method: 'combined' | 'isolation_forest' | 'robust_zscore' | 'streaming';
    reason: string;
  }[];
  /** Live alarms the run's readings raised (absent in histories recorded before alarms). */
  alarms_opened?: RaisedAlarm[];
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
  /** What the person deciding should see again (the decisions inbox reads it back). */
  context?: DecisionRequestContext;
}

export interface DecisionRequestContext {
  similar_cases: SimilarCase[];
  /** The model's decision threshold the failure probability was compared with. */
  threshold: number | null;
  /** The drift checks of a flow started from drifted inputs (absent otherwise). */
  drift?: DriftEvidence[];
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
  /** The failure probability the past case predicted (absent in results recorded before it was passed on). */
  probability?: number | null;
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
  /** Null for an order an asset's RUL proposes: no classifier prediction stands behind it. */
  predictionId: string | null;
  probability: number;
  /** A model's time to failure (an asset's RUL); derived from the probability when absent. */
  daysToFailure?: number;
  /** The asset the order is for; the sensor registry's equipment when absent. */
  equipment?: string;
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
  /** Active sensors left out because their source announced its death (Sparkplug) and nothing came since; absent in older histories. */
  offline?: { sensor_id: string; offline_since: string }[];
  as_of: string;
}

// ── Alarms (streaming detection and the alarm lifecycle) ─────────────────────────────────────

/** An alarm raised by the scorer that needs its lifecycle workflow. */
export interface RaisedAlarm {
  id: string;
  sensor_id: string;
  severity: string;
  start_ts: string;
}

export interface ScoreSensorReadingsResult {
  scored: number;
  anomalies: number;
  historical: number;
  opened: RaisedAlarm[];
}

export interface ApplyAlarmTransitionInput {
  alarmId: string;
  /** The timeline entry: lifecycle_started, escalated, acknowledged, resolved, auto_resolved, converted. */
  type: string;
  actor: string;
  state?: 'open' | 'acknowledged' | 'resolved';
  assignedTo?: string | null;
  acknowledgedBy?: string;
  resolvedBy?: string;
  resolutionCause?: string;
  escalationLevel?: number;
  maintenanceWorkflowId?: string;
  workflowId?: string;
  details?: Record<string, unknown>;
  dedupKey: string;
}

export interface RaiseMonitoringAlarmInput {
  incidentWorkflowId: string;
  sensorId: string;
  reasons: ('drift' | 'anomaly_burst')[];
  detectedAt: string;
  recentAnomalies: number;
  drift: { ks_statistic: number | null; p_value: number | null; psi: number | null; message: string } | null;
}

export interface AlarmMaintenanceFeatures {
  predictionId: string;
  correlationId: string;
  features: Record<string, number | string>;
  modelName: string;
  modelVersion: string;
}

// ── Asset health (the asset evaluator) ─────────────────────────────────────────────────────────

export interface EvaluateAssetHealthInput {
  assetId: string;
  /** `${workflowId}:${runId}:${iteration}`: a retried evaluation records once. */
  dedupKey: string;
}

export interface RecordAssetEpisodeStartInput {
  episodeId: string;
  workflowId: string;
}

export interface WriteAssetRunCyclesInput {
  assetId: string;
  unit: number;
  fromCycle: number;
  toCycle: number;
  /** ISO instant of the run's last cycle. */
  anchor: string;
  lastCycle: number;
  cycleSeconds: number;
  runId: string;
}

// ── Shadow evaluation (LearningAgent's model work) ───────────────────────────────────────────

export interface ScoreShadowPageInput {
  candidateName: string;
  candidateVersion: string;
  /** ISO instants: the period [from, to) whose stored inputs are re-scored. */
  from: string;
  to: string;
  /** Resume after this record (null: from the start of the period). */
  after: ShadowCursor | null;
  /** Records this call scores at most before handing back to the workflow. */
  maxRecords: number;
}

export interface ScoreShadowPageResult {
  tally: ShadowTally;
  cursor: ShadowCursor | null;
  /** true once the period holds no more records. */
  done: boolean;
  /** The `name@version`s that made the stored predictions scored here. */
  productionVersions: string[];
}

export interface StoreShadowReportInput {
  candidateName: string;
  candidateVersion: string;
  from: string;
  to: string;
  costs: ShadowCosts;
  tally: ShadowTally;
  productionVersions: string[];
  workflowId: string;
  dedupKey: string;
}

// ── Model promotion ───────────────────────────────────────────────────────────────────────────

export interface OpenModelPromotionInput {
  requestId: string;
  model: string;
  version: string;
  evidenceReportId: string;
  requestedBy: Identity;
  justification: string;
  /** ISO instant. */
  deadline: string;
}

export interface ApplyModelPromotionInput {
  model: string;
  version: string;
  evidenceReportId: string;
  approvedBy: Identity;
  justification: string;
  workflowId: string;
  dedupKey: string;
}

export interface CloseModelPromotionInput {
  requestId: string;
  status: 'approved' | 'rejected' | 'expired';
  decidedBy: Identity | null;
  justification: string | null;
}

// ── The contract ──────────────────────────────────────────────────────────────────────────────

/**
 * Every activity a workflow calls. Property (not method) signatures, so the check in
 * activities/index.ts compares parameters strictly: an agent must accept what the workflows send
 * and return at least what they read.
 */
export interface ActivityContracts extends RetentionContracts {
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
  scoreSensorReadings: (input: { sensorId: string }) => Promise<ScoreSensorReadingsResult>;
  applyAlarmTransition: (input: ApplyAlarmTransitionInput) => Promise<{ state: string }>;
  alarmLastAnomalousAt: (input: { alarmId: string }) => Promise<{ lastAnomalousAt: string }>;
  alarmMaintenanceFeatures: (input: { alarmId: string }) => Promise<AlarmMaintenanceFeatures>;
  raiseMonitoringAlarm: (input: RaiseMonitoringAlarmInput) => Promise<RaisedAlarm & { created: boolean }>;
  evaluateAssetHealth: (input: EvaluateAssetHealthInput) => Promise<AssetEvaluation>;
  recordAssetEpisodeStart: (input: RecordAssetEpisodeStartInput) => Promise<void>;
  writeAssetRunCycles: (input: WriteAssetRunCyclesInput) => Promise<{ inserted: number; duplicates: number }>;
  scoreShadowPage: (input: ScoreShadowPageInput) => Promise<ScoreShadowPageResult>;
  storeShadowReport: (input: StoreShadowReportInput) => Promise<{ id: string; created_at: string }>;
  openModelPromotion: (input: OpenModelPromotionInput) => Promise<void>;
  applyModelPromotion: (input: ApplyModelPromotionInput) => Promise<{ id: string }>;
  closeModelPromotion: (input: CloseModelPromotionInput) => Promise<void>;
}

// ── Retention (raw readings roll-up) ─────────────────────────────────────────────────────────

export interface RollUpReadingsContractInput {
  before: string;
  batchSize: number;
}

/** Declared apart from ActivityContracts (which extends it) so other contract changes merge cleanly. */
export interface RetentionContracts {
  rollUpReadings(input: RollUpReadingsContractInput): Promise<{ rolledUp: number; upTo: string | null }>;
  /** The policies in force, as the instant before which each data class is due. */
  retentionCutoffs(): Promise<{ cutoffs: Record<DataClass, string> }>;
  purgeExpired(input: { dataClass: Exclude<DataClass, 'raw_readings'>; before: string; batchSize: number }): Promise<{ deleted: number }>;
  /** Deletes up to `batchSize` expired dashboard sessions (one short transaction). */
  purgeExpiredSessions(input: { batchSize: number }): Promise<{ deleted: number }>;
}
