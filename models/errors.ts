/**
 * The ML plane's error taxonomy. Plain Error subclasses with a stable `code`, so this folder does
 * not depend on the API; the API layer maps them: not found → 404, disabled → 409, invalid
 * features or wrong task → 422, unavailable → 503.
 */
export abstract class ModelError extends Error {
  abstract readonly code: string;
}

/** No model with that name, or no such version of it. */
export class ModelNotFoundError extends ModelError {
  readonly code = 'MODEL_NOT_FOUND';
  constructor(
    readonly modelName: string,
    readonly modelVersion?: string,
  ) {
    super(
      modelVersion === undefined
        ? `Model "${modelName}" is not in the registry`
        : `Model "${modelName}" has no version "${modelVersion}"`,
    );
    this.name = 'ModelNotFoundError';
  }
}

/** The version exists but is switched off in the registry (or every version of the model is). */
export class ModelDisabledError extends ModelError {
  readonly code = 'MODEL_DISABLED';
  constructor(
    readonly modelName: string,
    readonly modelVersion?: string,
  ) {
    super(
      modelVersion === undefined
        ? `Every version of model "${modelName}" is disabled`
        : `Model "${modelName}" version "${modelVersion}" is disabled`,
    );
    this.name = 'ModelDisabledError';
  }
}

/** The model is registered and enabled but cannot be run here: loading is switched off, the
 * artifact is missing, or it does not match the manifest's hash. */
export class ModelUnavailableError extends ModelError {
  readonly code = 'MODEL_UNAVAILABLE';
  constructor(
    message: string,
    readonly reason: 'loading_disabled' | 'artifact_missing' | 'hash_mismatch' | 'load_failed' | 'incompatible',
  ) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

/** The model exists but does another job (e.g. asking the anomaly model for a failure probability). */
export class ModelTaskMismatchError extends ModelError {
  readonly code = 'MODEL_TASK_MISMATCH';
  constructor(
    readonly modelName: string,
    readonly expectedTask: string,
    readonly actualTask: string,
  ) {
    super(`Model "${modelName}" is a ${actualTask} model, not a ${expectedTask} model`);
    this.name = 'ModelTaskMismatchError';
  }
}

/** Features that fail the schema: missing, unknown or non-finite. Never padded or guessed. */
export class InvalidFeaturesError extends ModelError {
  readonly code = 'INVALID_FEATURES';
  constructor(readonly issues: ReadonlyArray<{ feature: string; problem: string }>) {
    super(`Invalid features: ${issues.map((i) => `${i.feature} (${i.problem})`).join(', ')}`);
    this.name = 'InvalidFeaturesError';
  }
}
