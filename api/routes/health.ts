import { z } from 'zod';
import { pingDatabase } from '../../usecases/health';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

type Probe = () => Promise<void>;

async function timed(probe: Probe, timeoutMs = 2000): Promise<{ status: 'up' | 'down'; latency_ms: number; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { status: 'up', latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { status: 'down', latency_ms: Math.round(performance.now() - started), error: (err as Error).message.slice(0, 200) };
  }
}

const probeSchema = z.object({ status: z.enum(['up', 'down']), latency_ms: z.number(), error: z.string().optional() });
// Without a key the answer is the status alone; the rest (versions, latencies, dependency errors)
// helps an attacker more than a load balancer, so only a caller with a valid key gets it.
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string().optional().describe('With a valid X-API-Key only'),
  uptime_seconds: z.number().optional().describe('With a valid X-API-Key only'),
  dependencies: z.record(z.string(), probeSchema).optional().describe('With a valid X-API-Key only'),
});

type HealthResult = Awaited<ReturnType<ReturnType<typeof probesFor>>>;

function probesFor(deps: AppDeps) {
  const probes: Record<string, Probe> = {
    database: async () => {
      await pingDatabase(deps.sql);
    },
    redis: async () => {
      await deps.redis.ping();
    },
    temporal: async () => {
      await deps.temporal.connection.workflowService.getSystemInfo({});
    },
  };
  const run = async (names: string[]) => {
    const results = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await timed(probes[n]!)] as const)));
    for (const [n, r] of Object.entries(results)) deps.metrics.dependencyUp.set({ dependency: n }, r.status === 'up' ? 1 : 0);
    const ok = Object.values(results).every((r) => r.status === 'up');
    return {
      ok,
      body: {
        status: ok ? 'ok' : 'degraded',
        version: process.env.npm_package_version ?? '0.1.0',
        uptime_seconds: Math.round(process.uptime()),
        dependencies: results,
      },
    };
  };
  return run;
}

/**
 * Liveness and dependency probes; public, and 503 when something this service needs is down.
 * Each answer is reused for HEALTH_CACHE_MS and concurrent callers share one probe, so however
 * often /health is called the dependencies see at most one probe per path per interval.
 */
export function healthRoutes(api: ApiRouter, deps: AppDeps): void {
  const run = probesFor(deps);
  const cache = new Map<string, { at: number; result: Promise<HealthResult> }>();
  const cachedRun = (names: string[]): Promise<HealthResult> => {
    const key = names.join(',');
    const hit = cache.get(key);
    if (hit && (hit.at === Infinity || Date.now() - hit.at < deps.config.HEALTH_CACHE_MS)) return hit.result;
    // The interval counts from the answer, so a probe slow to time out is never run twice at once.
    const entry = { at: Infinity, result: run(names) };
    void entry.result.finally(() => (entry.at = Date.now()));
    cache.set(key, entry);
    return entry.result;
  };
  const respond = (names: string[]) => async (ctx: import('koa').Context) => {
    const { ok, body } = await cachedRun(names);
    ctx.status = ok ? 200 : 503;
    if (!ok) ctx.set('Retry-After', '5');
    ctx.body = ctx.state.apiKey ? body : { status: body.status };
  };
  const responses = {
    200: { description: 'All probed dependencies answer', schema: healthSchema },
    503: { description: 'A dependency is down', schema: healthSchema },
  };
  api.route({
    method: 'get',
    path: '/health',
    summary: 'Liveness and all dependencies',
    tags: ['health'],
    responses,
    handler: respond(['database', 'redis', 'temporal']),
  });
  api.route({
    method: 'get',
    path: '/health/db',
    summary: 'PostgreSQL reachability',
    tags: ['health'],
    responses,
    handler: respond(['database']),
  });
  api.route({
    method: 'get',
    path: '/health/redis',
    summary: 'Redis reachability',
    tags: ['health'],
    responses,
    handler: respond(['redis']),
  });
  api.route({
    method: 'get',
    path: '/health/temporal',
    summary: 'Temporal reachability',
    tags: ['health'],
    responses,
    handler: respond(['temporal']),
  });
}
