// The ML plane's public surface, for the API and the activities.
export * from './errors';
export * from './registry';
export { defaultModelRegistry, useRecordedProductionVersions } from './defaultRegistry';
export { StageOverlayRegistry, type ProductionVersions } from './stageOverlay';
export { releaseAllSessions, sessionCount } from './onnxSession';
export { preloadModels, type PreloadResult } from './loadModel';
export * from './failureFeatures';
export * from './failureClassifier';
export * from './anomalyFeatures';
export * from './anomalyModel';
export type { Manifest, ManifestVersion, ModelStage } from './manifest';
export * from './rulFeatures';
export * from './rulModel';
