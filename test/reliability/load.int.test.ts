import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, startApiProcess, type ApiProcess } from '../support/processes';
import { call, directSql, percentile, readingBody, rowsPerKey, seedKey, serviceEnv, type Outcome } from './harness';

/**
 * Mixed load against the API child process: CLIENTS concurrent clients for LOAD_SECONDS, each
 * request drawn as ingest 50 % / read readings 30 % / predict 20 %, and 10 % of ingests repeating
 * an earlier Idempotency-Key with the same body. Asserted: zero 5xx, zero lost (every acknowledged
 * key has its row), zero duplicated, replays answer the original reading. Latencies are reported
 * (console table), not asserted: they depend on the machine.
 *
 * 60 s, as the issue asks; RELIABILITY_LOAD_SECONDS shortens it for a quick local run.
 */

const LOAD_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const CLIENTS = 50;
const PREDICT_BODY = {
  model_name: 'ai4i_classifier_randomforest_baseline',
  features: {
    Air_temperature_K: 298.1,
    Process_temperature_K: 308.6,
    Rotational_speed_rpm: 1551,
    Torque_Nm: 42.8,
    Tool_wear_min: 0,
    Type: 'M',
  },
};

const key = seedKey('load', ['data:ingest', 'data:read', 'ml:predict']);
const sql = directSql();
let api: ApiProcess;

beforeAll(async () => {
  api = await startApiProcess(serviceEnv('load', { API_KEYS: key.entry, RATE_LIMIT_PER_MINUTE: '100000000' }));
});
afterAll(async () => {
  await killAllServices();
  await sql.end();
});

type Kind = 'ingest' | 'ingest_replay' | 'read' | 'predict';

/** A small seeded generator, so the traffic mix is the same from run to run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the API under 50 concurrent clients of mixed traffic', () => {
  it(
    'answers without a 5xx, and loses and duplicates no acknowledged reading',
    async () => {
      const run = randomUUID().slice(0, 8);
      const sensor = `rel-load-${run}`;
      const samples: Record<Kind, Outcome[]> = { ingest: [], ingest_replay: [], read: [], predict: [] };
      const acked = new Map<string, { id: string; n: number }>();
      const known: string[] = [];
      const replayMismatches: string[] = [];
      let next = 0;
      const deadline = Date.now() + LOAD_SECONDS * 1000;

      const client = async (c: number) => {
        const random = mulberry32(c + 1);
        while (Date.now() < deadline) {
          const r = random();
          if (r < 0.5) {
            const replay = random() < 0.1 && known.length > 0;
            const idemKey = replay ? known[Math.floor(random() * known.length)]! : `load-${run}-${next++}`;
            const n = replay ? acked.get(idemKey)!.n : Number(idemKey.split('-').at(-1));
            const res = await call(`${api.baseUrl}/api/v1/data/ingest`, {
              key: key.key,
              json: readingBody(sensor, n),
              headers: { 'Idempotency-Key': idemKey },
            });
            samples[replay ? 'ingest_replay' : 'ingest'].push(res);
            if (res.status !== 200) continue;
            const id = (JSON.parse(res.text) as { reading: { id: string } }).reading.id;
            if (replay && id !== acked.get(idemKey)!.id) replayMismatches.push(idemKey);
            if (!replay) {
              acked.set(idemKey, { id, n });
              known.push(idemKey);
            }
          } else if (r < 0.8) {
            samples.read.push(await call(`${api.baseUrl}/api/v1/sensors/readings?sensor_id=${sensor}&limit=20`, { key: key.key }));
          } else {
            samples.predict.push(await call(`${api.baseUrl}/api/v1/ml/predict`, { key: key.key, json: PREDICT_BODY }));
          }
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
      const seconds = (performance.now() - started) / 1000;

      const all = Object.values(samples).flat();
      const serverErrors = all.filter((s) => s.status >= 500);
      const failures = all.filter((s) => s.status < 200 || s.status >= 300);
      const keys = [...acked.keys()];
      const counts = await rowsPerKey(sql, keys);
      const lost = keys.filter((k) => !counts.has(k));
      const duplicated = keys.filter((k) => (counts.get(k) ?? 0) > 1);
      const [{ rows }] = await sql`select count(*)::int as rows from sensor_readings where sensor_id = ${sensor}`;

      const table = Object.fromEntries(
        (Object.keys(samples) as Kind[]).map((kind) => {
          const ms = samples[kind].map((s) => s.ms);
          const round = (x: number) => Math.round(x * 10) / 10;
          return [
            kind,
            {
              requests: ms.length,
              'p50 ms': round(percentile(ms, 0.5)),
              'p99 ms': round(percentile(ms, 0.99)),
              'max ms': round(Math.max(...ms)),
              non2xx: samples[kind].filter((s) => s.status < 200 || s.status >= 300).length,
            },
          ];
        }),
      );
      console.log(
        `[load] ${CLIENTS} clients × ${Math.round(seconds * 10) / 10} s: ${all.length} requests (${Math.round(all.length / seconds)} req/s), ` +
          `5xx=${serverErrors.length} non-2xx=${failures.length} acknowledged keys=${keys.length} rows=${rows} lost=${lost.length} duplicated=${duplicated.length} replay id mismatches=${replayMismatches.length}`,
      );
      console.table(table);

      expect(serverErrors.map((s) => `${s.status} ${s.text.slice(0, 200)}`)).toEqual([]);
      expect(failures.map((s) => `${s.status} ${s.error ?? s.text.slice(0, 200)}`)).toEqual([]);
      expect(samples.ingest_replay.length).toBeGreaterThan(0);
      expect(replayMismatches).toEqual([]);
      expect(lost).toEqual([]);
      expect(duplicated).toEqual([]);
      expect(rows).toBe(keys.length);
    },
    (LOAD_SECONDS + 120) * 1000,
  );
});
