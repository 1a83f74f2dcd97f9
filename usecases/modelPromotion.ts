/**
 * Gated promotion: a version reaches Production only through the modelPromotion workflow, which
 * needs a fresh shadow report (checked here, before it starts) and an engineer's approval (a
 * decision update with a deadline); rollback returns to the version a promotion displaced. Every
 * move is an append-only row naming who and on which evidence.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  closePromotionRequest,
  freshShadowReport,
  getPromotionRequest,
  insertStageChange,
  listPromotionRequests,
  listStageChanges,
  recordedProductionVersions,
  type StageChange,
} from '../db/modelStages';
import type { Sql } from '../db/sql';
import { Conflict, NotFound } from '../domain/errors';
import type { Identity } from '../domain/identity';
import { defaultModelRegistry, type ModelRegistry } from '../models';
import type { modelPromotion, ModelPromotionInput, PromotionDecisionInput, PromotionOutcome } from '../workflows/modelPromotion';
import type { AppDeps } from './deps';
import { findModelVersion } from './shadowEvaluation';
import { startWorkflow } from './startWorkflow';

type Deps = Pick<AppDeps, 'sql' | 'temporal' | 'config'>;

/** The version in Production now: the newest recorded move there, else the manifest's. */
export async function productionVersion(sql: Sql, model: string, registry: ModelRegistry = defaultModelRegistry()): Promise<string | null> {
  const recorded = (await recordedProductionVersions(sql)).get(model);
  if (recorded) return recorded;
  return (await registry.listVersions(model)).find((v) => v.stage === 'Production')?.version ?? null;
}

/** A version's stage now: Production when it is the production version; otherwise the manifest's, demoted from a displaced Production. */
export async function stageNow(
  sql: Sql,
  model: string,
  version: string,
  registry: ModelRegistry = defaultModelRegistry(),
): Promise<string> {
  if ((await productionVersion(sql, model, registry)) === version) return 'Production';
  const stage = (await findModelVersion(model, version, registry)).stage;
  return stage === 'Production' ? 'Staging' : stage;
}

export async function requestPromotion(
  deps: Deps,
  o: { name: string; version: string; justification: string; identity: Identity },
  now = new Date(),
) {
  const model = await findModelVersion(o.name, o.version);
  if (!model.enabled) throw new Conflict(`${o.name} ${o.version} is disabled in the registry and cannot serve`, 'model_disabled');
  if ((await productionVersion(deps.sql, o.name)) === o.version) {
    throw new Conflict(`${o.name} ${o.version} is already in Production`, 'already_production');
  }
  const maxAgeHours = deps.config.PROMOTION_MAX_REPORT_AGE_HOURS;
  const { fresh, newest } = await freshShadowReport(o.name, o.version, new Date(now.getTime() - maxAgeHours * 3_600_000), deps.sql);
  if (!fresh) {
    const reason = newest
      ? `the newest shadow report of ${o.name} ${o.version} (${newest.id}, ${newest.created_at.toISOString()}) is older than ${maxAgeHours} h`
      : `${o.name} ${o.version} has no shadow report`;
    throw new Conflict(`Promotion refused: ${reason}; run a shadow evaluation first`, 'no_fresh_shadow_report', {
      max_report_age_hours: maxAgeHours,
      newest_report_id: newest?.id ?? null,
      newest_report_at: newest?.created_at.toISOString() ?? null,
    });
  }
  const pending = (await listPromotionRequests(o.name, deps.sql)).find((r) => r.status === 'open');
  if (pending) {
    throw new Conflict(`A promotion of ${o.name} ${pending.version} awaits approval (${pending.id})`, 'promotion_pending', {
      request_id: pending.id,
    });
  }
  const workflowId = `promote-${o.name}-${o.version}-${now.getTime()}`;
  const input: ModelPromotionInput = {
    model: o.name,
    version: o.version,
    evidenceReportId: fresh.id,
    requestedBy: o.identity,
    justification: o.justification,
    approvalTimeoutMs: deps.config.PROMOTION_APPROVAL_TIMEOUT_HOURS * 3_600_000,
  };
  const links = await startWorkflow<typeof modelPromotion>(deps, 'modelPromotion', {
    workflowId,
    startedBy: o.identity.key_id ?? undefined,
    args: [input],
  });
  return { ...links, request_id: workflowId, model: o.name, version: o.version, evidence_report_id: fresh.id };
}

