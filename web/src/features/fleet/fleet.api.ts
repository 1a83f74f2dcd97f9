import { api, unwrap, type ApiBody } from '../../api/http';

export type WorkerFleet = ApiBody<'/api/v1/workers', 'get'>;
export type FleetWorker = WorkerFleet['workers'][number];

/** The workers Temporal sees polling the task queue. */
export async function fetchWorkerFleet(): Promise<WorkerFleet> {
  const { data } = await unwrap(api.GET('/api/v1/workers'));
  return data;
}
