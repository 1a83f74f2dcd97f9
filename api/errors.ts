/**
 * The API's error taxonomy. Each error knows its HTTP status, a stable machine-readable code, and
 * whether its message may be shown to the client (`expose`). The problem middleware turns any of
 * them into an RFC 9457 application/problem+json body.
 */
import { DomainError, InvalidInput, type FieldError } from '../domain/errors';

export type { FieldError };

/** The cases of `detail` the server writes from a template; each has a text in locales/*.json (errors.detail.<code>). */
export const DETAIL_CODES = [
  'fields_invalid',
  'api_key_required',
  'missing_scopes',
  'payload_too_large',
  'unsupported_media_type',
  'retry_after',
  'no_route',
  'malformed_json',
] as const;
export type DetailCode = (typeof DETAIL_CODES)[number];

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly expose: boolean;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;
  /** Names the detail's case when the server built it from one (the dashboard translates it); `detail` stays English. */
  readonly detailCode?: DetailCode;
  readonly detailParams: Record<string, string | number>;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: {
      expose?: boolean;
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      cause?: unknown;
      detailCode?: DetailCode;
      detailParams?: Record<string, string | number>;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.status = status;
    this.code = code;
    this.expose = opts.expose ?? status < 500;
    this.headers = opts.headers ?? {};
    this.extensions = opts.extensions ?? {};
    this.detailCode = opts.detailCode;
    this.detailParams = opts.detailParams ?? {};
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, code = 'bad_request', detail?: { code: DetailCode; params?: Record<string, string | number> }) {
    super(400, code, message, { detailCode: detail?.code, detailParams: detail?.params });
  }
}

export class ValidationError extends HttpError {
  readonly errors: FieldError[];
  constructor(errors: FieldError[], message = 'The request is invalid') {
    const summary = errors.length ? `${message}: ${errors.map((e) => `${e.field || '(body)'} ${e.message}`).join('; ')}` : message;
    super(422, 'validation_failed', summary.slice(0, 2000), {
      extensions: { errors },
      ...(errors.length ? { detailCode: 'fields_invalid' as const, detailParams: { count: errors.length } } : {}),
    });
    this.errors = errors;
  }
}

const UNAUTHORIZED_DEFAULT = 'A valid X-API-Key header is required';

export class UnauthorizedError extends HttpError {
  constructor(message = UNAUTHORIZED_DEFAULT) {
    super(401, 'unauthorized', message, {
      headers: { 'WWW-Authenticate': 'ApiKey header="X-API-Key"' },
      detailCode: message === UNAUTHORIZED_DEFAULT ? 'api_key_required' : undefined,
    });
  }
}

export class ForbiddenError extends HttpError {
  /** @param reason says why these scopes are needed when the route's own scopes were not enough */
  constructor(scopes: string[], reason = 'This API key lacks the required scope') {
    super(403, 'forbidden', `${reason}: ${scopes.join(', ')}`, {
      extensions: { required_scopes: scopes },
      detailCode: 'missing_scopes',
      detailParams: { scopes: scopes.join(', ') },
    });
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limit: number) {
    super(413, 'payload_too_large', `The request body exceeds the limit of ${limit} bytes`, {
      extensions: { limit_bytes: limit },
      detailCode: 'payload_too_large',
      detailParams: { limit_bytes: limit },
    });
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(expected: string[]) {
    super(415, 'unsupported_media_type', `Content-Type must be one of: ${expected.join(', ')}`, {
      detailCode: 'unsupported_media_type',
      detailParams: { expected: expected.join(', ') },
    });
  }
}

export class RateLimitedError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
      detailCode: 'retry_after',
      detailParams: { seconds: retryAfterSeconds },
    });
  }
}

export class UnavailableError extends HttpError {
  constructor(message: string, retryAfterSeconds = 5, cause?: unknown) {
    super(503, 'unavailable', message, { expose: true, headers: { 'Retry-After': String(retryAfterSeconds) }, cause });
  }
}

/**
 * The one mapping from domain errors to HTTP. Statuses and codes are the published API: the
 * models' own codes (MODEL_*) stay inside, clients see `not_found`, `model_disabled` and `unavailable`.
 */
export function fromDomainError(err: DomainError): HttpError {
  const opts = { extensions: err.details, cause: err };
  switch (err.type) {
    case 'InvalidInput':
      return new ValidationError((err as InvalidInput).fieldErrors, (err as InvalidInput).summary);
    case 'NotFound':
      return new HttpError(404, err.code, err.message, opts);
    case 'ModelNotFound':
      return new HttpError(404, 'not_found', err.message, opts);
    case 'ModelDisabled':
      return new HttpError(409, 'model_disabled', err.message, opts);
    case 'Conflict':
    case 'IllegalTransition':
      return new HttpError(409, err.code, err.message, opts);
    case 'Unavailable':
      return new UnavailableError(err.message, retryAfter(err), err.cause ?? err);
    case 'LimitExceeded':
      return new HttpError(429, err.code, err.message, { ...opts, headers: { 'Retry-After': String(retryAfter(err) ?? 60) } });
    case 'ModelUnavailable':
      return new UnavailableError(`Prediction is unavailable: ${err.message}`, retryAfter(err), err);
  }
}

const retryAfter = (err: DomainError) => (err as { retryAfterSeconds?: number }).retryAfterSeconds;
