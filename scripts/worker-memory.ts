/**
 * `tsx scripts/worker-memory.ts`: the worker's resident memory after start-up, with the workflow
 * bundle prebuilt (what `npm start` does) and without it (the worker runs webpack itself), each
 * with and without the ONNX models loaded, run from the esbuild bundle as `npm start` runs it
 * (scripts/build-server.ts), and once through tsx for comparison. Runs its own in-memory Temporal dev server; uses the
 * configured PostgreSQL and Redis. Prints one line per case and the worker's own heap figures
 * from its /metrics, so what is not heap (native: the SDK core, ONNX Runtime, code) shows too.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dataDir, getConfig, projectRoot } from '../config';
import { WORKER_NODE_FLAGS } from '../temporal/nodeFlags';
import { prebuildWorkflowBundle } from '../temporal/bundle';
import { waitForTemporal } from '../temporal/client';
import { startDevServer } from '../temporal/devServer';
import { buildServerIfStale, entryArgs } from './build-server';

const SETTLE_MS = 10_000;
const MiB = 1024 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) / MiB : NaN;
}

async function measure(label: string, env: Record<string, string>, bundled: boolean): Promise<void> {
  const metricsPort = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, ...entryArgs('worker', bundled)], {
    cwd: projectRoot,
    env: { ...process.env, ...env, WORKER_METRICS_PORT: String(metricsPort), WORKER_SDK_METRICS_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('worker polling')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`${label}: worker exited (${code}): ${out.slice(-2000)}`)));
    });
    const readyMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const rss = rssMiB(child.pid!);
    const heapTotal = metric(text, 'sm_worker_nodejs_heap_size_total_bytes');
    const heapUsed = metric(text, 'sm_worker_nodejs_heap_size_used_bytes');
    const external = metric(text, 'sm_worker_nodejs_external_memory_bytes');
    console.log(
      `${label.padEnd(34)} rss ${rss.toFixed(0).padStart(4)} MiB  heap ${heapUsed.toFixed(0)}/${heapTotal.toFixed(0)} MiB  ` +
        `external ${external.toFixed(0)} MiB  other (native, code) ${(rss - heapTotal - external).toFixed(0)} MiB  ready in ${readyMs} ms`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}

async function run(): Promise<void> {
  const config = getConfig();
  const port = await freePort();
  const server = startDevServer({ port });
  try {
    const address = `127.0.0.1:${port}`;
    await waitForTemporal(address, 60_000);
    const { codePath } = await prebuildWorkflowBundle(path.join(dataDir(config), 'workflow-bundle'));
    const base = { TEMPORAL_ADDRESS: address, TEMPORAL_TASK_QUEUE_PREFIX: `memory-${process.pid}` };
    const bundled = await buildServerIfStale();
    const prebuilt = { ...base, WORKFLOW_BUNDLE_PATH: codePath };
    await measure('prebuilt bundle, models loaded', prebuilt, bundled);
    await measure('  same through tsx', prebuilt, false);
    await measure('bundled in the worker, models loaded', { ...base, WORKFLOW_BUNDLE_PATH: '' }, bundled);
    await measure('prebuilt bundle, no models', { ...prebuilt, DISABLE_MODEL_LOADING: 'true' }, bundled);
    await measure('bundled in the worker, no models', { ...base, WORKFLOW_BUNDLE_PATH: '', DISABLE_MODEL_LOADING: 'true' }, bundled);
  } finally {
    server.kill('SIGTERM');
  }
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
