import { send, type ApiBody } from '../../api/http';

/** The root probes (/health, /health/db, ...) answer what their /api/v1 twins document. */
export type HealthDocument = ApiBody<'/api/v1/health', 'get'>;

export interface ProbeResult {
  path: string;
  httpStatus: number;
  /** Measured in the browser, so it includes the network and the proxy. */
  roundTripMs: number;
  body: HealthDocument | undefined;
}

/**
 * Probes one health path. A 503 is an answer, not a failure: its body says which dependency is
 * down, so it is returned rather than thrown.
 */
export async function probeHealth(path: string): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const response = await send(path, { raw: true });
    return { path, httpStatus: response.status, roundTripMs: performance.now() - started, body: (await response.json()) as HealthDocument };
  } catch (err) {
    const status = (err as { status?: number }).status ?? 0;
    return { path, httpStatus: status, roundTripMs: performance.now() - started, body: undefined };
  }
}

export const healthPaths = ['/health', '/health/db', '/health/redis', '/health/temporal'] as const;
