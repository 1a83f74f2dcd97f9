/**
 * The domain's error taxonomy: what went wrong, in the domain's words, with no transport in it.
 * Use cases, db/ and models/ throw these; the API maps them to problem+json in one place
 * (api/errors.ts `fromDomainError`) and the activities to ApplicationFailure in one place
 * (activities/failures.ts). `type` is the stable name Temporal sees; `code` is the stable
 * machine-readable code a caller sees.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `readings.3.value`. */
  field: string;
  /** English, for integrators and logs. */
  message: string;
  /** Machine code the dashboard translates (domain/fieldErrorText.ts); absent for a text it cannot name. */
  code?: string;
  params?: FieldErrorParams;
}

export type FieldErrorParams = Record<string, string | number | boolean | null>;

/**
 * ApplicationFailure types a retry cannot fix. Workflows list them in their retry policies and
 * recorded histories carry them, so these names never change.
 */
export const NON_RETRYABLE_TYPES = [
  'InvalidInput',
  'ModelUnavailable',
  'ModelNotFound',
  'ModelDisabled',
  'NotFound',
  'IllegalTransition',
] as const;
export type NonRetryableErrorType = (typeof NON_RETRYABLE_TYPES)[number];

export type DomainErrorType = NonRetryableErrorType | 'Conflict' | 'Unavailable' | 'LimitExceeded';

export abstract class DomainError extends Error {
  abstract readonly type: DomainErrorType;
  readonly code: string;
  /** Extra facts a caller may act on (e.g. the allowed transitions); shown to API clients. */
  readonly details: Record<string, unknown>;

  constructor(message: string, opts: { code: string; details?: Record<string, unknown>; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.code = opts.code;
    this.details = opts.details ?? {};
  }
}

export class NotFound extends DomainError {
  readonly type = 'NotFound';
  constructor(message = 'Not found', code = 'not_found') {
    super(message, { code });
  }
}

/** Input that breaks a rule; `fieldErrors` name each offending field. */
export class InvalidInput extends DomainError {
  readonly type = 'InvalidInput';
  /**
   * @param summary the short statement the API puts before the field errors
   * @param message the full text (for logs and failures); by default the summary with each field error
   */
  constructor(
    readonly fieldErrors: FieldError[],
    readonly summary = 'The request is invalid',
    message?: string,
  ) {
    super(message ?? summarise(fieldErrors, summary), { code: 'validation_failed' });
  }
}

/** The request clashes with the current state (already decided, already exists, no free slot). */
export class Conflict extends DomainError {
  readonly type: DomainErrorType = 'Conflict';
  constructor(message: string, code = 'conflict', details?: Record<string, unknown>) {
    super(message, { code, details });
  }
}

/** A lifecycle forbids the move; a retry never makes it legal. */
export class IllegalTransition extends Conflict {
  override readonly type = 'IllegalTransition';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'illegal_transition', details);
  }
}

/** A dependency (Temporal, the database, a lock) cannot serve now; retrying later may work. */
export class Unavailable extends DomainError {
  readonly type: DomainErrorType = 'Unavailable';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    opts: { code?: string; cause?: unknown } = {},
  ) {
    super(message, { code: opts.code ?? 'unavailable', cause: opts.cause });
  }
}

/**
 * A caller used up an allowance (running workflows, starts per hour, open streams, upload bytes per
 * day). Waiting `retryAfterSeconds` (or finishing earlier work) makes room; `details` name the limit.
 */
export class LimitExceeded extends DomainError {
  readonly type: DomainErrorType = 'LimitExceeded';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    opts: { code?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message, { code: opts.code ?? 'limit_exceeded', details: opts.details });
  }
}

function summarise(errors: FieldError[], summary: string): string {
  if (!errors.length) return summary;
  return `${summary}: ${errors.map((e) => `${e.field || '(body)'} ${e.message}`).join('; ')}`.slice(0, 2000);
}
