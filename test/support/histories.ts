import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * With RECORD_HISTORIES=1, a test saves the history of a finished workflow under
 * test/workflows/histories/<name>.json; the replay test then replays every committed file.
 * Re-record only for a deliberate, patched() workflow change.
 */
export async function maybeRecordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(path.join(__dirname, '..', 'workflows', 'histories', `${name}.json`), historyToJSON(history) + '\n');
}
