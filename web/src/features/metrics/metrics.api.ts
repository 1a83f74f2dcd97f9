import { send } from '../../api/http';
import { parsePrometheus, type Sample } from './prometheus';

/**
 * The API's own metrics through the authenticated, admin-only /api/v1/metrics: the public port no
 * longer serves /metrics (Prometheus scrapes an internal listener).
 */
export async function scrapeMetrics(): Promise<Sample[]> {
  const response = await send('/metrics', {}, 'text/plain');
  return parsePrometheus(await response.text());
}
