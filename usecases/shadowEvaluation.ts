import { randomUUID } from 'node:crypto';
import { listShadowReports } from '../db/shadowEvaluation';
import { NotFound } from '../domain/errors';
import { defaultModelRegistry, ModelNotFoundError, type ModelRegistry, type ResolvedModel } from '../models';
import { resolvePeriod } from '../reports/period';
import type { shadowEvaluation, ShadowEvaluationInput } from '../workflows/shadowEvaluation';
import type { AppDeps } from './deps';
import { startWorkflow } from './startWorkflow';

type Deps = Pick<AppDeps, 'temporal' | 'config' | 'sql'>;

/** A registered version (enabled or not: a candidate may be switched off until it proves itself). */
export async function findModelVersion(
  name: string,
  version: string,
  registry: ModelRegistry = defaultModelRegistry(),
): Promise<ResolvedModel> {
  try {
    const found = (await registry.listVersions(name)).find((v) => v.version === version);
    if (!found) throw new NotFound(`Model "${name}" has no version "${version}"`);
    return found;
  } catch (err) {
    if (err instanceof ModelNotFoundError) throw new NotFound(err.message);
    throw err;
  }
}

/**
 * Starts a shadow evaluation of a model version (classifier, detector or RUL regressor) over a past period (default: the last 30
 * days). The period is pinned now, so the run covers exactly it; the cost figures come from the
 * configuration and travel with the run into its report.
 */
export async function startShadowEvaluation(
  deps: Deps,
  o: { name: string; version: string; from?: string; to?: string; startedBy?: string },
  now = new Date(),
) {
  // Every task has a shadow: classifiers re-score stored features; anomaly detectors replay the
  // period's readings; RUL regressors re-run the assets' recorded evaluations on their windows as they stood.
  await findModelVersion(o.name, o.version);
  const to = o.to ?? now.toISOString();
  const period = resolvePeriod({ from: o.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString(), to }, now);
  const input: ShadowEvaluationInput = {
    candidateName: o.name,
    candidateVersion: o.version,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    costs: { missed_failure: deps.config.SHADOW_COST_MISSED_FAILURE, extra_order: deps.config.SHADOW_COST_EXTRA_ORDER },
  };
  const workflowId = `shadow-${o.name}-${o.version}-${randomUUID()}`;
  const links = await startWorkflow<typeof shadowEvaluation>(deps, 'shadowEvaluation', {
    workflowId,
    startedBy: o.startedBy,
    args: [input],
  });
  return { ...links, model: o.name, version: o.version, from: input.from, to: input.to, costs: input.costs };
}

export async function shadowReportsOf(deps: Pick<AppDeps, 'sql'>, name: string, version: string) {
  await findModelVersion(name, version);
  return listShadowReports(name, version, deps.sql);
}
