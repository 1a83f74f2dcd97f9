import { reactive } from 'vue';
import type { IngestResponse } from './ingestion.api';
import type { SensorReading } from '../sensors/sensors.api';

export interface IngestionRun {
  response: IngestResponse;
  /** Browser-measured: POST round trip, then the read-back GET. */
  ingestMs: number;
  readBackMs: number;
  readBack: SensorReading[];
  at: Date;
}

const state = reactive<{ runs: IngestionRun[] }>({ runs: [] });

export function recordIngestion(run: IngestionRun): void {
  state.runs.unshift(run);
  state.runs.splice(10);
}

export function useIngestionStore(): { runs: IngestionRun[] } {
  return state;
}
