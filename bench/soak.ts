/**
 * `npm run bench -- --only=soak [--soak-minutes=10]`: a bounded soak. Mixed load for the given
 * minutes (single ingests from a few paced clients, prediction-to-maintenance workflows from a
 * few others, each awaited), stopping by itself; the resident memory of the API, the worker, the
 * Temporal dev server and the bench is sampled every minute (more often in a short run, at least
 * six samples), with the workflows and ingests completed in each interval. Growth is reported
 * from the first sample under load (the start-up and warm-up allocations are behind it) to the
 * last, with the least-squares slope over those samples, so a leak shows as a steady slope and
 * noise as a small one of either sign.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import type { BenchSection } from './benchSection';
import { closeLeanConnections, leanHttpCall } from './leanHttp';
import { features, resultOf } from './scale';
import { BENCH_KEY, rssMiB } from './stack';

const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
const INGEST_CLIENTS = 4;
/** Each ingest client pauses this long between requests (about 40 requests/s in all). */
const INGEST_PAUSE_MS = 100;
const WORKFLOW_CLIENTS = 4;
const WORKFLOW_PAUSE_MS = 250;
const RUN_TIMEOUT_MS = 90_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function minutesArg(): number {
  const raw = process.argv.find((a) => a.startsWith('--soak-minutes='))?.slice('--soak-minutes='.length);
  const minutes = raw === undefined ? 10 : Number(raw);
  if (!(minutes > 0 && minutes <= 120)) throw new Error(`--soak-minutes must be a number of minutes in (0, 120], got ${raw}`);
  return minutes;
}

