import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config';
import { temporalConnectionSecurity, type TemporalSecurityConfig } from './tls';

/**
 * A lazily connecting client: the API starts and serves what it can while Temporal is still
 * coming up, and /health/temporal says so.
 */
export function createTemporalClient(config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'> & Partial<TemporalSecurityConfig>) {
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS, connectTimeout: '3s', ...temporalConnectionSecurity(config) });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return { connection, client };
}

/** Waits until the frontend answers, e.g. after launching the dev server. */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: '2s' });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${(lastError as Error)?.message}`);
}
