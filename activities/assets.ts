import type postgres from 'postgres';
import { evaluateAsset, markEpisodeStarted } from '../usecases/assetHealth';
import { writeEngineCycles } from '../usecases/assetRun';
import type { EvaluateAssetHealthInput, RecordAssetEpisodeStartInput, WriteAssetRunCyclesInput } from '../workflows/activityContracts';
import { withDomainFailures } from './failures';

/**
 * The asset evaluator's agent: health, RUL and failure probability from an asset's own streams,
 * and the episode bookkeeping that keeps maintenance to one start per degradation episode. Writes
 * are keyed (the evaluation by its dedup key, the episode by "one open per asset" and "first start
 * wins"), so a retry never writes twice.
 */
export function createAssetActivities(deps: { sql: postgres.Sql; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return withDomainFailures({
    async evaluateAssetHealth(input: EvaluateAssetHealthInput) {
      return evaluateAsset(input.assetId, deps.sql, { now: now(), dedupKey: input.dedupKey });
    },
    async recordAssetEpisodeStart(input: RecordAssetEpisodeStartInput): Promise<void> {
      await markEpisodeStarted(input.episodeId, input.workflowId, deps.sql, now());
    },
    /** The replay simulator's write: idempotent by run, sensor and cycle. */
    async writeAssetRunCycles(input: WriteAssetRunCyclesInput) {
      return writeEngineCycles({ ...input, anchor: new Date(input.anchor) }, deps.sql);
    },
  });
}
