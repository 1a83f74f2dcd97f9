import createClient, { type Middleware } from 'openapi-fetch';
import { useSettingsStore } from '../features/settings/settings.store';
import { ApiError, toApiError, type ProblemDocument } from './apiError';
import type { paths } from './schema';

export const apiBase = '/api/v1';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Query = Record<string, string | number | boolean | null | undefined>;

/** The JSON success body of an operation, read from the generated schema (`npm run api:types`). */
export type ApiBody<P extends keyof paths, M extends Method & keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The JSON request body of an operation. */
export type ApiRequest<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/**
 * The API hands out links such as `status_url` as `/api/v1/...` or as absolute URLs; request
 * helpers take paths below /api/v1, so this strips whichever prefix is present.
 */
export function apiRelative(link: string): string {
  const url = new URL(link, window.location.origin);
  const path = url.pathname.startsWith(apiBase) ? url.pathname.slice(apiBase.length) : url.pathname;
  return `${path}${url.search}`;
}

/** Query parameters; undefined, null and empty-string values are left out. */
function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export function buildUrl(path: string, query?: Query, raw = false): string {
  const base = raw ? path : `${apiBase}${path}`;
  const qs = queryString(query);
  return qs ? `${base}?${qs}` : base;
}

const apiKeyHeader: Middleware = {
  onRequest({ request }) {
    const { apiKey } = useSettingsStore();
    if (apiKey) request.headers.set('X-API-Key', apiKey);
    return request;
  },
};

/**
 * The API, typed by its OpenAPI document: paths, parameters, bodies and answers all come from
 * web/src/api/schema.d.ts. Call it through `unwrap`, which turns failures into ApiError.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  // Looked up per call, so tests can stub the global fetch.
  fetch: (input) => globalThis.fetch(input),
  querySerializer: (query) => queryString(query as Query),
  headers: { Accept: 'application/json' },
});
api.use(apiKeyHeader);

/** Waits for a typed call; returns its body and response when it succeeded, throws ApiError otherwise. */
export async function unwrap<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<{ data: D; response: Response }> {
  let result: Awaited<typeof pending>;
  try {
    result = await pending;
  } catch (err) {
    throw toApiError(err);
  }
  if (!result.response.ok) {
    // A proxy's HTML error page is not a problem document; the status alone still maps to a message.
    const problem = typeof result.error === 'object' && result.error !== null ? (result.error as ProblemDocument) : {};
    throw new ApiError(result.response.status, problem);
  }
  return { data: result.data as D, response: result.response };
}

/** The filtered total a paged list sends in `X-Total-Count`, or the page length without it. */
export function totalCount(headers: Headers, fallback: number): number {
  const header = Number(headers.get('X-Total-Count'));
  return headers.has('X-Total-Count') && Number.isFinite(header) ? header : fallback;
}

export interface RequestOptions {
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Paths outside /api/v1 (health, metrics) are passed with `raw: true`. */
  raw?: boolean;
}

/**
 * A GET whose answer is not JSON the schema describes (an event stream, Prometheus text, a CSV or
 * PDF download, the health probes): the raw Response when it succeeded, ApiError otherwise.
 */
export async function send(path: string, options: RequestOptions = {}, accept = 'application/json'): Promise<Response> {
  const headers = new Headers({ Accept: accept, ...options.headers });
  const { apiKey } = useSettingsStore();
  if (apiKey) headers.set('X-API-Key', apiKey);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query, options.raw), { headers, signal: options.signal });
  } catch (err) {
    throw toApiError(err);
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let problem: ProblemDocument = {};
  try {
    const text = await response.text();
    if (text) problem = JSON.parse(text) as ProblemDocument;
  } catch {
    // Not a problem document: the status alone still maps to a message.
  }
  return new ApiError(response.status, problem);
}

/** Fetches a file-like response (CSV, PDF, JSON download) as a Blob. */
export async function requestBlob(path: string, options: RequestOptions = {}, accept = '*/*'): Promise<Blob> {
  const response = await send(path, options, accept);
  return response.blob();
}
