import { buildUrl } from '../../api/http';
import { useSettingsStore } from '../settings/settings.store';

export interface TesterResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  durationMs: number;
}

/**
 * Sends an arbitrary request for the admin endpoint tester. Unlike the typed client it never
 * throws on an HTTP error: showing the raw status and problem document is the point.
 */
export async function sendRaw(method: string, path: string, body: string): Promise<TesterResponse> {
  const headers = new Headers({ Accept: 'application/json, text/plain, */*' });
  const { apiKey } = useSettingsStore();
  if (apiKey) headers.set('X-API-Key', apiKey);
  const hasBody = body.trim() !== '' && method !== 'GET' && method !== 'HEAD';
  if (hasBody) headers.set('Content-Type', 'application/json');
  const raw = !path.startsWith('/api/v1');
  const started = performance.now();
  const response = await fetch(raw ? path : buildUrl(path.slice('/api/v1'.length)), { method, headers, body: hasBody ? body : undefined });
  const text = await response.text();
  let pretty = text;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON (CSV, Prometheus text): show it as it came.
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body: pretty,
    durationMs: performance.now() - started,
  };
}
