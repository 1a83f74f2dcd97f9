import { condition, defineSignal, defineUpdate, patched, setHandler } from '@temporalio/workflow';
import type { Identity } from '../domain/identity';
import { approvalRefusal, SERVICE_SECOND_APPROVAL, type ApprovalPolicy } from '../domain/approvalPolicy';

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
  /** Four eyes: this is the first of two approvals; the order waits for a second person. */
  awaiting_second_approval?: boolean;
}

export type DecisionSource = 'signal' | 'update' | 'auto' | 'timeout_policy';

/** The human decision, as the design's signal. */
export const decisionSignal = defineSignal<[DecisionInput]>('decision');
/** The same, as an update that validates and returns the recorded decision (the REST path uses it). */
export const submitDecisionUpdate = defineUpdate<RecordedDecision, [DecisionInput]>('submitDecision');

const DECISIONS: readonly string[] = ['approved', 'rejected', 'escalated'];

/** Marks runs whose gate refuses a service account's second four-eyes approval sent as a signal. */
export const SERVICE_SECOND_APPROVAL_PATCH = 'four-eyes-service-account-second-approval';

/**
 * Holds the one decision a workflow accepts. A second decision, or one before the request is
 * open, is refused by the update validator (the API turns that into a 409 or 404); a late signal
 * is ignored, since signals cannot be refused.
 */
export class DecisionGate {
  requestId: string | null = null;
  pending: (DecisionInput & { source: DecisionSource }) | null = null;
  recorded: RecordedDecision | null = null;
  /** Who may approve the order (from the scheduling agent's proposal); undefined: anyone who may decide. */
  policy: ApprovalPolicy | undefined;
  /** Four eyes: the first approval, recorded, while the order waits for a second person. */
  first: { input: DecisionInput & { source: DecisionSource }; recorded: RecordedDecision } | null = null;

  /** Why this decision may not be taken (role, four eyes), or null. Only approvals are held to it. */
  private refusal(input: DecisionInput): string | null {
    if (input.decision !== 'approved') return null;
    return approvalRefusal(this.policy, input.identity, this.first?.input.identity ?? null);
  }

  /**
   * The refusal for a signal. A service account's second approval used to be taken; a history that
   * recorded one must replay as it ran, so that refusal applies only past the patch marker.
   * (The update validator needs no marker: validators do not run on replay.)
   */
  private signalRefusal(input: DecisionInput): string | null {
    const refused = this.refusal(input);
    if (refused === SERVICE_SECOND_APPROVAL && !patched(SERVICE_SECOND_APPROVAL_PATCH)) return null;
    return refused;
  }

  /** An approval by a person that four eyes requires a second person to confirm. */
  needsSecondApproval(chosen: DecisionInput & { source: DecisionSource }): boolean {
    return chosen.decision === 'approved' && this.policy?.approvals === 2 && !this.first && chosen.identity?.kind === 'user';
  }

  /** Holds the recorded first approval and opens the gate for the second decision. */
  holdFirst(chosen: DecisionInput & { source: DecisionSource }, recorded: RecordedDecision): void {
    this.first = { input: chosen, recorded };
    this.pending = null;
  }

  install(): void {
    setHandler(decisionSignal, (input) => {
      // Signals cannot be refused: one the gate would refuse is ignored, like a late one.
      if (this.requestId && !this.pending && DECISIONS.includes(input.decision) && !this.signalRefusal(input)) {
        this.pending = { ...input, source: 'signal' };
      }
    });
    setHandler(
      submitDecisionUpdate,
      async (input) => {
        const mine: DecisionInput & { source: DecisionSource } = { ...input, source: 'update' };
        this.pending = mine;
        // A first of two approvals is answered once it is recorded; any other once the decision is.
        await condition(() => this.recorded !== null || this.first?.input === mine);
        return this.recorded ?? this.first!.recorded;
      },
      {
        validator: (input) => {
          if (!this.requestId) throw new Error('no_decision_requested: this workflow is not waiting for a decision');
          if (this.pending) throw new Error('already_decided: a decision was already made for this request');
          if (input.request_id && input.request_id !== this.requestId)
            throw new Error(`unknown_request: this workflow waits for ${this.requestId}`);
          if (!DECISIONS.includes(input.decision)) throw new Error('invalid_decision: decision must be approved, rejected or escalated');
          if (!input.operator_id || !input.justification) throw new Error('invalid_decision: operator_id and justification are required');
          const refused = this.refusal(input);
          if (refused) throw new Error(refused);
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
