import type { TLSConfig } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { ActivityDeps } from '../activities';
import { createActivities } from '../activities';
import { bundleWorkflows } from '../temporal/bundle';

export interface WorkerFactoryOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle; without one the worker bundles workflows itself. */
  workflowBundle?: { code: string } | { codePath: string };
  extra?: Partial<WorkerOptions>;
  /** mTLS and the authorizer's token for a production frontend (temporal/tls.ts); none for the dev server. */
  security?: { tls?: TLSConfig; apiKey?: string };
}

/** A worker polling the main queue with every workflow and every agent's activities. */
export async function createWorker(opts: WorkerFactoryOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: opts.address, ...opts.security });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    // Bundling here (quietly) rather than through workflowsPath keeps webpack's report out of the logs.
    workflowBundle: opts.workflowBundle ?? (await bundleWorkflows()),
    ...opts.extra,
  });
  return { worker, connection };
}
