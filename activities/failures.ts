import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, NON_RETRYABLE_TYPES } from '../domain/errors';

const NON_RETRYABLE = new Set<string>(NON_RETRYABLE_TYPES);

/**
 * The one mapping from domain errors to Temporal failures. A fact about the input or the model
 * (not found, invalid, illegal move, model unusable) becomes a non-retryable ApplicationFailure
 * whose type the workflows' retry policies name; anything else (a conflict that planning again may
 * resolve, an unavailable dependency, a lost connection) is rethrown as it is, so it retries.
 */
export function toActivityFailure(err: unknown): unknown {
  if (err instanceof DomainError && NON_RETRYABLE.has(err.type)) return ApplicationFailure.nonRetryable(err.message, err.type);
  return err;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any activity signature
type ActivityFn = (...args: any[]) => Promise<unknown>;

/** Wraps each of an agent's activities so that what escapes it goes through `toActivityFailure`. */
export function withDomainFailures<T extends Record<string, ActivityFn>>(activities: T): T {
  const wrapped: Record<string, ActivityFn> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw toActivityFailure(err);
      }
    };
  }
  return wrapped as T;
}
