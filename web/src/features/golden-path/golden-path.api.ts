import { request } from '../../api/http';

export const stageNames = [
  'ingestion',
  'processing',
  'anomaly_detection',
  'validation',
  'prediction',
  'maintenance',
  'human_decision',
] as const;
export type StageName = (typeof stageNames)[number];

export type StageStatus = 'pending' | 'running' | 'complete' | 'failed' | 'skipped';
export type RunStatus = 'running' | 'waiting_for_decision' | 'completed' | 'failed' | 'timed_out';

export interface Stage {
  name: StageName | string;
  status: StageStatus;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  event_count: number;
  message: string | null;
}

export interface RunEvent {
  ts: string;
  type: string;
  stage: string | null;
  message: string;
}

export interface SimilarCase {
  id: string;
  similarity: number;
  decision: string | null;
  outcome: string | null;
  summary: string;
}

export interface GoldenPathStatus {
  correlation_id: string;
  workflow_id: string;
  status: RunStatus;
  stages: Stage[];
  events: RunEvent[];
  decision_request_id: string | null;
  maintenance_order_id: string | null;
  report_id: string | null;
  similar_cases?: SimilarCase[];
}

export type Scenario = 'normal' | 'drift' | 'anomaly';

export interface GoldenPathOptions {
  sensor_events: number;
  scenario: Scenario;
  include_human_decision: boolean;
  decision_timeout_seconds: number;
  auto_decision: 'approved' | 'rejected' | null;
}

export interface GoldenPathStarted {
  correlation_id: string;
  workflow_id: string;
  status_url: string;
  events_url: string;
  temporal_url: string;
}

export const finalStatuses: readonly RunStatus[] = ['completed', 'failed', 'timed_out'];

export function startGoldenPath(options: GoldenPathOptions): Promise<GoldenPathStarted> {
  return request<GoldenPathStarted>('/demo/golden-path', { body: options });
}

export function getGoldenPathStatus(correlationId: string): Promise<GoldenPathStatus> {
  return request<GoldenPathStatus>(`/demo/golden-path/status/${encodeURIComponent(correlationId)}`);
}

/**
 * The seven stages in order, whatever the server has reported so far: a stage the workflow has
 * not reached yet is shown as pending rather than missing.
 */
export function orderedStages(reported: Stage[]): Stage[] {
  const byName = new Map(reported.map((stage) => [stage.name, stage]));
  return stageNames.map(
    (name) =>
      byName.get(name) ?? {
        name,
        status: 'pending',
        started_at: null,
        finished_at: null,
        duration_ms: null,
        event_count: 0,
        message: null,
      },
  );
}

/** Share of the seven stages that are finished (complete, skipped or failed), 0..1. */
export function stageProgress(stages: Stage[]): number {
  const done = orderedStages(stages).filter((s) => s.status === 'complete' || s.status === 'skipped' || s.status === 'failed').length;
  return done / stageNames.length;
}
