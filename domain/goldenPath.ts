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

/** A stage nobody has reported yet: how the workflow starts each one and how the dashboard fills gaps. */
export function pendingStage<N extends string>(name: N) {
  return {
    name,
    status: 'pending' as const,
    started_at: null,
    finished_at: null,
    duration_ms: null,
    event_count: 0,
    message: '',
    code: null,
    params: {},
  };
}
