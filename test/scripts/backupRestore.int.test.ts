import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectRoot } from '../../config';
import { dropDatabase, ensureDatabase, migrate } from '../../db/migrate';
import { seedDefaultTechnicians } from '../../db/technicians';
import { waitForTemporal } from '../../temporal/client';
import { startDevServer } from '../../temporal/devServer';
import { freePort, waitUntil } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 18's round trip: a Golden Path waits for its human decision on a dev server with its own
 * SQLite file; `npm run backup` archives it while everything runs; then the dev server is stopped,
 * its data directory deleted and the database dropped; `npm run restore` brings both back; a
 * fresh dev server and worker pick the run up, and the decision completes it with exactly one
 * order, one decision and one report.
 */

const run = promisify(execFile);
const SENSOR_EVENTS = 20;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sm-backup-test-'));
const dataDir = path.join(tmp, 'data');
const temporalDb = path.join(dataDir, 'temporal', 'temporal.sqlite');
const databaseUrl = (() => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_backup`;
  return url.toString();
})();
// Fixed across both stacks: the restored workflow's tasks go to the queue it was started on.
const taskQueuePrefix = `backup-${process.pid}`;
let port: number;
let server: ChildProcess | undefined;
let stack: TestStack | undefined;

function scriptEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

function script(name: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], { cwd: projectRoot, env, timeout: 120_000 });
}

async function startServer(): Promise<void> {
  server = startDevServer({ port, dbFile: temporalDb });
  await waitForTemporal(`127.0.0.1:${port}`, 60_000);
}

async function stopServer(): Promise<void> {
  const s = server;
  server = undefined;
  if (!s || s.exitCode !== null) return;
  const gone = new Promise((r) => s.once('exit', r));
  s.kill('SIGTERM');
  const timer = setTimeout(() => s.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

async function openStack(): Promise<TestStack> {
  return startTestStack({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    TEMPORAL_TASK_QUEUE_PREFIX: taskQueuePrefix,
    DEMO_AUTO_DECISIONS: 'false',
  });
}

async function status(s: TestStack, key: string, correlationId: string) {
  const res = await s.request(`/api/v1/demo/golden-path/status/${correlationId}`, { key });
  return res.status === 200 ? await res.json() : undefined;
}

beforeAll(async () => {
  port = await freePort();
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await migrate(sql);
    await seedDefaultTechnicians(sql);
  } finally {
    await sql.end();
  }
  await startServer();
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await stopServer();
  await dropDatabase(databaseUrl);
  rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings back a Golden Path waiting for its decision, which then completes once', async () => {
    stack = await openStack();
    let key = await stack.key(['workflows:write', 'workflows:read', 'decisions:write']);
    await stack.startWorker();
    const start = await stack.request('/api/v1/demo/golden-path', {
      method: 'POST',
      key,
      json: { sensor_events: SENSOR_EVENTS, scenario: 'drift', decision_timeout_seconds: 3600 },
    });
    expect(start.status).toBe(202);
    const started = await start.json();
    const waiting = await waitUntil('the run to wait for its decision', async () => {
      const doc = await status(stack!, key, started.correlation_id);
      if (doc?.status === 'failed' || doc?.status === 'completed') throw new Error(`run ended early: ${JSON.stringify(doc)}`);
      return doc?.status === 'waiting_for_decision' ? doc : undefined;
    });
    await stack.close();
    stack = undefined;

    // Online: the dev server keeps running while its SQLite state is snapshotted.
    const backupDir = path.join(tmp, 'backups');
    await script('backup', ['--out', backupDir], scriptEnv());
    const [archive] = readdirSync(backupDir).filter((f) => f.endsWith('.tar.gz'));
    expect(archive).toBeDefined();
    const archivePath = path.join(backupDir, archive!);

    // A running Temporal server is refused: its file must not change under it.
    const refusedWhileRunning = await script('restore', [archivePath], scriptEnv()).catch((e: { stderr: string }) => e);
    expect(String((refusedWhileRunning as { stderr?: string }).stderr)).toContain('a Temporal server answers');

    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);

    const modelsTarget = path.join(tmp, 'models');
    await script('restore', ['--', archivePath], scriptEnv({ MODELS_DIR: modelsTarget }));
    expect(readFileSync(path.join(modelsTarget, 'registry.json'), 'utf8')).toBe(
      readFileSync(path.join(projectRoot, 'models', 'registry.json'), 'utf8'),
    );

    // A second restore over the restored environment is refused, and writes nothing.
    const again = await script('restore', [archivePath], scriptEnv({ MODELS_DIR: modelsTarget })).catch((e: { stderr: string }) => e);
    expect(String((again as { stderr?: string }).stderr)).toMatch(/refusing to restore into a non-empty environment[\s\S]*is not empty/);

    await startServer();
    stack = await openStack();
    key = await stack.key(['workflows:write', 'workflows:read', 'decisions:write']);
    await stack.startWorker();
    const restored = await waitUntil('the restored run to answer', () => status(stack!, key, started.correlation_id));
    expect(restored.status).toBe('waiting_for_decision');
    expect(restored.decision_request_id).toBe(waiting.decision_request_id);

    const decided = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: { request_id: waiting.decision_request_id, decision: 'approved', operator_id: 'eva.santos', justification: 'after restore' },
    });
    expect(decided.status, await decided.clone().text()).toBe(201);
    const done = await waitUntil('the restored run to finish', async () => {
      const doc = await status(stack!, key, started.correlation_id);
      return doc?.status === 'completed' || doc?.status === 'failed' ? doc : undefined;
    });
    expect(done.status).toBe('completed');

    const wf = started.workflow_id;
    const orders = await stack.sql`select id, status from maintenance_orders where workflow_id = ${wf}`;
    expect(orders).toHaveLength(1);
    expect(orders[0]!.status).toBe('scheduled');
    const decisions = await stack.sql`select decision, operator_id from human_decisions where workflow_id = ${wf}`;
    expect(decisions).toEqual([{ decision: 'approved', operator_id: 'eva.santos' }]);
    const reports = await stack.sql`select id from reports where workflow_id = ${wf}`;
    expect(reports.map((r) => r.id)).toEqual([done.report_id]);
    const [{ n }] = await stack.sql`select count(*)::int as n from sensor_readings where correlation_id = ${started.correlation_id}`;
    expect(n).toBe(SENSOR_EVENTS);
  }, 240_000);
});