/** An engineer's approval or rejection, delivered to the waiting promotion workflow (which records it). */
export async function decidePromotion(
  deps: Pick<AppDeps, 'sql' | 'temporal'>,
  o: { requestId: string; decision: 'approved' | 'rejected'; justification: string; identity: Identity },
): Promise<PromotionOutcome> {
  const request = await getPromotionRequest(o.requestId, deps.sql);
  if (!request) throw new NotFound(`No promotion request ${o.requestId}`);
  if (request.status !== 'open') throw new Conflict(`Promotion request ${o.requestId} is already ${request.status}`, 'already_decided');
  const input: PromotionDecisionInput = { decision: o.decision, justification: o.justification, identity: o.identity };
  try {
    return await deps.temporal.client.workflow
      .getHandle(o.requestId)
      .executeUpdate<PromotionOutcome, [PromotionDecisionInput]>('decidePromotion', { args: [input] });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new NotFound(`Promotion workflow ${o.requestId} is not running`);
    if (err instanceof WorkflowUpdateFailedError) {
      const message = err.cause?.message ?? err.message;
      throw new Conflict(message.replace(/^\w+:\s*/, ''), /^(\w+):/.exec(message)?.[1] ?? 'decision_refused');
    }
    throw err;
  }
}

/** Records a promotion the workflow's approval allows (the activity calls it; idempotent by dedup key). */
export async function applyPromotion(
  sql: Sql,
  o: {
    model: string;
    version: string;
    evidenceReportId: string;
    approvedBy: Identity;
    justification: string;
    workflowId: string;
    dedupKey: string;
  },
  registry: ModelRegistry = defaultModelRegistry(),
): Promise<StageChange> {
  const replaced = await productionVersion(sql, o.model, registry);
  return insertStageChange(
    {
      model: o.model,
      version: o.version,
      from_stage: replaced === o.version ? 'Production' : await stageNow(sql, o.model, o.version, registry),
      to_stage: 'Production',
      action: 'promote',
      replaced_version: replaced === o.version ? null : replaced,
      evidence_report_id: o.evidenceReportId,
      by: o.approvedBy,
      justification: o.justification,
      workflow_id: o.workflowId,
      dedupKey: o.dedupKey,
    },
    sql,
  );
}

/** One call back to the version the current Production one displaced; audited like a promotion. */
export async function rollbackModel(deps: Pick<AppDeps, 'sql'>, o: { name: string; justification: string; identity: Identity }) {
  await defaultModelRegistry()
    .listVersions(o.name)
    .catch(() => {
      throw new NotFound(`Model "${o.name}" is not in the registry`);
    });
  return deps.sql.begin(async (tx) => {
    // One rollback at a time per model: the second waits, then finds the first's result.
    await tx`select pg_advisory_xact_lock(hashtext(${`model-stage:${o.name}`}))`;
    const current = await productionVersion(tx, o.name);
    const made = (await listStageChanges(o.name, tx)).find((c) => c.to_stage === 'Production' && c.version === current);
    if (!current || !made?.replaced_version) {
      throw new Conflict(`${o.name} has no earlier Production version to roll back to`, 'nothing_to_roll_back');
    }
    return insertStageChange(
      {
        model: o.name,
        version: made.replaced_version,
        from_stage: await stageNow(tx, o.name, made.replaced_version),
        to_stage: 'Production',
        action: 'rollback',
        replaced_version: current,
        evidence_report_id: null,
        by: o.identity,
        justification: o.justification,
        workflow_id: null,
        dedupKey: `rollback:${o.name}:${made.id}`,
      },
      tx,
    );
  });
}

/** What the Model Metadata page shows: the Production version, the pending promotion, the history. */
export async function promotionOverview(deps: Pick<AppDeps, 'sql'>, name: string) {
  const production = await productionVersion(deps.sql, name).catch(() => {
    throw new NotFound(`Model "${name}" is not in the registry`);
  });
  const requests = await listPromotionRequests(name, deps.sql);
  return {
    model: name,
    production_version: production,
    pending: requests.find((r) => r.status === 'open') ?? null,
    requests,
    history: await listStageChanges(name, deps.sql),
  };
}

export { closePromotionRequest };
