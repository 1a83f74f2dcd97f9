import type postgres from 'postgres';
import { openPromotionRequest } from '../db/modelStages';
import type { ModelRegistry } from '../models';
import { applyPromotion, closePromotionRequest } from '../usecases/modelPromotion';
import type { ApplyModelPromotionInput, CloseModelPromotionInput, OpenModelPromotionInput } from '../workflows/activityContracts';
import { withDomainFailures } from './failures';

/** The registry's side of a promotion: the request, the recorded stage move, the closing. All idempotent. */
export function createModelPromotionActivities(deps: { sql: postgres.Sql; registry?: ModelRegistry }) {
  return withDomainFailures({
    async openModelPromotion(input: OpenModelPromotionInput): Promise<void> {
      await openPromotionRequest(
        {
          id: input.requestId,
          model: input.model,
          version: input.version,
          evidenceReportId: input.evidenceReportId,
          requestedBy: input.requestedBy,
          justification: input.justification,
          deadline: new Date(input.deadline),
        },
        deps.sql,
      );
    },
    async applyModelPromotion(input: ApplyModelPromotionInput): Promise<{ id: string }> {
      const change = await applyPromotion(deps.sql, input, deps.registry);
      return { id: change.id };
    },
    async closeModelPromotion(input: CloseModelPromotionInput): Promise<void> {
      await closePromotionRequest(
        { id: input.requestId, status: input.status, decidedBy: input.decidedBy, justification: input.justification },
        deps.sql,
      );
    },
  });
}
