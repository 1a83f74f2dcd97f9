/**
 * The Golden Path's observable state: seven stages with timings and messages, the recent events,
 * and the ids a client needs. Plain data plus small mutators, so the workflow stays a short script.
 */
import { GOLDEN_PATH_STAGES, pendingStage, type GoldenPathStageName } from '../domain/goldenPath';
import type { Identity } from '../domain/identity';
import { englishText } from '../domain/englishText';
import { msg, type MessageCode, type MessageParams, type ServerMessage } from '../domain/serverText';

export { GOLDEN_PATH_STAGES };
export type StageName = GoldenPathStageName;
export type StageStatus = 'pending' | 'running' | 'complete' | 'failed' | 'skipped';
export type RunStatus = 'running' | 'waiting_for_decision' | 'completed' | 'failed' | 'timed_out';

export interface StageView {
  name: StageName;
  status: StageStatus;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  event_count: number;
  /** English text, kept for integrators; `code` and `params` are what a client translates. */
  message: string;
  code: MessageCode | null;
  params: MessageParams;
}

export interface EventView {
  ts: string;
  type: string;
  stage: StageName | null;
  message: string;
  code: MessageCode | null;
  params: MessageParams;
}

export interface SimilarCase {
  id: string;
  similarity: number;
  decision: string | null;
  outcome: string | null;
  /** English text for integrators; `code` and `params` are what a client translates. */
  summary: string;
  code?: MessageCode;
  params?: MessageParams;
}

export interface GoldenPathStatus {
  correlation_id: string;
  workflow_id: string;
  scenario: string;
  sensor_id: string;
  status: RunStatus;
  stages: StageView[];
  events: EventView[];
  decision_request_id: string | null;
  decision_deadline: string | null;
  decision: { decision: string; operator_id: string; justification: string; source: string; decided_by?: Identity | null } | null;
  maintenance_order_id: string | null;
  prediction: { probability: number; prediction: number; model: string; version: string } | null;
  report_id: string | null;
  similar_cases: SimilarCase[];
  started_at: string;
  finished_at: string | null;
}

const MAX_EVENTS = 60;

export class GoldenPathState {
  readonly doc: GoldenPathStatus;

  constructor(init: { correlationId: string; workflowId: string; scenario: string; sensorId: string; now: Date }) {
    this.doc = {
      correlation_id: init.correlationId,
      workflow_id: init.workflowId,
      scenario: init.scenario,
      sensor_id: init.sensorId,
      status: 'running',
      stages: GOLDEN_PATH_STAGES.map(pendingStage),
      events: [],
      decision_request_id: null,
      decision_deadline: null,
      decision: null,
      maintenance_order_id: null,
      prediction: null,
      report_id: null,
      similar_cases: [],
      started_at: init.now.toISOString(),
      finished_at: null,
    };
  }

  stage(name: StageName): StageView {
    return this.doc.stages.find((s) => s.name === name)!;
  }

  /** @param detail raw English added to the integrators' `message` only (a failure's own words) */
  event(type: string, stage: StageName | null, message: ServerMessage, now: Date, detail?: string): void {
    const english = withDetail(englishText(message), detail);
    this.doc.events.push({ ts: now.toISOString(), type, stage, message: english, code: message.code, params: message.params });
    if (this.doc.events.length > MAX_EVENTS) this.doc.events.splice(0, this.doc.events.length - MAX_EVENTS);
  }

  start(name: StageName, now: Date, message?: ServerMessage): void {
    const s = this.stage(name);
    s.status = 'running';
    s.started_at = now.toISOString();
    setMessage(s, message);
    this.event('stage_started', name, message ?? msg('stageStarted', { stage: name }), now);
  }

  finish(
    name: StageName,
    status: 'complete' | 'failed' | 'skipped',
    now: Date,
    message: ServerMessage,
    eventCount = 0,
    detail?: string,
  ): void {
    const s = this.stage(name);
    s.status = status;
    s.finished_at = now.toISOString();
    s.started_at ??= s.finished_at;
    s.duration_ms = Date.parse(s.finished_at) - Date.parse(s.started_at);
    s.event_count = eventCount;
    setMessage(s, message);
    s.message = withDetail(s.message, detail);
    this.event(`stage_${status}`, name, message, now, detail);
  }

  /** The stage that is running now, or the next pending one. */
  currentStage(): StageName | 'done' {
    return (this.doc.stages.find((s) => s.status === 'running') ?? this.doc.stages.find((s) => s.status === 'pending'))?.name ?? 'done';
  }
}

const withDetail = (english: string, detail: string | undefined) => (detail ? `${english} (${detail})` : english);

function setMessage(stage: StageView, message: ServerMessage | undefined): void {
  stage.message = message ? englishText(message) : '';
  stage.code = message?.code ?? null;
  stage.params = message?.params ?? {};
}
