import { Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { assetsWithRulEvaluationsBetween, recordedRulEvaluations } from '../db/shadowEvaluation';
import { addAssetRul, type RulEvaluation } from '../domain/rulShadow';
import { emptyTally, type ShadowCursor, type ShadowTally } from '../domain/shadowEvaluation';
import { MAX_RUL_BATCH, predictRulBatch, RUL_CAP, type ModelRegistry, type RulCycle } from '../models';
import { cmapssEngine } from '../usecases/assetRun';
import { rulWindowUntil } from '../usecases/assetHealth';
import type { ScoreShadowPageInput, ScoreShadowPageResult } from '../workflows/activityContracts';

/** Assets replayed per activity call; one heartbeat each. */
const ASSETS_PER_CALL = 25;
/** Windows rebuilt between two heartbeats within one asset (two small queries each). */
const WINDOWS_PER_BEAT = 200;

/**
 * The true RUL at a window's last cycle, where it is known: a simulated C-MAPSS engine's readings
 * name its unit and cycle, and the engine's recorded run says when it failed. Capped as the
 * model's target is (a prediction of RUL_CAP means "at least that many").
 */
export function knownTrueRul(metadata: Record<string, unknown>): number | null {
  if (metadata['source'] !== 'cmapss_fd001') return null;
  const unit = metadata['unit'];
  const cycle = metadata['cycle'];
  if (typeof unit !== 'number' || typeof cycle !== 'number') return null;
  return Math.min(cmapssEngine(unit).length - cycle, RUL_CAP);
}

/**
 * The RUL regressor's shadow page: for each asset production evaluated in the period, each recorded
 * evaluation's window rebuilt as it stood then (readings up to the recorded data_until, the roles
 * attached then), through the candidate version; set beside production's recorded RUL and interval
 * and the truth where known. The cursor's id is the last asset replayed; a retry resumes after the
 * last heartbeat.
 */
export async function scoreRulShadowPage(
  input: ScoreShadowPageInput,
  candidate: { name: string; version: string },
  deps: { sql: postgres.Sql; registry: ModelRegistry },
): Promise<ScoreShadowPageResult> {
  const ctx = Context.current();
  const resumed = ctx.info.heartbeatDetails as { cursor: ShadowCursor | null; tally: ShadowTally; versions: string[] } | undefined;
  let cursor = resumed?.cursor ?? input.after;
  const tally = resumed?.tally ?? emptyTally();
  const versions = new Set(resumed?.versions ?? []);
  const from = new Date(input.from);
  const to = new Date(input.to);
  // Every RUL model's recorded evaluations are what production said (the name may change between versions).
  const models = (await deps.registry.listModels()).filter((m) => m.task === 'rul_regression').map((m) => m.name);
  const assets = await assetsWithRulEvaluationsBetween({ models, from, to, after: cursor?.id ?? null, limit: ASSETS_PER_CALL }, deps.sql);
  for (const asset of assets) {
    const recorded = await recordedRulEvaluations(asset.id, models, from, to, deps.sql);
    const windows: { row: (typeof recorded)[number]; trajectory: RulCycle[]; truth: number | null }[] = [];
    let unusable = 0;
    for (const [i, row] of recorded.entries()) {
      // An asset with months of evaluations takes a while: beat with the previous asset's cursor,
      // so a retry replays this asset from its start (its tally is added only once it is done).
      if (i > 0 && i % WINDOWS_PER_BEAT === 0) ctx.heartbeat({ cursor, tally, versions: [...versions] });
      const w = await rulWindowUntil(asset.id, asset.roles, row.data_until, deps.sql);
      // The window is gone (readings purged, roles re-attached): nothing the candidate could be asked.
      if (!w) unusable++;
      else windows.push({ row, trajectory: w.trajectory, truth: knownTrueRul(w.lastMetadata) });
    }
    const evals: RulEvaluation[] = [];
    for (let i = 0; i < windows.length; i += MAX_RUL_BATCH) {
      const batch = windows.slice(i, i + MAX_RUL_BATCH);
      const scored = await predictRulBatch(
        batch.map((w) => w.trajectory),
        { modelName: candidate.name, modelVersion: candidate.version, registry: deps.registry },
      );
      batch.forEach((w, j) => {
        versions.add(`${w.row.model_name}@${w.row.model_version}`);
        const c = scored[j]!;
        evals.push({
          id: w.row.id,
          at: w.row.evaluated_at.toISOString(),
          production: { rul: w.row.rul, lower: w.row.rul_lower, upper: w.row.rul_upper },
          candidate: { rul: c.rul, lower: c.interval.lower, upper: c.interval.upper },
          truth: w.truth,
        });
      });
    }
    tally.unusable += unusable;
    if (evals.length) addAssetRul(tally, asset.id, asset.planning_horizon_cycles, evals);
    cursor = { at: input.from, id: asset.id };
    ctx.heartbeat({ cursor, tally, versions: [...versions] });
  }
  return { tally, cursor, done: assets.length < ASSETS_PER_CALL, productionVersions: [...versions] };
}
