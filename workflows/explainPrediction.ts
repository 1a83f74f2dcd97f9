import { defineQuery, proxyActivities } from '@temporalio/workflow';
import type { Explanation } from '../domain/explanation';
import type { ActivityContracts } from './activityContracts';
import { SENSOR_ID } from './searchAttributes';
import { withProgress } from './withProgress';

export interface ExplainPredictionInput {
  predictionId: string;
  correlationId?: string;
}

export interface ExplainPredictionProgress {
  status: 'explaining' | 'completed' | 'failed';
  prediction_id: string;
  sensor_id: string | null;
  /** false when the prediction already had its explanation; null until known. */
  computed: boolean | null;
  explanation: Explanation | null;
}

export const explainPredictionProgress = defineQuery<ExplainPredictionProgress>('progress');

const { explainStoredPrediction } = proxyActivities<Pick<ActivityContracts, 'explainStoredPrediction'>>({
  // Exact Shapley values score 63 coalitions × the background in one batch: seconds, not minutes.
  startToCloseTimeout: '3 minutes',
  retry: {
    maximumAttempts: 5,
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['InvalidInput', 'NotFound', 'ModelNotFound', 'ModelDisabled', 'ModelUnavailable'],
  },
});

/**
 * Explains a stored prediction in the background, so the prediction call itself stays fast; the
 * explanation is attached to the prediction row, where `GET /ml/predictions/{id}` finds it.
 */
export async function explainPrediction(input: ExplainPredictionInput): Promise<ExplainPredictionProgress> {
  const progress: ExplainPredictionProgress = {
    status: 'explaining',
    prediction_id: input.predictionId,
    sensor_id: null,
    computed: null,
    explanation: null,
  };
  return withProgress(
    {
      query: explainPredictionProgress,
      progress,
      stage: 'explanation',
      correlationId: input.correlationId,
      completed: 'completed',
      finalAttributes: (p) => (p.sensor_id ? [{ key: SENSOR_ID, value: p.sensor_id }] : []),
    },
    async () => {
      const r = await explainStoredPrediction({ predictionId: input.predictionId });
      Object.assign(progress, { sensor_id: r.sensor_id, computed: r.computed, explanation: r.explanation });
    },
  );
}
