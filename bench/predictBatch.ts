import { predictFailureBatch, type FailureFeatures } from '../models';
import { leanHttpCall } from './leanHttp';
import type { BenchSection } from './benchSection';
import { BENCH_KEY, waitForQuiet } from './stack';

const ROWS: FailureFeatures[] = Array.from({ length: 1000 }, (_, i) => ({
  Air_temperature_K: 298 + (i % 7) * 0.5,
  Process_temperature_K: 308 + (i % 5) * 0.4,
  Rotational_speed_rpm: 1200 + (i % 50) * 10,
  Torque_Nm: 30 + (i % 40),
  Tool_wear_min: (i * 7) % 250,
  Type: (['L', 'M', 'H'] as const)[i % 3],
}));

/** Rows per second through POST /ml/predict/batch (1,000 rows a call) against the same batch in process. */
export const predictBatchSection: BenchSection = {
  name: 'predict-batch',
  async run(stack) {
    const body = JSON.stringify({ model_name: 'ai4i_classifier_randomforest_baseline', rows: ROWS });
    const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
    const call = async () => {
      const res = await leanHttpCall(`${stack.baseUrl}/api/v1/ml/predict/batch`, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`predict/batch ${res.status}: ${res.body.slice(0, 300)}`);
    };
    for (let i = 0; i < 20; i++) await call();
    await waitForQuiet();
    const calls = 50;
    let t0 = performance.now();
    for (let i = 0; i < calls; i++) await call();
    const apiSeconds = (performance.now() - t0) / 1000;

    for (let i = 0; i < 20; i++) await predictFailureBatch(ROWS);
    t0 = performance.now();
    for (let i = 0; i < calls; i++) await predictFailureBatch(ROWS);
    const inprocSeconds = (performance.now() - t0) / 1000;

    const api = Math.round((calls * ROWS.length) / apiSeconds);
    const inproc = Math.round((calls * ROWS.length) / inprocSeconds);
    const ratio = Math.round((api / inproc) * 100) / 100;
    return {
      json: { rows_per_call: ROWS.length, calls, api_rows_per_s: api, in_process_rows_per_s: inproc, ratio },
      rows: [
        ['predict batch via API (1,000 rows/request, 1 client)', `${api} rows/s`, `in-process ONNX batch ${inproc} rows/s, ratio ${ratio}`],
      ],
    };
  },
};
