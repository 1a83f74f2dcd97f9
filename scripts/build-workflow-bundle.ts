/**
 * `node --import tsx scripts/build-workflow-bundle.ts <file>`: writes the workflow bundle to
 * <file>, for an image build (deploy/Dockerfile), so a worker container loads it through
 * WORKFLOW_BUNDLE_PATH instead of running webpack at every start (about 110 MiB less resident per
 * worker, scripts/worker-memory.ts). `npm start` builds its own under .data/ (scripts/start.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflows } from '../temporal/bundle';

async function run(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node --import tsx scripts/build-workflow-bundle.ts <file>');
  const { code } = await bundleWorkflows();
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  writeFileSync(target, code);
  console.log(`[build-workflow-bundle] ${target}: ${Math.round(code.length / 1024)} KiB`);
}

run().catch((err) => {
  console.error(`[build-workflow-bundle] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
