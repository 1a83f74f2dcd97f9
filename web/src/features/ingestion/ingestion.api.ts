import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type IngestRequest = ApiRequest<'/api/v1/data/ingest', 'post'>;
export type IngestResponse = ApiBody<'/api/v1/data/ingest', 'post'>;

/** One reading; the key makes a double-click or a retry after a timeout store it only once. */
export async function ingestReading(body: IngestRequest, idempotencyKey: string): Promise<IngestResponse> {
  return (await unwrap(api.POST('/api/v1/data/ingest', { body, headers: { 'Idempotency-Key': idempotencyKey } }))).data;
}
