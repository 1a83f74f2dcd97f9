// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web/src/api/apiError';
import { api, totalCount, unwrap } from '../../../web/src/api/http';
import { useSettingsStore } from '../../../web/src/features/settings/settings.store';

const fetchMock = vi.fn<typeof fetch>();

describe('typed API client', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    useSettingsStore().apiKey = 'sm_test_key';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the API key and leaves empty query values out', async () => {
    fetchMock.mockResolvedValue(Response.json([], { headers: { 'X-Total-Count': '42' } }));
    const { data, response } = await unwrap(
      api.GET('/api/v1/decisions', { params: { query: { operator_id: '', request_id: undefined, limit: 25, offset: 50 } } }),
    );
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/api/v1/decisions?limit=25&offset=50');
    expect(request.headers.get('X-API-Key')).toBe('sm_test_key');
    expect(data).toEqual([]);
    expect(totalCount(response.headers, 0)).toBe(42);
  });

  it('turns a problem+json answer into an ApiError with its code and field list', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      code: 'validation_failed',
      detail: 'bad',
      errors: [{ field: 'value', message: 'must be a number' }],
    };
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(problem), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const error = await unwrap(api.GET('/api/v1/admin/whoami')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).messageKey).toBe('errors.validation_failed');
    expect((error as ApiError).fieldErrors).toEqual(problem.errors);
  });

  it('maps an answer that is not a problem document by its status, and a failed fetch to a network error', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(((await unwrap(api.GET('/api/v1/admin/whoami')).catch((err: unknown) => err)) as ApiError).messageKey).toBe(
      'errors.unavailable',
    );
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(((await unwrap(api.GET('/api/v1/admin/whoami')).catch((err: unknown) => err)) as ApiError).messageKey).toBe('errors.network');
  });
});
