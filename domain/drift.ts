/**
 * One drift check of one sensor (usecases/drift.ts runs it): KS and PSI of the recent window
 * against the reference window. Declared here because workflows read it, and they import no use case.
 */
export interface DriftResult {
  sensor_id: string;
  status: 'ok' | 'insufficient_data' | 'no_data';
  drift_detected: boolean;
  ks_statistic: number | null;
  p_value: number | null;
  ks_method: 'exact' | 'asymp' | null;
  psi: number | null;
  psi_band: 'stable' | 'moderate' | 'significant' | null;
  window_minutes: number;
  p_value_threshold: number;
  min_samples: number;
  /** Most readings read per window; a window that had more is `truncated` (its latest readings were used). */
  row_limit: number;
  recent: { start: string; end: string; count: number; truncated: boolean } | null;
  reference: { start: string; end: string; count: number; pinned: boolean; truncated: boolean } | null;
  message: string;
}
