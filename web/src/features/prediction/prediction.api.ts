import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export const defaultModelName = 'ai4i_classifier_randomforest_baseline';

export type MachineType = 'L' | 'M' | 'H';

export interface Ai4iFeatures {
  Air_temperature_K: number;
  Process_temperature_K: number;
  Rotational_speed_rpm: number;
  Torque_Nm: number;
  Tool_wear_min: number;
  Type: MachineType;
}

export type NumericFeature = Exclude<keyof Ai4iFeatures, 'Type'>;

/** A nominal operating point from the AI4I data set, so a first click gives a sensible answer. */
export const defaultFeatures: Ai4iFeatures = {
  Air_temperature_K: 298.1,
  Process_temperature_K: 308.6,
  Rotational_speed_rpm: 1551,
  Torque_Nm: 42.8,
  Tool_wear_min: 0,
  Type: 'M',
};

/** Which sensor type feeds which model feature when predicting from a sensor's latest values. */
export const featureForSensorType: Record<string, NumericFeature> = {
  air_temperature: 'Air_temperature_K',
  process_temperature: 'Process_temperature_K',
  rotational_speed: 'Rotational_speed_rpm',
  torque: 'Torque_Nm',
  tool_wear: 'Tool_wear_min',
};

export type PredictRequest = ApiRequest<'/api/v1/ml/predict', 'post'>;
export type PredictResponse = ApiBody<'/api/v1/ml/predict', 'post'>;
export type WorkflowStarted = ApiBody<'/api/v1/workflows/predictionToMaintenance', 'post', 202>;

export async function predict(body: PredictRequest): Promise<PredictResponse> {
  return (await unwrap(api.POST('/api/v1/ml/predict', { body }))).data;
}

/** Starts the prediction-to-maintenance workflow, which re-predicts and schedules an order. */
export async function createMaintenanceOrder(
  body: ApiRequest<'/api/v1/workflows/predictionToMaintenance', 'post'>,
): Promise<WorkflowStarted> {
  return (await unwrap(api.POST('/api/v1/workflows/predictionToMaintenance', { body }))).data;
}

export type StoredPrediction = ApiBody<'/api/v1/ml/predictions/{id}', 'get'>;

export async function getStoredPrediction(id: string): Promise<StoredPrediction> {
  return (await unwrap(api.GET('/api/v1/ml/predictions/{id}', { params: { path: { id } } }))).data;
}

/** Asks the server to compute the prediction's explanation in the background. */
export async function requestExplanation(id: string): Promise<void> {
  await unwrap(api.POST('/api/v1/ml/predictions/{id}/explain', { params: { path: { id } } }));
}
