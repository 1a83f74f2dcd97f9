import { bundleWorkflowCode } from '@temporalio/worker';
import path from 'node:path';
import { projectRoot } from '../config';

export const workflowsPath = path.join(projectRoot, 'workflows', 'index.ts');

/** Bundles workflow code once, so several workers (or test files) can share the bundle. */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath, logger: quietLogger });
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
