import { condition, defineQuery, defineUpdate, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Identity } from '../domain/identity';
import { durableAgents } from './agents';

export interface ModelPromotionInput {
  model: string;
  version: string;
  /** The fresh shadow report the API found: the evidence the promotion rests on. */
  evidenceReportId: string;
  requestedBy: Identity;
  justification: string;
  approvalTimeoutMs: number;
}

export interface PromotionDecisionInput {
  decision: 'approved' | 'rejected';
  justification: string;
  /** The approver, as the API authenticated them (a key with models:promote). */
  identity: Identity;
}

export interface PromotionOutcome {
  status: 'awaiting_approval' | 'approved' | 'rejected' | 'expired';
  model: string;
  version: string;
  evidence_report_id: string;
  deadline: string;
  decided_by: Identity | null;
  /** The recorded stage move, once approved. */
  stage_change_id: string | null;
}

/** An engineer approves or rejects; refused (409) when the promotion was already decided. */
export const decidePromotionUpdate = defineUpdate<PromotionOutcome, [PromotionDecisionInput]>('decidePromotion');
export const modelPromotionProgress = defineQuery<PromotionOutcome>('progress');

/**
 * Moving a version to Production: open a request, wait for an engineer's decision until the
 * deadline, then record the move (approved) or close the request (rejected, expired).
 */
export async function modelPromotion(input: ModelPromotionInput): Promise<PromotionOutcome> {
  const { workflowId } = workflowInfo();
  const deadline = new Date(Date.now() + input.approvalTimeoutMs);
  const outcome: PromotionOutcome = {
    status: 'awaiting_approval',
    model: input.model,
    version: input.version,
    evidence_report_id: input.evidenceReportId,
    deadline: deadline.toISOString(),
    decided_by: null,
    stage_change_id: null,
  };
  let decision: PromotionDecisionInput | null = null;
  let settled = false;
  setHandler(modelPromotionProgress, () => outcome);
  setHandler(
    decidePromotionUpdate,
    async (d) => {
      decision = d;
      await condition(() => settled);
      return outcome;
    },
    {
      validator: (d) => {
        if (decision || settled) throw new Error('already_decided: this promotion was already decided');
        if (d.decision !== 'approved' && d.decision !== 'rejected')
          throw new Error('invalid_decision: decision must be approved or rejected');
        if (!d.identity || !d.justification) throw new Error('invalid_decision: an identity and a justification are required');
      },
    },
  );

  await durableAgents.openModelPromotion({
    requestId: workflowId,
    model: input.model,
    version: input.version,
    evidenceReportId: input.evidenceReportId,
    requestedBy: input.requestedBy,
    justification: input.justification,
    deadline: outcome.deadline,
  });
  const decided = await condition(() => decision !== null, input.approvalTimeoutMs);
  const d = decision as PromotionDecisionInput | null;
  if (decided && d?.decision === 'approved') {
    const change = await durableAgents.applyModelPromotion({
      model: input.model,
      version: input.version,
      evidenceReportId: input.evidenceReportId,
      approvedBy: d.identity,
      justification: d.justification,
      workflowId,
      dedupKey: `${workflowId}:promote`,
    });
    outcome.stage_change_id = change.id;
  }
  outcome.status = decided && d ? d.decision : 'expired';
  outcome.decided_by = d?.identity ?? null;
  await durableAgents.closeModelPromotion({
    requestId: workflowId,
    status: outcome.status === 'approved' ? 'approved' : outcome.status === 'rejected' ? 'rejected' : 'expired',
    decidedBy: d?.identity ?? null,
    justification: d?.justification ?? null,
  });
  settled = true;
  return outcome;
}
