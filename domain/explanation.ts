/** The raw inputs a person reads, in attribution order; Type is encoded 0/1/2 for the game. */
export const EXPLAINED_FEATURES = [
  'Air_temperature_K',
  'Process_temperature_K',
  'Rotational_speed_rpm',
  'Torque_Nm',
  'Tool_wear_min',
  'Type',
] as const;

/**
 * Exact interventional Shapley values of a failure probability over the six raw inputs (computed in
 * usecases/explanations.ts). Declared here because a workflow's progress carries it, and workflows
 * import no use case.
 */
export interface Explanation {
  method: 'exact_interventional_shap';
  base_value: number;
  prediction: number;
  values: Record<(typeof EXPLAINED_FEATURES)[number], number>;
  background_size: number;
  latency_ms: number;
}

/** A stored prediction's explanation, as the explanation activity returns it. */
export interface ExplainStoredPredictionResult {
  prediction_id: string;
  sensor_id: string | null;
  probability: number;
  explanation: Explanation;
  /** false when the prediction already carried an explanation and nothing was computed. */
  computed: boolean;
}
