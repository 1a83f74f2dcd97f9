import { reactive } from 'vue';
import { toApiError, type ApiError } from '../../api/apiError';
import { scrapeMetrics } from './metrics.api';
import { sumBy, total, totalMatching, type Sample } from './prometheus';

export interface Snapshot {
  at: number;
  requests: number | undefined;
  durationSum: number | undefined;
  durationCount: number | undefined;
  readings: number | undefined;
  workflows: number | undefined;
  decisions: number | undefined;
}

interface MetricsState {
  history: Snapshot[];
  byRoute: Map<string, number>;
  latest: Sample[];
  error: ApiError | undefined;
  loading: boolean;
}

const keep = 60; // five minutes at one scrape per 5 s
const state = reactive<MetricsState>({ history: [], byRoute: new Map(), latest: [], error: undefined, loading: false });

export function snapshotOf(samples: Sample[], at: number): Snapshot {
  return {
    at,
    requests: total(samples, 'sm_http_requests_total'),
    durationSum: total(samples, 'sm_http_request_duration_seconds_sum'),
    durationCount: total(samples, 'sm_http_request_duration_seconds_count'),
    readings: total(samples, 'sm_readings_ingested_total'),
    workflows: totalMatching(samples, 'workflow'),
    decisions: totalMatching(samples, 'decision'),
  };
}

/** Per-second rate of a counter between consecutive snapshots; a counter reset yields no point. */
export function rates(history: Snapshot[], field: 'requests' | 'readings' | 'workflows' | 'decisions'): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 1; i < history.length; i += 1) {
    const prev = history[i - 1] as Snapshot;
    const cur = history[i] as Snapshot;
    const a = prev[field];
    const b = cur[field];
    if (a === undefined || b === undefined || b < a) continue;
    points.push({ x: cur.at, y: (b - a) / ((cur.at - prev.at) / 1000) });
  }
  return points;
}

/** Mean request duration in ms over each scrape interval. */
export function meanDurations(history: Snapshot[]): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 1; i < history.length; i += 1) {
    const prev = history[i - 1] as Snapshot;
    const cur = history[i] as Snapshot;
    if (
      prev.durationSum === undefined ||
      cur.durationSum === undefined ||
      prev.durationCount === undefined ||
      cur.durationCount === undefined
    )
      continue;
    const count = cur.durationCount - prev.durationCount;
    if (count <= 0) continue;
    points.push({ x: cur.at, y: ((cur.durationSum - prev.durationSum) / count) * 1000 });
  }
  return points;
}

export async function scrapeOnce(): Promise<void> {
  state.loading = true;
  try {
    const samples = await scrapeMetrics();
    state.latest = samples;
    state.byRoute = sumBy(samples, 'sm_http_requests_total', 'route');
    state.history.push(snapshotOf(samples, Date.now()));
    state.history.splice(0, Math.max(0, state.history.length - keep));
    state.error = undefined;
  } catch (err) {
    state.error = toApiError(err);
  } finally {
    state.loading = false;
  }
}

export function useMetricsStore(): MetricsState {
  return state;
}
