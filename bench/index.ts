/**
 * `npm run bench`: starts the system as `npm start` would (on a bench database and free ports),
 * measures it, and prints a Markdown table (also written to bench-results/latest.{md,json}).
 * Figures are measured on this machine, every run; nothing here is a constant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../config';
import { benchBatchVsCopy, benchSingleIngest } from './ingest';
import { rssMiB, startBenchStack, workerMemoryParts } from './stack';
import { benchSections } from './sections';

type Row = [string, string, string];

/** `npm run bench -- --only=ingest,prediction` runs just those sections (all when absent). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: string) => !only || only.includes(name);

async function run(): Promise<void> {
  const rows: Row[] = [];
  const json: Record<string, unknown> = {};
  const stack = await startBenchStack();
  // Resident memory before any load: what a process pays just for being up (the stack waited for
  // the machine to go quiet, so start-up work such as model sessions created at boot is included).
  const startupWorkerRss = rssMiB(stack.worker.pid!);
  const startup = {
    api_rss_mib: rssMiB(stack.api.pid!),
    worker_rss_mib: startupWorkerRss,
    worker_parts: await workerMemoryParts(stack.workerMetricsUrl, startupWorkerRss),
    loadavg: os.loadavg(),
  };
  try {
    const ingestRuns = [
      { label: 'ingest single, 1 client', key: 'ingest_single_c1', c: 1, total: 500, warmup: 15_000 },
      {
        label: 'ingest single, 32 clients × 20 req/s (640 req/s offered)',
        key: 'ingest_single_c32_paced_640rps',
        c: 32,
        total: 6400,
        paced: 50,
      },
      { label: 'ingest single, 32 clients flat out (saturation)', key: 'ingest_single_c32_saturation', c: 32, total: 3000 },
    ];
    for (const r of wanted('ingest') ? ingestRuns : []) {
      const m = await benchSingleIngest(stack, r.c, r.total, r.paced, r.warmup);
      json[r.key] = m;
      const spread = m.windows ? `; ${m.n} requests in 3 windows, each window's p99 ${m.windows.map((w) => w.p99).join(' / ')} ms` : '';
      rows.push([r.label, `p50 ${m.p50} ms, p99 ${m.p99} ms`, `${m.rps} req/s, ${m.failures} failed${spread}`]);
    }
    if (wanted('batch')) {
      const batch = await benchBatchVsCopy(stack, 8);
      json.ingest_batch = batch;
      rows.push([
        'ingest batch (10,000/request)',
        `${batch.api_readings_per_s} readings/s`,
        `raw COPY ${batch.copy_readings_per_s}/s, ratio ${batch.ratio}`,
      ]);
    }

    for (const section of benchSections.filter((s) => wanted(s.name) && (!s.onlyWhenNamed || only?.includes(s.name)))) {
      const result = await section.run(stack);
      json[section.name] = result.json;
      rows.push(...result.rows);
    }

    const apiRss = rssMiB(stack.api.pid!);
    const workerRss = rssMiB(stack.worker.pid!);
    const workerParts = await workerMemoryParts(stack.workerMetricsUrl, workerRss);
    json.memory = { startup, api_rss_mib: apiRss, worker_rss_mib: workerRss, worker_parts: workerParts, loadavg: os.loadavg() };
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const parts = (p?: Record<string, number>) =>
      p
        ? `: V8 heap ${p.heap_used_mib}/${p.heap_total_mib}, external ${p.external_mib}, other (native, code, the workflow thread's V8 heap) ${p.other_mib} MiB, ${p.onnx_sessions} ONNX session(s)`
        : '';
    rows.push([
      'resident memory after start-up',
      `API ${startup.api_rss_mib} MiB`,
      `worker ${startup.worker_rss_mib} MiB${parts(startup.worker_parts)} (load average ${load(startup.loadavg)})`,
    ]);
    rows.push([
      'resident memory after the load',
      `API ${apiRss} MiB`,
      `worker ${workerRss} MiB${parts(workerParts)} (load average ${load(os.loadavg())})`,
    ]);
  } finally {
    await stack.stop();
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const md = [
    `Benchmark on ${new Date().toISOString().slice(0, 16)}Z, ${machine}`,
    '',
    '| what | figure | against |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  const dir = path.join(projectRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), md);
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify({ machine, at: new Date().toISOString(), ...json }, null, 2));
  console.log(md);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
