import { DomainError, InvalidInput } from '../domain/errors';

/**
 * The ML plane's errors, as domain errors with a stable `code`, so this folder does not depend on
 * the API or Temporal. Their `type` is the ApplicationFailure type the workflows stop on; the API
 * maps them: not found → 404, disabled → 409, invalid features or wrong task → 422, unavailable → 503.
 */

/** No model with that name, or no such version of it. */
export class ModelNotFoundError extends DomainError {
  readonly type = 'ModelNotFound';
  constructor(
    readonly modelName: string,
    readonly modelVersion?: string,
  ) {
    super(
      modelVersion === undefined
        ? `Model "${modelName}" is not in the registry`
        : `Model "${modelName}" has no version "${modelVersion}"`,
      { code: 'MODEL_NOT_FOUND' },
    );
    this.name = 'ModelNotFoundError';
  }
}

/** The version exists but is switched off in the registry (or every version of the model is). */
export class ModelDisabledError extends DomainError {
  readonly type = 'ModelDisabled';
  constructor(
    readonly modelName: string,
    readonly modelVersion?: string,
  ) {
    super(
      modelVersion === undefined
        ? `Every version of model "${modelName}" is disabled`
        : `Model "${modelName}" version "${modelVersion}" is disabled`,
      { code: 'MODEL_DISABLED' },
    );
    this.name = 'ModelDisabledError';
  }
}

/** The model is registered and enabled but cannot be run here: loading is switched off, the
 * artifact is missing, or it does not match the manifest's hash. */
export class ModelUnavailableError extends DomainError {
  readonly type = 'ModelUnavailable';
  /** Fixing a model takes a deployment, not a moment: clients wait longer than for a busy database. */
  readonly retryAfterSeconds = 30;
  constructor(
    message: string,
    readonly reason: 'loading_disabled' | 'artifact_missing' | 'hash_mismatch' | 'load_failed' | 'incompatible',
  ) {
    super(message, { code: 'MODEL_UNAVAILABLE' });
    this.name = 'ModelUnavailableError';
  }
}

/** The model exists but does another job (e.g. asking the anomaly model for a failure probability). */
export class ModelTaskMismatchError extends InvalidInput {
  override readonly code = 'MODEL_TASK_MISMATCH';
  constructor(
    readonly modelName: string,
    readonly expectedTask: string,
    readonly actualTask: string,
  ) {
    const message = `Model "${modelName}" is a ${actualTask} model, not a ${expectedTask} model`;
    super([{ field: 'model_name', message }], undefined, message);
    this.name = 'ModelTaskMismatchError';
  }
}

/** Features that fail the schema: missing, unknown or non-finite. Never padded or guessed. */
export class InvalidFeaturesError extends InvalidInput {
  override readonly code = 'INVALID_FEATURES';
  constructor(readonly issues: ReadonlyArray<{ feature: string; problem: string }>) {
    super(
      issues.map((i) => ({ field: `features.${i.feature}`, message: i.problem })),
      undefined,
      `Invalid features: ${issues.map((i) => `${i.feature} (${i.problem})`).join(', ')}`,
    );
    this.name = 'InvalidFeaturesError';
  }
}
