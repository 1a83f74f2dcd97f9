import type postgres from 'postgres';
import { getPrediction, storeExplanationOnce } from '../db/predictionExplanations';
import { parseFailureFeatures } from '../models';
import type { ExplainStoredPredictionResult, Explanation } from '../domain/explanation';
import { explainFailure } from '../usecases/explanations';
import { withDomainFailures } from './failures';
import { NotFound } from '../domain/errors';

/**
 * Background explanations for stored predictions (part of the PredictionAgent's work, kept apart
 * because it is slow): exact Shapley values against the same model version that made the
 * prediction, attached to the row once.
 */
export function createExplanationActivities(deps: { sql: postgres.Sql }) {
  return withDomainFailures({
    async explainStoredPrediction(input: { predictionId: string }): Promise<ExplainStoredPredictionResult> {
      const row = await getPrediction(input.predictionId, deps.sql);
      if (!row) throw new NotFound(`prediction ${input.predictionId} does not exist`);
      const base = { prediction_id: row.id, sensor_id: row.sensor_id, probability: row.probability };
      if (row.explanation) return { ...base, explanation: row.explanation as Explanation, computed: false };
      const explanation = await explainFailure(parseFailureFeatures(row.features), { modelName: row.model, modelVersion: row.version });
      const stored = (await storeExplanationOnce(row.id, explanation, deps.sql)) as Explanation;
      return { ...base, explanation: stored, computed: true };
    },
  });
}
