// The worker's single workflow entry point: every workflow is re-exported here.
export * from './csvIngestion';
export * from './goldenPath';
export * from './predictionToMaintenance';
export { decisionSignal, submitDecisionUpdate } from './humanDecision';
export * from './sensorIncident';
export * from './sensorMonitoring';
export * from './explainPrediction';
export * from './reportGeneration';
export * from './alarmLifecycle';
export * from './assetMaintenance';
export * from './assetEvaluator';
export * from './assetRun';
export * from './shadowEvaluation';
export * from './modelPromotion';
export * from './readingsRetention';
