import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ActivityContracts } from './activityContracts';
import type { NonRetryableErrorType } from '../domain/errors';

/**
 * The agents as the workflows see them, grouped by failure semantics. Invalid input and unusable
 * models are non-retryable; everything else retries with backoff up to a bound. The list is spelled
 * out (workflow code imports no values from outside) and checked against the types the activities
 * raise (activities/failures.ts), so a renamed type fails the type check, not a production run.
 */
const NON_RETRYABLE = [
  'InvalidInput',
  'ModelUnavailable',
  'ModelNotFound',
  'ModelDisabled',
  'NotFound',
  'IllegalTransition',
] satisfies NonRetryableErrorType[];
/** Fails to compile when the activities gain a non-retryable type this list does not name. */
const _everyTypeListed: Exclude<NonRetryableErrorType, (typeof NON_RETRYABLE)[number]> extends never ? true : never = true;

/** Data and ML agents: seconds of work, a few retries. */
export const dataAgents = proxyActivities<ActivityContracts>({
  startToCloseTimeout: '1 minute',
  retry: {
    maximumAttempts: 5,
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/**
 * The same agents as local activities, for short steps whose stages nobody watches one by one:
 * they run in the worker inside the workflow task that calls them, so a chain of them costs no
 * round trip through the server (no activity task, no further workflow task); a marker in the
 * history records each result. A worker lost mid-step loses the workflow task, and the next worker
 * runs the step again: only for agents whose writes are idempotent (they all are: keyed by
 * workflow id + activity id, or a business key).
 */
export const localDataAgents = proxyLocalActivities<ActivityContracts>({
  startToCloseTimeout: '1 minute',
  retry: {
    maximumAttempts: 5,
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/** Bookkeeping (a stage metric) as a local activity: see localDataAgents. */
export const localDurableAgents = proxyLocalActivities<ActivityContracts>({
  startToCloseTimeout: '1 minute',
  retry: {
    maximumAttempts: 20,
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/**
 * Data agents for work that streams for a known while (demo pace): time enough for it, and a
 * heartbeat timeout, so a worker lost mid-stream is noticed in seconds and the retry resumes.
 */
export function streamingDataAgents(expectedSeconds: number) {
  return proxyActivities<ActivityContracts>({
    startToCloseTimeout: Math.ceil(expectedSeconds) * 1000 + 60_000,
    heartbeatTimeout: '30 seconds',
    retry: {
      maximumAttempts: 5,
      initialInterval: '500 milliseconds',
      backoffCoefficient: 2,
      maximumInterval: '10 seconds',
      nonRetryableErrorTypes: NON_RETRYABLE,
    },
  });
}

/** Scheduling and bookkeeping that must eventually happen: more patience. */
export const durableAgents = proxyActivities<ActivityContracts>({
  startToCloseTimeout: '1 minute',
  retry: {
    maximumAttempts: 20,
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/** Outbound notifications: a failing channel is retried for a while, never silently lost. */
export const notifyAgents = proxyActivities<ActivityContracts>({
  startToCloseTimeout: '30 seconds',
  retry: {
    maximumAttempts: 8,
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/** Report rendering (PDF) can take longer. */
export const reportAgents = proxyActivities<ActivityContracts>({
  startToCloseTimeout: '3 minutes',
  retry: {
    maximumAttempts: 5,
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});

/**
 * Shadow evaluation: one call re-scores up to a few thousand stored records, heartbeating its cursor
 * after every chunk; a worker lost mid-call is noticed within the heartbeat timeout and the retry
 * resumes from the last heartbeat.
 */
export const shadowAgents = proxyActivities<ActivityContracts>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: {
    maximumAttempts: 10,
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
});
