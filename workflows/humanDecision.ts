import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';
import type { Identity } from '../domain/identity';

export type DecisionValue = 'approved' | 'rejected' | 'escalated';

export interface DecisionInput {
  decision: DecisionValue;
  operator_id: string;
  justification: string;
  request_id?: string;
  /**
   * Who decided, as the API authenticated it (never the body's operator_id). Added to the payload
   * after histories were recorded: an extra field changes no command, and an old payload without
   * it replays unchanged.
   */
  identity?: Identity;
}

export interface RecordedDecision {
  id: string;
  request_id: string;
  decision: DecisionValue;
  operator_id: string;
  justification: string;
  source: string;
  created_at: string;
  decided_by?: Identity | null;
}

export type DecisionSource = 'signal' | 'update' | 'auto' | 'timeout_policy';

/** The human decision, as the design's signal. */
export const decisionSignal = defineSignal<[DecisionInput]>('decision');
/** The same, as an update that validates and returns the recorded decision (the REST path uses it). */
export const submitDecisionUpdate = defineUpdate<RecordedDecision, [DecisionInput]>('submitDecision');

const DECISIONS: readonly string[] = ['approved', 'rejected', 'escalated'];

/**
 * Holds the one decision a workflow accepts. A second decision, or one before the request is
 * open, is refused by the update validator (the API turns that into a 409 or 404); a late signal
 * is ignored, since signals cannot be refused.
 */
export class DecisionGate {
  requestId: string | null = null;
  pending: (DecisionInput & { source: DecisionSource }) | null = null;
  recorded: RecordedDecision | null = null;

  install(): void {
    setHandler(decisionSignal, (input) => {
      if (this.requestId && !this.pending && DECISIONS.includes(input.decision)) this.pending = { ...input, source: 'signal' };
    });
    setHandler(
      submitDecisionUpdate,
      async (input) => {
        this.pending = { ...input, source: 'update' };
        await condition(() => this.recorded !== null);
        return this.recorded!;
      },
      {
        validator: (input) => {
          if (!this.requestId) throw new Error('no_decision_requested: this workflow is not waiting for a decision');
          if (this.pending) throw new Error('already_decided: a decision was already made for this request');
          if (input.request_id && input.request_id !== this.requestId)
            throw new Error(`unknown_request: this workflow waits for ${this.requestId}`);
          if (!DECISIONS.includes(input.decision)) throw new Error('invalid_decision: decision must be approved, rejected or escalated');
          if (!input.operator_id || !input.justification) throw new Error('invalid_decision: operator_id and justification are required');
        },
      },
    );
  }

  /**
   * Waits for a decision until the deadline, calling `onReminder` once at half time. Returns the
   * decision, or null when the deadline passed.
   */
  async wait(timeoutMs: number, onReminder: () => Promise<void>): Promise<(DecisionInput & { source: DecisionSource }) | null> {
    const half = Math.floor(timeoutMs / 2);
    if (await condition(() => this.pending !== null, half)) return this.pending;
    await onReminder();
    if (await condition(() => this.pending !== null, timeoutMs - half)) return this.pending;
    return null;
  }
}