/** Least-squares slope of `ys` against `xs` (MiB per minute for RSS samples taken at minutes). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
}

interface Sample {
  minute: number;
  rss: Record<string, number | null>;
  workflows: number;
  ingests: number;
  failures: number;
  loadavg: number;
}

export const soakSection: BenchSection = {
  name: 'soak',
  onlyWhenNamed: true,
  async run(stack) {
    const minutes = minutesArg();
    const intervalMs = Math.min(60_000, (minutes * 60_000) / 6);
    const deadline = Date.now() + minutes * 60_000;
    const processes: Record<string, number> = {
      api: stack.api.pid!,
      worker: stack.worker.pid!,
      temporal: stack.temporal.pid!,
      bench: process.pid,
    };
    const connection = await Connection.connect({ address: stack.temporalAddress, interceptors: [] });
    const client = new Client({ connection });
    const run = randomUUID().slice(0, 6);
    const counts = { workflows: 0, ingests: 0, failures: 0 };
    let firstError: string | undefined;
    const fail = (err: unknown) => {
      counts.failures++;
      firstError ??= String((err as Error).cause ?? (err as Error).message ?? err).slice(0, 300);
    };

    const ingestClient = async (c: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        try {
          const res = await leanHttpCall(`${stack.baseUrl}/api/v1/data/ingest`, {
            method: 'POST',
            headers: { ...headers, 'Idempotency-Key': `soak-${run}-${c}-${i}` },
            body: JSON.stringify({ sensor_id: `soak-${run}-${c}`, value: Math.sin(i / 10), sensor_type: 'vibration' }),
          });
          if (res.status === 200) counts.ingests++;
          else fail(new Error(`ingest answered ${res.status}`));
        } catch (err) {
          fail(err);
        }
        await sleep(INGEST_PAUSE_MS);
      }
    };
    const workflowClient = async (c: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        try {
          const res = await leanHttpCall(`${stack.baseUrl}/api/v1/workflows/predictionToMaintenance`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ sensor_id: `soak-${run}-wf-${c}-${i % 8}`, features }),
          });
          if (res.status !== 202) throw new Error(`start answered ${res.status}: ${res.body.slice(0, 200)}`);
          const workflowId = (JSON.parse(res.body) as { workflow_id: string }).workflow_id;
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            resultOf(client, workflowId),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`${workflowId} not completed within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
            }),
          ]).finally(() => clearTimeout(timer));
          counts.workflows++;
        } catch (err) {
          fail(err);
        }
        await sleep(WORKFLOW_PAUSE_MS);
      }
    };

    const started = Date.now();
    const samples: Sample[] = [];
    const sample = () => {
      const last = samples.at(-1);
      // The load ended within a second of an interval's sample: what finished since belongs to it.
      if (last && Date.now() - started - last.minute * 60_000 < 1000) {
        last.workflows += counts.workflows;
        last.ingests += counts.ingests;
        last.failures += counts.failures;
        counts.workflows = counts.ingests = counts.failures = 0;
        return;
      }
      samples.push({
        minute: Math.round(((Date.now() - started) / 60_000) * 100) / 100,
        rss: Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, rssMiB(pid)])),
        ...counts,
        loadavg: Math.round(os.loadavg()[0]! * 100) / 100,
      });
      counts.workflows = counts.ingests = counts.failures = 0;
    };
    sample();
    const sampler = setInterval(sample, intervalMs);
    try {
      await Promise.all([
        ...Array.from({ length: INGEST_CLIENTS }, (_, c) => ingestClient(c)),
        ...Array.from({ length: WORKFLOW_CLIENTS }, (_, c) => workflowClient(c)),
      ]);
    } finally {
      clearInterval(sampler);
      sample(); // what completed after the last full interval, and the memory as the load stops
      closeLeanConnections();
      await connection.close();
    }
    for (const s of samples) console.error(`[bench soak] ${JSON.stringify(s)}`);

    const rows: [string, string, string][] = [];
    const loaded = samples.slice(1); // under load: from the end of the first interval
    const growth: Record<string, unknown> = {};
    for (const name of Object.keys(processes)) {
      const series = loaded.map((s) => s.rss[name]).filter((v): v is number => v !== null);
      if (series.length < 2) continue;
      const xs = loaded.filter((s) => s.rss[name] !== null).map((s) => s.minute);
      const perMinute = Math.round(slope(xs, series) * 100) / 100;
      const delta = Math.round((series.at(-1)! - series[0]!) * 10) / 10;
      growth[name] = { first_mib: series[0], last_mib: series.at(-1), delta_mib: delta, slope_mib_per_min: perMinute };
      rows.push([
        `soak ${minutes} min: ${name} resident memory`,
        `${series[0]} → ${series.at(-1)} MiB (${delta >= 0 ? '+' : ''}${delta}), ${perMinute >= 0 ? '+' : ''}${perMinute} MiB/min`,
        `each sample: ${series.join(', ')} MiB (min ${Math.min(...series)}, max ${Math.max(...series)})`,
      ]);
    }
    const perMin = (n: number, s: Sample, prev: Sample) => Math.round(n / Math.max(1e-9, s.minute - prev.minute));
    const windows = samples
      .slice(1)
      .map((s, i) => ({ workflows: perMin(s.workflows, s, samples[i]!), ingests: perMin(s.ingests, s, samples[i]!) }));
    const total = samples.reduce(
      (a, s) => ({ workflows: a.workflows + s.workflows, ingests: a.ingests + s.ingests, failures: a.failures + s.failures }),
      {
        workflows: 0,
        ingests: 0,
        failures: 0,
      },
    );
    rows.push([
      `soak ${minutes} min: workflows completed per minute, each interval`,
      windows.map((w) => w.workflows).join(', '),
      `${total.workflows} in all, ${total.failures} failed requests or runs${firstError ? ` (first: ${firstError})` : ''}; load average ${samples.map((s) => s.loadavg).join(', ')}`,
    ]);
    rows.push([
      `soak ${minutes} min: single ingests per minute, each interval`,
      windows.map((w) => w.ingests).join(', '),
      `${total.ingests} in all (${INGEST_CLIENTS} clients pausing ${INGEST_PAUSE_MS} ms, ${WORKFLOW_CLIENTS} workflow clients pausing ${WORKFLOW_PAUSE_MS} ms)`,
    ]);
    return { rows, json: { minutes, interval_ms: intervalMs, samples, growth, windows, total, first_error: firstError } };
  },
};
