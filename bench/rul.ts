import { predictRul, predictRulBatch } from '../models';
import { readCmapssEngines } from '../models/cmapssData';
import type { BenchSection } from './benchSection';
import { leanHttpCall } from './leanHttp';
import { closedLoop, percentiles } from './load';
import { BENCH_KEY, waitForQuiet } from './stack';

const CYCLES = 200;
const BATCH = 100;

/** RUL of one 200-cycle FD001 trajectory in-process and through POST /ml/rul; a 100-trajectory batch through the API. */
export const rulSection: BenchSection = {
  name: 'rul',
  async run(stack) {
    // Training engines long enough for 200 cycles, cut there (FD001's lives run 128–362 cycles).
    const long = [...readCmapssEngines().values()].filter((rows) => rows.length >= CYCLES).map((rows) => rows.slice(0, CYCLES));
    const trajectory = long[0]!;
    const batch = Array.from({ length: BATCH }, (_, i) => ({ id: `engine-${i}`, readings: long[i % long.length]! }));

    for (let i = 0; i < 200; i++) await predictRul(trajectory);
    const bare: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await predictRul(trajectory);
      bare.push(performance.now() - t0);
    }
    const inproc = percentiles(bare);
    const bareBatch: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await predictRulBatch(batch.map((t) => t.readings));
      bareBatch.push(performance.now() - t0);
    }
    const inprocBatch = percentiles(bareBatch);

    const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };
    const url = `${stack.baseUrl}/api/v1/ml/rul`;
    const callWith = (body: string) => async () => {
      const res = await leanHttpCall(url, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`rul ${res.status}: ${res.body.slice(0, 300)}`);
    };
    const single = JSON.stringify({ readings: trajectory });
    const many = JSON.stringify({ trajectories: batch });
    await closedLoop(4, 2000, callWith(single));
    await waitForQuiet();
    const api1 = percentiles((await closedLoop(1, 500, callWith(single))).latencies);
    await closedLoop(1, 5, callWith(many));
    const apiBatch = percentiles((await closedLoop(1, 30, callWith(many))).latencies);

    const kib = (s: string) => Math.round(Buffer.byteLength(s) / 1024);
    return {
      json: {
        in_process: inproc,
        in_process_batch_100: inprocBatch,
        api_c1: api1,
        api_batch_100_c1: apiBatch,
        body_kib: { single: kib(single), batch: kib(many) },
      },
      rows: [
        [
          `RUL via API, one ${CYCLES}-cycle trajectory, 1 client`,
          `p50 ${api1.p50} ms, p99 ${api1.p99} ms`,
          `in-process (parse, features, ONNX) p50 ${inproc.p50} ms, p99 ${inproc.p99} ms; body ${kib(single)} KiB`,
        ],
        [
          `RUL via API, ${BATCH} trajectories × ${CYCLES} cycles in one call`,
          `p50 ${apiBatch.p50} ms, p99 ${apiBatch.p99} ms`,
          `in-process p50 ${inprocBatch.p50} ms, p99 ${inprocBatch.p99} ms; body ${kib(many)} KiB`,
        ],
      ],
    };
  },
};
