import { z } from 'zod';

/**
 * The decision settings a workflow start may carry, shared by every start body. The server keeps
 * the timeout policy (DECISION_TIMEOUT_POLICY) and the floor on deadlines; a body only proposes.
 */
export function decisionTimeoutField(defaultSeconds: number) {
  return z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(defaultSeconds)
    .describe("At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY");
}

export const autoDecisionField = z
  .enum(['approved', 'rejected', 'escalated'])
  .nullable()
  .default(null)
  .describe('Demo only: refused unless the server sets DEMO_AUTO_DECISIONS, and then only for demo sensors');
