/**
 * `npm run replay -- <workflowId | history.json> [...]`: replays each history against the current
 * workflow code and exits non-zero, printing the divergence, on non-determinism.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../config';
import { bundleWorkflows } from '../temporal/bundle';
import { createTemporalClient } from '../temporal/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { replayHistories } from '../temporal/replay';

Runtime.install({ logger: new DefaultLogger('WARN') });

async function run(): Promise<void> {
  const targets = process.argv.slice(2).filter((a) => a !== '--');
  if (targets.length === 0) throw new Error('usage: npm run replay -- <workflowId | history.json> [...]');
  const config = getConfig();
  const histories: { workflowId: string; history: unknown }[] = [];
  let temporal: ReturnType<typeof createTemporalClient> | undefined;
  try {
    for (const t of targets) {
      if (t.endsWith('.json') && existsSync(t)) {
        histories.push({ workflowId: path.basename(t, '.json'), history: JSON.parse(readFileSync(t, 'utf8')) });
      } else {
        temporal ??= createTemporalClient(config);
        histories.push({ workflowId: t, history: await temporal.client.workflow.getHandle(t).fetchHistory() });
      }
    }
  } finally {
    await temporal?.connection.close();
  }
  const outcomes = await replayHistories(histories, await bundleWorkflows());
  for (const o of outcomes) console.log(`${o.ok ? 'ok  ' : 'FAIL'} ${o.workflowId}${o.error ? `\n     ${o.error}` : ''}`);
  const failed = outcomes.filter((o) => !o.ok).length;
  console.log(`${outcomes.length - failed} replayed deterministically, ${failed} diverged`);
  if (failed) process.exitCode = 1;
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
