import { predictFailure } from '../models';
import { explainFailure } from '../usecases/explanations';
import { closedLoop, pacedWindows, percentiles } from './load';
import { leanHttpCall } from './leanHttp';
import type { BenchSection } from './benchSection';
import { BENCH_KEY, waitForQuiet } from './stack';

const FEATURES = {
  Air_temperature_K: 298.1,
  Process_temperature_K: 308.6,
  Rotational_speed_rpm: 1551,
  Torque_Nm: 42.8,
  Tool_wear_min: 0,
  Type: 'M' as const,
};

/** Prediction through the API (p50/p99 at 1 and 32 clients) against the bare in-process ONNX call; explanation latency. */
export const predictionSection: BenchSection = {
  name: 'prediction',
  async run(stack) {
    const body = JSON.stringify({ model_name: 'ai4i_classifier_randomforest_baseline', features: FEATURES });
    const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
    const call = async () => {
      const res = await leanHttpCall(`${stack.baseUrl}/api/v1/ml/predict`, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`predict ${res.status}: ${res.body.slice(0, 300)}`);
    };
    // Warm the route to steady state (JIT, sessions, connections) before measuring anything: the
    // API's CPU per request kept falling for the first ~15,000 requests after start.
    await closedLoop(32, 15_000, call);
    await waitForQuiet();
    const api1 = percentiles((await closedLoop(1, 500, call)).latencies);
    const api32run = await closedLoop(32, 3000, call);
    const api32 = percentiles(api32run.latencies);
    // 32 clients at 20 requests/s each (640 req/s offered): latency at a fixed load, not at saturation.
    const { pooled: paced, all: pacedAll } = await pacedWindows(3, 32, 50, 200, call, () => waitForQuiet());

    // The same model in this process: the floor the API adds its HTTP, auth and validation to.
    for (let i = 0; i < 200; i++) await predictFailure(FEATURES);
    const bare: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await predictFailure(FEATURES);
      bare.push(performance.now() - t0);
    }
    const inproc = percentiles(bare);

    await explainFailure(FEATURES);
    const explain: number[] = [];
    for (let i = 0; i < 30; i++) explain.push((await explainFailure({ ...FEATURES, Torque_Nm: 40 + i })).latency_ms);
    const exp = percentiles(explain);

    return {
      json: {
        api_c1: api1,
        api_c32_paced_640rps: { ...paced, windows: pacedAll },
        api_c32_saturation: { ...api32, rps: Math.round(3000 / api32run.seconds) },
        in_process: inproc,
        explanation: exp,
      },
      rows: [
        [
          'predict via API, 1 client',
          `p50 ${api1.p50} ms, p99 ${api1.p99} ms`,
          `in-process ONNX p50 ${inproc.p50} ms, p99 ${inproc.p99} ms (×${Math.round((api1.p50 / inproc.p50) * 10) / 10} at p50)`,
        ],
        [
          'predict via API, 32 clients × 20 req/s (640 req/s offered)',
          `p50 ${paced.p50} ms, p99 ${paced.p99} ms`,
          `${paced.n} requests in 3 windows, each window's p99 ${pacedAll.map((w) => w.p99).join(' / ')} ms`,
        ],
        [
          'predict via API, 32 clients flat out (saturation)',
          `p50 ${api32.p50} ms, p99 ${api32.p99} ms`,
          `${Math.round(3000 / api32run.seconds)} req/s`,
        ],
        [
          'explanation (exact SHAP, 6 inputs × 50 background rows)',
          `p50 ${exp.p50} ms, p99 ${exp.p99} ms`,
          'in-process, one ONNX batch of 3,151 rows',
        ],
      ],
    };
  },
};
