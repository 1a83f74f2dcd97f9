import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { insertReport, findReportByDedupKey } from '../db/reports';
import { shadowInputsPage } from '../db/shadowEvaluation';
import { addCase, emptyTally, shadowReportBody, type HumanVerdict, type ShadowCursor, type ShadowTally } from '../domain/shadowEvaluation';
import { defaultModelRegistry, failureFeaturesSchema, predictFailureBatch, type FailureFeatures, type ModelRegistry } from '../models';
import { reportCsv } from '../reports/csv';
import { renderReportPdf } from '../reports/pdf';
import type { ScoreShadowPageInput, ScoreShadowPageResult, StoreShadowReportInput } from '../workflows/activityContracts';
import { scoreAnomalyShadowPage } from './anomalyShadow';
import { scoreRulShadowPage } from './rulShadow';
import { withDomainFailures } from './failures';

/** Rows read and scored per ONNX call; one heartbeat each. */
const CHUNK = 500;

/**
 * The shadow evaluator (part of the LearningAgent's model work): re-scores a period's stored
 * classifier inputs with a candidate version and tallies the differences. One activity call covers
 * up to `maxRecords`, heartbeating its cursor and tally after every chunk, so a retry after a crash
 * resumes where the last heartbeat left off instead of starting the page again.
 */
export function createShadowEvaluationActivities(deps: { sql: postgres.Sql; registry?: ModelRegistry; chunkSize?: number }) {
  const registry = () => deps.registry ?? defaultModelRegistry();

  return withDomainFailures({
    async scoreShadowPage(input: ScoreShadowPageInput): Promise<ScoreShadowPageResult> {
      const candidate = await registry().resolve(input.candidateName, input.candidateVersion);
      if (candidate.task === 'anomaly_detection') return scoreAnomalyShadowPage(input, candidate, { sql: deps.sql, registry: registry() });
      if (candidate.task === 'rul_regression') return scoreRulShadowPage(input, candidate, { sql: deps.sql, registry: registry() });
      // Every classifier's stored predictions are what production said (the model may change name between versions).
      const models = (await registry().listModels()).filter((m) => m.task === 'binary_classification').map((m) => m.name);
      const ctx = Context.current();
      const resumed = ctx.info.heartbeatDetails as { cursor: ShadowCursor | null; tally: ShadowTally; versions: string[] } | undefined;
      let cursor = resumed?.cursor ?? input.after;
      const tally = resumed?.tally ?? emptyTally();
      const versions = new Set(resumed?.versions ?? []);
      let done = false;
      while (tally.records + tally.unusable < input.maxRecords) {
        const limit = Math.min(deps.chunkSize ?? CHUNK, input.maxRecords - tally.records - tally.unusable);
        const rows = await shadowInputsPage({ models, from: new Date(input.from), to: new Date(input.to), after: cursor, limit }, deps.sql);
        if (rows.length === 0) {
          done = true;
          break;
        }
        const usable: { row: (typeof rows)[number]; features: FailureFeatures }[] = [];
        for (const row of rows) {
          const parsed = failureFeaturesSchema.safeParse(row.features);
          if (parsed.success) usable.push({ row, features: parsed.data });
          else tally.unusable++;
        }
        const scored = usable.length
          ? await predictFailureBatch(
              usable.map((u) => u.features),
              { modelName: candidate.name, modelVersion: candidate.version, registry: registry() },
            )
          : null;
        usable.forEach(({ row }, i) => {
          versions.add(`${row.model}@${row.version}`);
          const human: HumanVerdict = row.human === 'approved' || row.human === 'rejected' ? row.human : null;
          addCase(tally, {
            id: row.id,
            at: row.created_at.toISOString(),
            production: row.prediction === 1 ? 1 : 0,
            production_probability: row.probability,
            candidate: scored!.predictions[i]!,
            candidate_probability: scored!.probabilities[i]!,
            human,
          });
        });
        const last = rows[rows.length - 1]!;
        cursor = { at: last.created_at.toISOString(), id: last.id };
        ctx.heartbeat({ cursor, tally, versions: [...versions] });
        if (rows.length < limit) {
          done = true;
          break;
        }
      }
      return { tally, cursor, done, productionVersions: [...versions] };
    },

    async storeShadowReport(input: StoreShadowReportInput): Promise<{ id: string; created_at: string }> {
      const existing = await findReportByDedupKey(input.dedupKey, deps.sql);
      if (existing) return { id: existing.id, created_at: existing.created_at };
      const body = shadowReportBody({
        candidate: { name: input.candidateName, version: input.candidateVersion },
        production: { versions: input.productionVersions },
        period: { from: input.from, to: input.to },
        costs: input.costs,
        tally: input.tally,
      });
      const id = randomUUID();
      const createdAt = new Date();
      const { report } = await insertReport(
        {
          id,
          reportType: 'shadow_evaluation',
          parameters: {
            model: input.candidateName,
            version: input.candidateVersion,
            from: input.from,
            to: input.to,
            costs: input.costs,
            winner: body.summary.winner,
          },
          body,
          csv: reportCsv(body),
          pdf: await renderReportPdf(body, { id, createdAt }),
          workflowId: input.workflowId,
          dedupKey: input.dedupKey,
          createdAt,
        },
        deps.sql,
      );
      return { id: report.id, created_at: report.created_at };
    },
  });
}
