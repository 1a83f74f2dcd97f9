import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BenchStack } from './stack';
import { BENCH_KEY } from './stack';
import { closedLoop, percentiles } from './load';

const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };

/** Single-reading ingest latency (each request committed before its answer) at a concurrency. */
export async function benchSingleIngest(stack: BenchStack, concurrency: number, total: number) {
  const run = randomUUID().slice(0, 6);
  // Warm-up: connections, key cache, JIT.
  await closedLoop(concurrency, Math.min(200, total), async (i) => {
    await fetch(`${stack.baseUrl}/api/v1/data/ingest`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ sensor_id: `warm-${run}-${i % 8}`, value: i }),
    }).then((r) => r.arrayBuffer());
  });
  let failures = 0;
  const { latencies, seconds } = await closedLoop(concurrency, total, async (i) => {
    const res = await fetch(`${stack.baseUrl}/api/v1/data/ingest`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': `bench-${run}-${i}` },
      body: JSON.stringify({ sensor_id: `bench-${run}-${i % 16}`, value: Math.sin(i), sensor_type: 'vibration' }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) failures++;
  });
  return { concurrency, ...percentiles(latencies), rps: Math.round(total / seconds), failures };
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
  const t0 = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${stack.baseUrl}/api/v1/data/ingest/batch`, { method: 'POST', headers, body });
    if (res.status !== 200) throw new Error(`batch ingest failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
  const apiSeconds = (performance.now() - t0) / 1000;

  // The same rows straight into the same table with COPY, one transaction per batch: the floor.
  const t1 = performance.now();
  for (let b = 0; b < batches; b++) {
    await stack.sql`insert into sensors (id, type, unit) values (${`copy-${b}`}, 'torque', 'Nm') on conflict do nothing`;
    const rows = readings(size, `copy-${b}`);
    const text = rows.map((r) => `${r.sensor_id}\t${r.timestamp}\t${r.value}\t${r.unit}\t${r.quality}\t${r.sensor_type}\t{}\n`).join('');
    await stack.sql.begin(async (tx) => {
      const writable = await tx`copy sensor_readings (sensor_id, ts, value, unit, quality, sensor_type, metadata) from stdin`.writable();
      await pipeline(Readable.from([text]), writable);
    });
  }
  const copySeconds = (performance.now() - t1) / 1000;
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
