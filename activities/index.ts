import { createIngestionActivities, type IngestionDeps } from './ingestion';

export type ActivityDeps = IngestionDeps;

/** All agents' activities, merged for the worker, which injects the real dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createIngestionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
