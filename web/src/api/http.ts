import { useSettingsStore } from '../features/settings/settings.store';
import { ApiError, toApiError, type ProblemDocument } from './apiError';

export const apiBase = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query parameters; undefined, null and empty-string values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Paths outside /api/v1 (health, metrics) are passed with `raw: true`. */
  raw?: boolean;
}

/**
 * The API hands out links such as `status_url` as `/api/v1/...` or as absolute URLs; request
 * helpers take paths below /api/v1, so this strips whichever prefix is present.
 */
export function apiRelative(link: string): string {
  const url = new URL(link, window.location.origin);
  const path = url.pathname.startsWith(apiBase) ? url.pathname.slice(apiBase.length) : url.pathname;
  return `${path}${url.search}`;
}

export function buildUrl(path: string, query?: RequestOptions['query'], raw = false): string {
  const base = raw ? path : `${apiBase}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

function headersFor(options: RequestOptions, accept: string): Headers {
  const headers = new Headers({ Accept: accept, ...options.headers });
  const { apiKey } = useSettingsStore();
  if (apiKey) headers.set('X-API-Key', apiKey);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  return headers;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let problem: ProblemDocument = {};
  try {
    const text = await response.text();
    if (text) problem = JSON.parse(text) as ProblemDocument;
  } catch {
    // A proxy's HTML error page is not a problem document; the status alone still maps to a message.
  }
  return new ApiError(response.status, problem);
}

/** Sends a request and returns the raw Response when it succeeded; throws ApiError otherwise. */
export async function send(path: string, options: RequestOptions = {}, accept = 'application/json'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query, options.raw), {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: headersFor(options, accept),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    throw toApiError(err);
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

/** JSON request returning the parsed body. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** JSON request that also returns the response headers (for `X-Total-Count` and friends). */
export async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
  const response = await send(path, options);
  return { data: (await response.json()) as T, headers: response.headers };
}

/** Fetches a file-like response (CSV, PDF, JSON download) as a Blob. */
export async function requestBlob(path: string, options: RequestOptions = {}, accept = '*/*'): Promise<Blob> {
  const response = await send(path, options, accept);
  return response.blob();
}
