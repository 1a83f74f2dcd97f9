import { reactive } from 'vue';
import { toApiError, type ApiError } from '../../api/apiError';
import { readEventStream } from '../../api/sse';
import {
  finalStatuses,
  getGoldenPathStatus,
  startGoldenPath,
  type GoldenPathOptions,
  type GoldenPathStarted,
  type GoldenPathStatus,
} from './golden-path.api';

export interface GoldenPathRun {
  started: GoldenPathStarted | undefined;
  status: GoldenPathStatus | undefined;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  starting: boolean;
  /** 'stream' while the SSE body is open, 'poll' after falling back, 'idle' otherwise. */
  transport: 'idle' | 'stream' | 'poll';
  error: ApiError | undefined;
}

const run = reactive<GoldenPathRun>({
  started: undefined,
  status: undefined,
  startedAt: undefined,
  finishedAt: undefined,
  starting: false,
  transport: 'idle',
  error: undefined,
});

let controller: AbortController | undefined;

function apply(status: GoldenPathStatus): void {
  run.status = status;
  if (finalStatuses.includes(status.status) && !run.finishedAt) run.finishedAt = Date.now();
}

function isFinished(): boolean {
  return run.status !== undefined && finalStatuses.includes(run.status.status);
}

async function poll(correlationId: string, signal: AbortSignal): Promise<void> {
  run.transport = 'poll';
  while (!signal.aborted && !isFinished()) {
    try {
      apply(await getGoldenPathStatus(correlationId));
      run.error = undefined;
    } catch (err) {
      run.error = toApiError(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * Follows the run over SSE; if the stream cannot be opened or drops before the run ends (a proxy
 * timeout, a restart), it keeps the page live by polling the status endpoint instead.
 */
async function follow(started: GoldenPathStarted, signal: AbortSignal): Promise<void> {
  run.transport = 'stream';
  try {
    await readEventStream(
      started.events_url,
      (message) => {
        if (message.event === 'progress' || message.event === 'message') apply(JSON.parse(message.data) as GoldenPathStatus);
      },
      signal,
    );
  } catch (err) {
    if (signal.aborted) return;
    run.error = toApiError(err);
  }
  if (signal.aborted) return;
  if (!isFinished()) await poll(started.correlation_id, signal);
  if (!signal.aborted) run.transport = 'idle';
}

/** Starts a run; resolves to its correlation id, or undefined when the start failed (run.error says why). */
export async function startRun(options: GoldenPathOptions): Promise<string | undefined> {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  Object.assign(run, {
    started: undefined,
    status: undefined,
    startedAt: undefined,
    finishedAt: undefined,
    error: undefined,
    starting: true,
  });
  try {
    run.started = await startGoldenPath(options);
    run.startedAt = Date.now();
  } catch (err) {
    run.error = toApiError(err);
    return undefined;
  } finally {
    run.starting = false;
  }
  void follow(run.started, signal);
  return run.started.correlation_id;
}

/**
 * Shows the run named in the address (after a reload, a shared link or going back): its status is
 * read once and, while it is not finished, followed live like a run started here.
 */
export async function openRun(correlationId: string): Promise<void> {
  if (run.started?.correlation_id === correlationId) return;
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  Object.assign(run, { started: undefined, status: undefined, startedAt: undefined, finishedAt: undefined, error: undefined });
  run.starting = true;
  try {
    const status = await getGoldenPathStatus(correlationId);
    if (signal.aborted) return;
    const started: GoldenPathStarted = {
      correlation_id: status.correlation_id,
      sensor_id: status.sensor_id,
      workflow_id: status.workflow_id,
      temporal_url: status.temporal_url,
      status_url: `/api/v1/demo/golden-path/status/${correlationId}`,
      events_url: `/api/v1/workflows/${status.workflow_id}/events`,
    };
    run.started = started;
    run.startedAt = Date.parse(status.started_at);
    run.finishedAt = status.finished_at ? Date.parse(status.finished_at) : undefined;
    apply(status);
    if (!isFinished()) void follow(started, signal);
  } catch (err) {
    if (!signal.aborted) run.error = toApiError(err);
  } finally {
    run.starting = false;
  }
}

/** Leaves the run (the address no longer names one): stops following it and clears the page. */
export function closeRun(): void {
  controller?.abort();
  controller = undefined;
  Object.assign(run, { started: undefined, status: undefined, startedAt: undefined, finishedAt: undefined, error: undefined });
  run.transport = 'idle';
}

/** Refreshes once right away, e.g. after a decision, instead of waiting for the next event. */
export async function refreshRun(): Promise<void> {
  if (!run.started) return;
  try {
    apply(await getGoldenPathStatus(run.started.correlation_id));
  } catch (err) {
    run.error = toApiError(err);
  }
}

export function useGoldenPathRun(): GoldenPathRun {
  return run;
}
