import { GOLDEN_PATH_STAGES, pendingStage } from '../../../../domain/goldenPath';
import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

/** The run's status document, as the API's schema describes it (workflows/goldenPathState.ts on the server). */
export type GoldenPathStatus = ApiBody<'/api/v1/demo/golden-path/status/{correlation_id}', 'get'>;
export type Stage = GoldenPathStatus['stages'][number];
export type StageName = Stage['name'];
export type StageStatus = Stage['status'];
export type RunStatus = GoldenPathStatus['status'];
export type RunEvent = GoldenPathStatus['events'][number];
export type SimilarCase = GoldenPathStatus['similar_cases'][number];
export type GoldenPathOptions = ApiRequest<'/api/v1/demo/golden-path', 'post'>;
export type Scenario = NonNullable<GoldenPathOptions['scenario']>;
export type GoldenPathStarted = ApiBody<'/api/v1/demo/golden-path', 'post', 202>;

/** The display order: the same list the workflow runs (domain/ is pure code the dashboard may share). */
export const stageNames: readonly StageName[] = GOLDEN_PATH_STAGES;

export const finalStatuses: readonly RunStatus[] = ['completed', 'failed', 'timed_out'];

/** What the server lets a start request ask for: auto decisions (a demo setting) and the shortest deadline. */
export type DecisionSettings = ApiBody<'/api/v1/demo/settings', 'get'>;

export async function getDecisionSettings(): Promise<DecisionSettings> {
  return (await unwrap(api.GET('/api/v1/demo/settings'))).data;
}

export async function startGoldenPath(options: GoldenPathOptions): Promise<GoldenPathStarted> {
  return (await unwrap(api.POST('/api/v1/demo/golden-path', { body: options }))).data;
}

export async function getGoldenPathStatus(correlationId: string): Promise<GoldenPathStatus> {
  const call = api.GET('/api/v1/demo/golden-path/status/{correlation_id}', { params: { path: { correlation_id: correlationId } } });
  return (await unwrap(call)).data;
}

/**
 * The seven stages in order, whatever the server has reported so far: a stage the workflow has
 * not reached yet is shown as pending rather than missing.
 */
export function orderedStages(reported: Stage[]): Stage[] {
  const byName = new Map(reported.map((stage) => [stage.name, stage]));
  return stageNames.map((name) => byName.get(name) ?? pendingStage(name));
}

/** Share of the seven stages that are finished (complete, skipped or failed), 0..1. */
export function stageProgress(stages: Stage[]): number {
  const done = orderedStages(stages).filter((s) => s.status === 'complete' || s.status === 'skipped' || s.status === 'failed').length;
  return done / stageNames.length;
}

export type RunReading = ApiBody<'/api/v1/demo/golden-path/readings/{correlation_id}', 'get'>[number];

export async function getRunReadings(correlationId: string, sensorId: string): Promise<RunReading[]> {
  const call = api.GET('/api/v1/demo/golden-path/readings/{correlation_id}', {
    params: { path: { correlation_id: correlationId }, query: { sensor_id: sensorId } },
  });
  return (await unwrap(call)).data;
}
