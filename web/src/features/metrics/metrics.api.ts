import { send } from '../../api/http';
import { parsePrometheus, type Sample } from './prometheus';

/** /metrics is public and outside /api/v1. */
export async function scrapeMetrics(): Promise<Sample[]> {
  const response = await send('/metrics', { raw: true }, 'text/plain');
  return parsePrometheus(await response.text());
}
