import { reactive } from 'vue';
import type { ApiError } from '../../api/apiError';
import type { SimulationKind, SimulationResult } from './simulation.api';

export interface SimulationRun {
  id: string;
  kind: SimulationKind;
  sensorId: string;
  at: Date;
  durationMs: number;
  result: SimulationResult | undefined;
  error: ApiError | undefined;
}

const state = reactive<{ runs: SimulationRun[] }>({ runs: [] });

/** Keeps the last 20 runs for this browser session; the server keeps the data itself. */
export function recordSimulation(run: SimulationRun): void {
  state.runs.unshift(run);
  state.runs.splice(20);
}

export function useSimulationStore(): { runs: SimulationRun[] } {
  return state;
}
