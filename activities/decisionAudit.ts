import { ApplicationFailure } from '@temporalio/activity';
import type postgres from 'postgres';
import { z } from 'zod';
import { DECISIONS, DECISION_SOURCES, findDecisionByDedupKey, getDecision, recordDecision, type DecisionView } from '../db/decisions';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';
import { identitySchema } from '../domain/identitySchema';

const text = (max: number) => z.string().trim().min(1).max(max);

const decisionInput = z.object({
  requestId: text(200),
  decision: z.enum(DECISIONS),
  operatorId: text(200),
  justification: text(4000),
  workflowId: text(300).optional(),
  correlationId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  source: z.enum(DECISION_SOURCES),
  dedupKey: text(300),
  decidedBy: identitySchema.nullable().optional(),
});

const correctionInput = z.object({
  /** The id of the decision this one replaces; request, workflow, correlation and order are inherited from it. */
  supersedes: z.uuid(),
  decision: z.enum(DECISIONS),
  operatorId: text(200),
  justification: text(4000),
  source: z.enum(DECISION_SOURCES).default('api'),
  dedupKey: text(300),
  decidedBy: identitySchema.nullable().optional(),
});

export type RecordDecisionInput = z.input<typeof decisionInput>;
export type RecordCorrectionInput = z.input<typeof correctionInput>;

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput([], `invalid decision: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** Constraint violations are facts about the input, not transient faults: retrying cannot help. */
function asNonRetryable(err: unknown): never {
  const e = err as { code?: string; constraint_name?: string; message?: string };
  if (e.code === '23505' && e.constraint_name === 'human_decisions_one_correction') {
    throw ApplicationFailure.nonRetryable('that decision has already been corrected; correct the newest one', 'AlreadyCorrected');
  }
  if (e.code === '23503') throw ApplicationFailure.nonRetryable(`a referenced row does not exist: ${e.message}`, 'UnknownReference');
  throw err;
}

export interface DecisionAuditDeps {
  sql: postgres.Sql;
}

/**
 * DecisionAuditAgent: every human decision stored immutably (who, when, why, what it applied to).
 * The table refuses UPDATE and DELETE; a correction is a new row pointing at the one it replaces.
 */
export function createDecisionAuditActivities(deps: DecisionAuditDeps) {
  return withDomainFailures({
    async recordDecision(raw: RecordDecisionInput): Promise<DecisionView> {
      const input = parseInput(decisionInput, raw);
      try {
        return (await recordDecision(input, deps.sql)).decision;
      } catch (err) {
        return asNonRetryable(err);
      }
    },

    async recordCorrection(raw: RecordCorrectionInput): Promise<DecisionView> {
      const input = parseInput(correctionInput, raw);
      // A retried correction finds its own row before the "already corrected" rule would refuse it.
      const existing = await findDecisionByDedupKey(input.dedupKey, deps.sql);
      if (existing) return existing;
      const original = await getDecision(input.supersedes, deps.sql);
      if (!original) throw ApplicationFailure.nonRetryable(`decision ${input.supersedes} does not exist`, 'UnknownDecision');
      try {
        const { decision } = await recordDecision(
          {
            requestId: original.request_id,
            workflowId: original.workflow_id,
            correlationId: original.correlation_id,
            orderId: original.order_id,
            decision: input.decision,
            operatorId: input.operatorId,
            justification: input.justification,
            source: input.source,
            supersedes: original.id,
            dedupKey: input.dedupKey,
            decidedBy: input.decidedBy,
          },
          deps.sql,
        );
        return decision;
      } catch (err) {
        return asNonRetryable(err);
      }
    },
  });
}
