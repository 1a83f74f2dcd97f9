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
import { rssMiB, startBenchStack } from './stack';
import { benchSections } from './sections';

type Row = [string, string, string];

async function run(): Promise<void> {
  const rows: Row[] = [];
  const json: Record<string, unknown> = {};
  const stack = await startBenchStack();
  try {
    for (const c of [1, 32]) {
      const r = await benchSingleIngest(stack, c, c === 1 ? 500 : 3000);
      json[`ingest_single_c${c}`] = r;
      rows.push([
        `ingest single, ${c} client${c > 1 ? 's' : ''}`,
        `p50 ${r.p50} ms, p99 ${r.p99} ms`,
        `${r.rps} req/s, ${r.failures} failed`,
      ]);
    }
    const batch = await benchBatchVsCopy(stack, 5);
    json.ingest_batch = batch;
    rows.push([
      'ingest batch (10,000/request)',
      `${batch.api_readings_per_s} readings/s`,
      `raw COPY ${batch.copy_readings_per_s}/s, ratio ${batch.ratio}`,
    ]);

    for (const section of benchSections) {
      const result = await section.run(stack);
      json[section.name] = result.json;
      rows.push(...result.rows);
    }

    const apiRss = rssMiB(stack.api.pid!);
    const workerRss = rssMiB(stack.worker.pid!);
    json.memory = { api_rss_mib: apiRss, worker_rss_mib: workerRss };
    rows.push(['resident memory after the load', `API ${apiRss} MiB`, `worker ${workerRss} MiB`]);
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
