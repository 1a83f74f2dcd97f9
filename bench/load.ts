/** Latency percentiles from a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p99: number; mean: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(at(0.5)), p99: round(at(0.99)), mean: round(s.reduce((a, b) => a + b, 0) / s.length), n: s.length };
}

/**
 * Runs `total` requests from `concurrency` closed-loop clients and returns each latency in ms.
 * Loopback only, bounded in count: it stops by itself.
 */
export async function closedLoop(
  concurrency: number,
  total: number,
  request: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await request(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

import http from 'node:http';

/**
 * A lean keep-alive HTTP client for load: undici's fetch costs enough CPU per request that, on a
 * 2-core machine, the load generator would take the API's core and the bench would measure itself.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function httpCall(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.body ? { 'Content-Length': Buffer.byteLength(init.body) } : {}) },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

/**
 * `clients` clients, each sending one request every `intervalMs` (waiting for the answer first):
 * the offered load is fixed, so latency shows service time rather than the queue a saturating
 * closed loop builds. Bounded by `perClient` requests each.
 */
export async function pacedClients(
  clients: number,
  intervalMs: number,
  perClient: number,
  request: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      // Spread the clients over the interval so they do not fire in lockstep.
      await new Promise((r) => setTimeout(r, (intervalMs * c) / clients));
      for (let k = 0; k < perClient; k++) {
        const t0 = performance.now();
        await request(c * perClient + k);
        const took = performance.now() - t0;
        latencies.push(took);
        if (took < intervalMs) await new Promise((r) => setTimeout(r, intervalMs - took));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * `windows` paced measurements of `perClient` requests per client each, with `between()` (e.g. a
 * wait for a quiet machine) before each. The figures reported pool every request of every window,
 * and each window's own figures are kept beside them: on this shared 2-core VM one window's p99
 * can be twice another's, so a single window says little about the next.
 */
export async function pacedWindows(
  windows: number,
  clients: number,
  intervalMs: number,
  perClient: number,
  request: (i: number) => Promise<void>,
  between: () => Promise<unknown>,
): Promise<{ pooled: ReturnType<typeof percentiles> & { rps: number }; all: (ReturnType<typeof percentiles> & { rps: number })[] }> {
  const all: (ReturnType<typeof percentiles> & { rps: number })[] = [];
  const pooledLatencies: number[] = [];
  let pooledSeconds = 0;
  for (let w = 0; w < windows; w++) {
    await between();
    const offset = w * clients * perClient;
    const { latencies, seconds } = await pacedClients(clients, intervalMs, perClient, (i) => request(offset + i));
    all.push({ ...percentiles(latencies), rps: Math.round(latencies.length / seconds) });
    pooledLatencies.push(...latencies);
    pooledSeconds += seconds;
  }
  return { pooled: { ...percentiles(pooledLatencies), rps: Math.round(pooledLatencies.length / pooledSeconds) }, all };
}
