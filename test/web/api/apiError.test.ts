import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../../../web/src/api/apiError';

describe('ApiError', () => {
  it('uses a known server code as the message key and keeps the field list', () => {
    const error = new ApiError(422, { code: 'validation_failed', detail: 'x', errors: [{ field: 'value', message: 'must be a number' }] });
    expect(error.messageKey).toBe('errors.validation_failed');
    expect(error.fieldErrors).toEqual([{ field: 'value', message: 'must be a number' }]);
  });

  it('falls back to a key chosen by HTTP status for unknown or missing codes', () => {
    expect(new ApiError(429, {}).messageKey).toBe('errors.rate_limited');
    expect(new ApiError(503, { code: 'temporal_down' }).messageKey).toBe('errors.unavailable');
    expect(new ApiError(401, {}).messageKey).toBe('errors.unauthorized');
    expect(new ApiError(500, {}).messageKey).toBe('errors.internal');
    expect(new ApiError(409, { code: 'idempotency_mismatch' }).messageKey).toBe('errors.conflict');
  });

  it('turns a fetch failure into a network error and an abort into an aborted error', () => {
    expect(toApiError(new TypeError('Failed to fetch')).messageKey).toBe('errors.network');
    expect(toApiError(new DOMException('x', 'AbortError')).messageKey).toBe('errors.aborted');
  });
});
