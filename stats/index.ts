/** The statistics core shared by drift, anomaly and explanation features: pure functions, no I/O. */
export { ksTwoSample, KS_EXACT_MAX_SAMPLE_SIZE, type KsMethod, type KsTwoSampleResult } from './ks';
export { kolmogorovSf } from './kolmogorovDistribution';
export {
  psi,
  interpretPsi,
  quantileSorted,
  PSI_DEFAULT_BINS,
  PSI_DEFAULT_EPSILON,
  PSI_MODERATE_THRESHOLD,
  PSI_SIGNIFICANT_THRESHOLD,
  type PsiBand,
  type PsiBin,
  type PsiOptions,
  type PsiResult,
} from './psi';
export { median, mad, robustScale, robustZScore, MAD_NORMAL_SCALE, type RobustScale } from './robust';
export { zFromScale } from './zScore';
export { EwmaBaseline, type EwmaBaselineOptions, type EwmaBaselineState } from './ewmaBaseline';
export { RollingRobustBaseline, type RollingRobustBaselineOptions, type RollingRobustBaselineState } from './rollingRobustBaseline';
export { exactShap, EXACT_SHAP_MAX_PLAYERS, type ExactShapOptions, type ExactShapResult, type PredictBatch } from './shap';
