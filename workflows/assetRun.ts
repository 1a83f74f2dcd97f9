import { getExternalWorkflowHandle, sleep, workflowInfo } from '@temporalio/workflow';
import { dataAgents } from './agents';
import { readingsArrivedSignal } from './assetEvaluator';

export interface AssetRunInput {
  assetId: string;
  /** FD001 training engine number. */
  unit: number;
  fromCycle: number;
  toCycle: number;
  cyclesPerBatch: number;
  /** Wall-clock pause between batches: the replay's speed. */
  batchIntervalSeconds: number;
  /** ISO instant the last cycle reads at; earlier cycles are cycleSeconds apart before it. */
  anchor: string;
  cycleSeconds: number;
  /** The asset's evaluator, told after each batch that readings arrived. */
  evaluatorWorkflowId: string;
}

export interface AssetRunResult {
  batches: number;
  inserted: number;
  duplicates: number;
}

/**
 * Replays a C-MAPSS engine into an asset's role sensors, a batch of cycles at a time, waking the
 * asset's evaluator after each, so RUL, health and the episode unfold as they would live. Writes
 * are keyed by this run, sensor and cycle, so a worker killed mid-run resumes without duplicates.
 */
export async function assetRun(input: AssetRunInput): Promise<AssetRunResult> {
  const { workflowId } = workflowInfo();
  const result: AssetRunResult = { batches: 0, inserted: 0, duplicates: 0 };
  const evaluator = getExternalWorkflowHandle(input.evaluatorWorkflowId);
  for (let from = input.fromCycle; from <= input.toCycle; from += input.cyclesPerBatch) {
    const to = Math.min(input.toCycle, from + input.cyclesPerBatch - 1);
    const written = await dataAgents.writeAssetRunCycles({
      assetId: input.assetId,
      unit: input.unit,
      fromCycle: from,
      toCycle: to,
      anchor: input.anchor,
      lastCycle: input.toCycle,
      cycleSeconds: input.cycleSeconds,
      runId: workflowId,
    });
    result.batches++;
    result.inserted += written.inserted;
    result.duplicates += written.duplicates;
    try {
      await evaluator.signal(readingsArrivedSignal);
    } catch {
      // No evaluator running: the readings are stored all the same.
    }
    if (to < input.toCycle && input.batchIntervalSeconds > 0) await sleep(input.batchIntervalSeconds * 1000);
  }
  return result;
}
