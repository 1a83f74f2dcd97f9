import { continueAsNew, defineQuery, workflowInfo } from '@temporalio/workflow';
import {
  emptyTally,
  mergeTallies,
  verdict,
  type ShadowCosts,
  type ShadowCursor,
  type ShadowTally,
  type ShadowVerdict,
} from '../domain/shadowEvaluation';
import { shadowAgents } from './agents';
import { withProgress } from './withProgress';

export interface ShadowEvaluationInput {
  candidateName: string;
  candidateVersion: string;
  /** ISO instants, pinned by the API: the period [from, to) re-scored. */
  from: string;
  to: string;
  /** The cost figures used, recorded with the report. */
  costs: ShadowCosts;
  /** Records one activity call scores before reporting back (a heartbeat every 500). */
  recordsPerCall?: number;
  /** Carried across continue-as-new on very long periods. */
  resume?: { cursor: ShadowCursor | null; tally: ShadowTally; productionVersions: string[]; calls: number };
}

export interface ShadowEvaluationProgress {
  status: 'scoring' | 'completed' | 'failed';
  candidate: { name: string; version: string };
  period: { from: string; to: string };
  records: number;
  verdict: ShadowVerdict | null;
  report_id: string | null;
}

export const shadowEvaluationProgress = defineQuery<ShadowEvaluationProgress>('progress');

/** Calls per run before the history is rolled over (each call adds a handful of events). */
const CALLS_PER_RUN = 200;

/**
 * Re-scores a past period's stored inputs with a candidate version (a classifier's features, a
 * detector's readings, an RUL regressor's asset windows: the activity picks by the model's task),
 * page by page (each page resumable from its heartbeat), then stores the comparison as a report
 * (JSON, CSV, PDF).
 */
export async function shadowEvaluation(input: ShadowEvaluationInput): Promise<ShadowEvaluationProgress> {
  const { workflowId } = workflowInfo();
  let tally = input.resume?.tally ?? emptyTally();
  let cursor = input.resume?.cursor ?? null;
  const versions = new Set(input.resume?.productionVersions ?? []);
  const progress: ShadowEvaluationProgress = {
    status: 'scoring',
    candidate: { name: input.candidateName, version: input.candidateVersion },
    period: { from: input.from, to: input.to },
    records: tally.records,
    verdict: null,
    report_id: null,
  };
  return withProgress({ query: shadowEvaluationProgress, progress, stage: 'shadow_scoring', completed: 'completed' }, async () => {
    for (let call = 0; ; call++) {
      if (call >= CALLS_PER_RUN) {
        await continueAsNew<typeof shadowEvaluation>({
          ...input,
          resume: { cursor, tally, productionVersions: [...versions], calls: (input.resume?.calls ?? 0) + call },
        });
      }
      const page = await shadowAgents.scoreShadowPage({
        candidateName: input.candidateName,
        candidateVersion: input.candidateVersion,
        from: input.from,
        to: input.to,
        after: cursor,
        maxRecords: input.recordsPerCall ?? 5000,
      });
      tally = mergeTallies(tally, page.tally);
      cursor = page.cursor ?? cursor;
      page.productionVersions.forEach((v) => versions.add(v));
      progress.records = tally.records;
      if (page.done) break;
    }
    progress.verdict = verdict(tally, input.costs);
    const report = await shadowAgents.storeShadowReport({
      candidateName: input.candidateName,
      candidateVersion: input.candidateVersion,
      from: input.from,
      to: input.to,
      costs: input.costs,
      tally,
      productionVersions: [...versions].sort(),
      workflowId,
      dedupKey: `shadow:${workflowId}`,
    });
    progress.report_id = report.id;
  });
}
