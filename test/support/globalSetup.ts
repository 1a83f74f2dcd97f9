import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../config';
import { ensureDatabase, migrate } from '../../db/migrate';
import { bundleWorkflows } from '../../temporal/bundle';
import { waitForTemporal } from '../../temporal/client';
import { startDevServer } from '../../temporal/devServer';
import { installTools } from '../../scripts/install-tools';
import { TEST_DATABASE_URL } from './testEnv';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
    workflowBundlePath: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

/** A fresh database, an in-memory Temporal dev server and one workflow bundle for the whole run. */
export default async function setup(project: TestProject) {
  installTools();
  // Projects that run in one vitest process each get their own database, so one project's setup
  // never drops the database another is already using.
  const databaseUrl = databaseFor(project.name);
  await recreateDatabase(databaseUrl);

  const port = await freePort();
  const server: ChildProcess = startDevServer({ port });
  let serverLog = '';
  server.stderr?.on('data', (d) => (serverLog = (serverLog + d).slice(-4000)));
  const address = `127.0.0.1:${port}`;
  try {
    await waitForTemporal(address, 90_000);
  } catch (err) {
    server.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${serverLog}`);
  }

  const bundleDir = path.join(projectRoot, '.data', 'test');
  mkdirSync(bundleDir, { recursive: true });
  // Per run, so two suites running at once on one machine never read each other's half-written file.
  const bundlePath = path.join(bundleDir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, (await bundleWorkflows()).code);

  project.provide('temporalAddress', address);
  project.provide('databaseUrl', databaseUrl);
  project.provide('workflowBundlePath', bundlePath);

  return async () => {
    server.kill('SIGTERM');
    rmSync(bundlePath, { force: true });
    await new Promise((r) => setTimeout(r, 300));
    if (server.exitCode === null) server.kill('SIGKILL');
  };
}

function databaseFor(projectName: string): string {
  if (projectName === 'integration') return TEST_DATABASE_URL;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_${projectName}`;
  return url.toString();
}

async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
  await ensureDatabase(url);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(db);
  } finally {
    await db.end();
  }
}
