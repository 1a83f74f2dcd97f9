import { randomUUID } from 'node:crypto';
import { copyBaselineReadings, registerBaselineSensor } from '../db/benchBaseline';
import type { BenchStack } from './stack';
import { BENCH_KEY, waitForQuiet } from './stack';
import { closedLoop, httpCall, pacedWindows, percentiles } from './load';
import { leanHttpCall } from './leanHttp';

const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };

/**
 * Single-reading ingest latency (each request committed before its answer): `concurrency` clients
 * flat out (saturation), or, with `pacedIntervalMs`, each client sending one request per interval.
 */
export async function benchSingleIngest(stack: BenchStack, concurrency: number, total: number, pacedIntervalMs?: number, warmup = 2000) {
  const run = randomUUID().slice(0, 6);
  const send = (body: unknown, key?: string) =>
    leanHttpCall(`${stack.baseUrl}/api/v1/data/ingest`, {
      method: 'POST',
      headers: { ...headers, ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify(body),
    });
  // Warm-up to steady state (connections, key cache, prepared statements, JIT): measured on this
  // machine, the API's CPU per request kept falling for the first ~15,000 requests after start.
  await closedLoop(32, warmup, async (i) => {
    await send({ sensor_id: `warm-${run}-${i % 16}`, value: i, sensor_type: 'vibration' }, `warm-${run}-${i}`);
  });
  let failures = 0;
  const one = async (i: number) => {
    const res = await send({ sensor_id: `bench-${run}-${i % 16}`, value: Math.sin(i), sensor_type: 'vibration' }, `bench-${run}-${i}`);
    if (res.status !== 200) failures++;
  };
  if (pacedIntervalMs) {
    const { pooled, all } = await pacedWindows(3, concurrency, pacedIntervalMs, Math.ceil(total / concurrency), one, () => waitForQuiet());
    return { concurrency, paced_interval_ms: pacedIntervalMs, ...pooled, failures, windows: all };
  }
  await waitForQuiet();
  const { latencies, seconds } = await closedLoop(concurrency, total, one);
  return {
    concurrency,
    paced_interval_ms: null,
    ...percentiles(latencies),
    rps: Math.round(latencies.length / seconds),
    failures,
    windows: null,
  };
}

function readings(n: number, sensor: string) {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, (_, i) => ({
    sensor_id: sensor,
    value: Math.sin(i / 10) * 5 + 40,
    timestamp: new Date(start + i * 1000).toISOString(),
    sensor_type: 'torque',
    unit: 'Nm',
    quality: 0.99,
  }));
}

/** Batch ingestion through the API (10,000 readings per request) against a raw COPY of the same rows. */
export async function benchBatchVsCopy(stack: BenchStack, batches: number) {
  const size = 10_000;
  const bodies = Array.from({ length: batches }, (_, b) => JSON.stringify({ readings: readings(size, `batch-${b}`) }));
  await fetch(`${stack.baseUrl}/api/v1/data/ingest/batch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ readings: readings(500, 'batch-warm') }),
  }).then((r) => r.arrayBuffer());
  // Alternating one API batch and one COPY batch, so a slow spell of this shared machine weighs on
  // both sides of the ratio alike instead of on whichever ran during it.
  let apiSeconds = 0;
  let copySeconds = 0;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    const res = await httpCall(`${stack.baseUrl}/api/v1/data/ingest/batch`, { method: 'POST', headers, body: bodies[b] });
    if (res.status !== 200) throw new Error(`batch ingest failed: ${res.status} ${res.body.slice(0, 300)}`);
    apiSeconds += (performance.now() - t0) / 1000;

    // The same rows straight into the same table with COPY, one transaction per batch: the floor.
    const t1 = performance.now();
    await registerBaselineSensor(`copy-${b}`, stack.sql);
    const rows = readings(size, `copy-${b}`);
    const text = rows.map((r) => `${r.sensor_id}\t${r.timestamp}\t${r.value}\t${r.unit}\t${r.quality}\t${r.sensor_type}\t{}\n`).join('');
    await stack.sql.begin((tx) => copyBaselineReadings(text, tx));
    copySeconds += (performance.now() - t1) / 1000;
  }
  const total = size * batches;
  const apiRate = Math.round(total / apiSeconds);
  const copyRate = Math.round(total / copySeconds);
  return {
    readings: total,
    api_readings_per_s: apiRate,
    copy_readings_per_s: copyRate,
    ratio: Math.round((apiRate / copyRate) * 100) / 100,
  };
}
