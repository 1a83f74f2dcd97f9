/**
 * The Golden Path's seven stages, in order, with the original system's names. One list for the
 * workflow that runs them, the API schema that describes them and the dashboard that draws them.
 */
export const GOLDEN_PATH_STAGES = [
  'ingestion',
  'processing',
  'anomaly_detection',
  'validation',
  'prediction',
  'maintenance',
  'human_decision',
] as const;
export type GoldenPathStageName = (typeof GOLDEN_PATH_STAGES)[number];
