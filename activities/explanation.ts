import { ApplicationFailure } from '@temporalio/activity';
import type postgres from 'postgres';
import { getPrediction, storeExplanationOnce } from '../db/predictionExplanations';
import { InvalidFeaturesError, ModelDisabledError, ModelNotFoundError, ModelUnavailableError, parseFailureFeatures } from '../models';
import { explainFailure, type Explanation } from '../usecases/explanations';

/** A retry cannot make a missing model appear or fix stored features, so these stop at once. */
function asActivityFailure(err: unknown): never {
  if (err instanceof InvalidFeaturesError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidInput');
  if (err instanceof ModelNotFoundError) throw ApplicationFailure.nonRetryable(err.message, 'ModelNotFound');
  if (err instanceof ModelDisabledError) throw ApplicationFailure.nonRetryable(err.message, 'ModelDisabled');
  if (err instanceof ModelUnavailableError) throw ApplicationFailure.nonRetryable(err.message, 'ModelUnavailable');
  throw err;
}

export interface ExplainStoredPredictionResult {
  prediction_id: string;
  sensor_id: string | null;
  probability: number;
  explanation: Explanation;
  /** false when the prediction already carried an explanation and nothing was computed. */
  computed: boolean;
}

/**
 * Background explanations for stored predictions (part of the PredictionAgent's work, kept apart
 * because it is slow): exact Shapley values against the same model version that made the
 * prediction, attached to the row once.
 */
export function createExplanationActivities(deps: { sql: postgres.Sql }) {
  return {
    async explainStoredPrediction(input: { predictionId: string }): Promise<ExplainStoredPredictionResult> {
      const row = await getPrediction(input.predictionId, deps.sql);
      if (!row) throw ApplicationFailure.nonRetryable(`prediction ${input.predictionId} does not exist`, 'NotFound');
      const base = { prediction_id: row.id, sensor_id: row.sensor_id, probability: row.probability };
      if (row.explanation) return { ...base, explanation: row.explanation as Explanation, computed: false };
      let explanation: Explanation;
      try {
        explanation = await explainFailure(parseFailureFeatures(row.features), { modelName: row.model, modelVersion: row.version });
      } catch (err) {
        asActivityFailure(err);
      }
      const stored = (await storeExplanationOnce(row.id, explanation, deps.sql)) as Explanation;
      return { ...base, explanation: stored, computed: true };
    },
  };
}
