/** One entry of a problem document's `errors` list: English `message`, and a `code` with `params` to translate. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number | boolean | null>;
}

/** The RFC 9457 body every API error carries. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  detail_code?: string;
  detail_params?: Record<string, string | number>;
  errors?: FieldError[];
}

/**
 * Codes with their own translated message. Anything else falls back to a message chosen by the
 * HTTP status, so a new server code still reads sensibly in both languages.
 */
const translatedCodes = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'engineer_required',
  'second_approver_required',
  'unavailable',
  'internal',
  'network',
  'timeout',
  'aborted',
] as const;
export type TranslatedCode = (typeof translatedCodes)[number];

function codeForStatus(status: number): TranslatedCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 422) return 'validation_failed';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

/** An API failure, carrying what the user needs: a translatable message key and the server's field list. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** The case the server built `detail` from (errors.detail.<code>), when it names one. */
  readonly detailCode: string | null;
  readonly detailParams: Record<string, string | number>;
  readonly fieldErrors: FieldError[];

  constructor(status: number, problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? codeForStatus(status);
    this.detail = problem.detail ?? '';
    this.detailCode = typeof problem.detail_code === 'string' ? problem.detail_code : null;
    this.detailParams = problem.detail_params ?? {};
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  /** The i18n key of the message shown to the user, e.g. `errors.rate_limited`. */
  get messageKey(): `errors.${TranslatedCode}` {
    const known = (translatedCodes as readonly string[]).includes(this.code) ? (this.code as TranslatedCode) : codeForStatus(this.status);
    return `errors.${known}`;
  }
}

/** Turns anything thrown into an ApiError so views have one shape to render. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DOMException && err.name === 'AbortError') return new ApiError(0, { code: 'aborted' });
  if (err instanceof DOMException && err.name === 'TimeoutError') return new ApiError(0, { code: 'timeout' });
  return new ApiError(0, { code: 'network', detail: err instanceof Error ? err.message : String(err) });
}
