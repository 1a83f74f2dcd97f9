import { bundleWorkflowCode } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

export const workflowsPath = path.join(projectRoot, 'workflows', 'index.ts');

/**
 * Modules evaluated once per worker thread instead of once per workflow run. The SDK's reused V8
 * context gives each run its own copy of every other module, and the English catalogue (1.5 MB
 * of object literal in the bundle, imported for the texts workflows write) was evaluated again for
 * every run: a prediction-to-maintenance run with no action spent more CPU building it than running
 * its own code, and left that much garbage for the workflow thread's heap. Preloaded modules are
 * frozen and shared, so only pure data belongs here.
 */
export const PRELOADED_WORKFLOW_MODULES = [path.join(projectRoot, 'locales', 'en.json')];

/** Bundles workflow code once, so several workers (or test files) can share the bundle. */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath, logger: quietLogger, preloadModules: PRELOADED_WORKFLOW_MODULES });
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\s+'(\.{1,2}\/[^']+)'/g;

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every project file reachable from workflows/index.ts through relative imports (types included). */
export function workflowSourceFiles(entry = workflowsPath): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = resolveLocal(file, (m[1] ?? m[2])!);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen].sort();
}

/**
 * What the bundle is built from: the workflow sources (workflows/**, the domain/** files they
 * import, and any other local file they reach), the lock file (the SDK's workflow runtime, zod)
 * and this file.
 */
export function workflowBundleHash(): string {
  const hash = createHash('sha256');
  // This file too: the bundle's options (preloaded modules) are part of what it is built from.
  for (const file of [
    ...workflowSourceFiles(),
    path.join(projectRoot, 'package-lock.json'),
    path.join(projectRoot, 'temporal', 'bundle.ts'),
  ]) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes the workflow bundle to `<dir>/workflow-bundle-<hash>.js` unless a bundle of the same
 * sources is already there, removes bundles of older sources, and returns the file's path.
 * A worker loads it with `workflowBundle: { codePath }` instead of running webpack itself.
 */
export async function prebuildWorkflowBundle(dir: string): Promise<{ codePath: string; built: boolean }> {
  const name = `workflow-bundle-${workflowBundleHash()}.js`;
  const codePath = path.join(dir, name);
  if (existsSync(codePath)) return { codePath, built: false };
  mkdirSync(dir, { recursive: true });
  const { code } = await bundleWorkflows();
  // Written aside and renamed, so a worker never reads a half-written bundle.
  const partial = `${codePath}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, codePath);
  for (const old of readdirSync(dir)) {
    if (old !== name && /^workflow-bundle-[0-9a-f]{16}\.js$/.test(old)) rmSync(path.join(dir, old), { force: true });
  }
  return { codePath, built: true };
}
