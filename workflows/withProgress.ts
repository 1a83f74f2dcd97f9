import { setHandler, upsertSearchAttributes, type QueryDefinition } from '@temporalio/workflow';
import { BUSINESS_STATUS, CORRELATION_ID, SENSOR_ID, STAGE } from './searchAttributes';

/** One search-attribute update, as `upsertSearchAttributes` takes it (not re-exported by @temporalio/workflow). */
export type SearchAttributeUpdate = Extract<Parameters<typeof upsertSearchAttributes>[0], readonly unknown[]>[number];

export interface ProgressSpec<P extends { status: string }> {
  /** The `progress` query; answered from `progress` for the whole run. */
  query: QueryDefinition<P>;
  progress: P;
  /** Stage search attribute while the work runs. */
  stage: string;
  /** BusinessStatus search attribute while the work runs; `running` unless given. */
  businessStatus?: string;
  /** Set as SensorId at the start, ahead of Stage (the order the histories were recorded in). */
  sensorId?: string;
  /** Set as CorrelationId at the start, after BusinessStatus, when there is one. */
  correlationId?: string;
  /** `progress.status` once the work has returned. */
  completed: P['status'];
  /** Attributes added to the final Stage=done upsert, after BusinessStatus. */
  finalAttributes?: (progress: P) => SearchAttributeUpdate[];
}

/** Moves Stage/BusinessStatus on while the work runs (the status a workflow shows in Temporal Web). */
export type MarkStage = (stage: string, businessStatus: string) => void;

/**
 * The bookkeeping every long-running workflow of ours shares: answers the `progress` query, marks
 * the run in its search attributes, runs the work, then sets `progress.status` to `completed` (or
 * `failed` when the work throws, rethrowing) and marks the run `Stage=done` with that status, even
 * on failure. Each upsert is one command, issued exactly where the workflows used to issue it, so
 * histories recorded before this helper existed still replay.
 */
export async function withProgress<P extends { status: string }>(
  // A progress type without a `failed` status makes `spec` unassignable (never).
  spec: ProgressSpec<P> & ('failed' extends P['status'] ? unknown : never),
  work: (mark: MarkStage) => Promise<void>,
): Promise<P> {
  const { progress } = spec;
  setHandler(spec.query, () => progress);
  upsertSearchAttributes([
    ...(spec.sensorId ? [{ key: SENSOR_ID, value: spec.sensorId }] : []),
    { key: STAGE, value: spec.stage },
    { key: BUSINESS_STATUS, value: spec.businessStatus ?? 'running' },
    ...(spec.correlationId ? [{ key: CORRELATION_ID, value: spec.correlationId }] : []),
  ]);
  const mark: MarkStage = (stage, businessStatus) =>
    upsertSearchAttributes([
      { key: STAGE, value: stage },
      { key: BUSINESS_STATUS, value: businessStatus },
    ]);
  try {
    await work(mark);
    progress.status = spec.completed;
  } catch (err) {
    // `spec`'s type guarantees that `failed` is one of P's statuses.
    progress.status = 'failed' as P['status'];
    throw err;
  } finally {
    upsertSearchAttributes([
      { key: STAGE, value: 'done' },
      { key: BUSINESS_STATUS, value: progress.status },
      ...(spec.finalAttributes?.(progress) ?? []),
    ]);
  }
  return progress;
}
