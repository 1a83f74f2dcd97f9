import { WorkflowNotFoundError } from '@temporalio/client';
import { getPrediction, listPredictions } from '../db/predictionExplanations';
import { NotFound } from '../domain/errors';
import { startExplainPrediction } from './backgroundFlowStarts';
import type { AppDeps } from './deps';

export { listPredictions };

export type ExplanationStatus = 'ready' | 'pending' | 'failed' | 'not_requested' | 'unknown';

async function requirePrediction(id: string, deps: Pick<AppDeps, 'sql'>) {
  const p = await getPrediction(id, deps.sql);
  if (!p) throw new NotFound(`Prediction ${id} does not exist`);
  return p;
}

/** Where the background explanation stands, read from its workflow (`explain-<id>`). */
async function explanationStatus(id: string, deps: Pick<AppDeps, 'temporal'>): Promise<ExplanationStatus> {
  try {
    const d = await deps.temporal.client.workflow.getHandle(`explain-${id}`).describe();
    return d.status.name === 'RUNNING' ? 'pending' : d.status.name === 'COMPLETED' ? 'ready' : 'failed';
  } catch (err) {
    // Temporal being away must not hide the stored prediction.
    return err instanceof WorkflowNotFoundError ? 'not_requested' : 'unknown';
  }
}

/** A stored prediction and whether its explanation is ready; NotFound when there is none. */
export async function getPredictionWithStatus(id: string, deps: Pick<AppDeps, 'sql' | 'temporal'>) {
  const p = await requirePrediction(id, deps);
  return { ...p, explanation_status: p.explanation ? 'ready' : await explanationStatus(p.id, deps) };
}

/** Starts (or joins) the background explanation of a stored prediction; NotFound when there is none. */
export async function requestExplanation(
  deps: Pick<AppDeps, 'sql' | 'temporal' | 'config'>,
  o: { predictionId: string; correlationId?: string; startedBy?: string },
) {
  await requirePrediction(o.predictionId, deps);
  return startExplainPrediction(deps, o);
}
