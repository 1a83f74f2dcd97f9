import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * SPEC 10, "bad input never reaches the database and never yields a 5xx", by generated payloads:
 * each public endpoint gets RUNS requests built from its own shape, where every field may be
 * replaced by something hostile (wrong types, huge or non-finite numbers, quotes, SQL, NUL and
 * lone surrogates, deep nesting within the body limit, unknown keys) or the whole body by arbitrary
 * JSON or malformed text. Asserted per request: no 5xx, and for a rejected (4xx) request, no row
 * written to any table the endpoints write. Seeds are fixed, so a failure reproduces.
 */

const RUNS = 150;
const SEED = 20_240_611;
const WRITTEN_TABLES = [
  'sensor_readings',
  'idempotency_records',
  'predictions',
  'drift_checks',
  'anomalies',
  'human_decisions',
  'csv_uploads',
] as const;

let stack: TestStack;
let key: string;

beforeAll(async () => {
  // A stack of its own: no worker polls its queue, so a valid Golden Path start writes nothing.
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: '100000000', DRIFT_RATE_LIMIT_PER_MINUTE: '100000000' });
  key = await stack.key(['data:ingest', 'data:read', 'ml:predict', 'ml:anomaly', 'ml:drift', 'workflows:write', 'decisions:write']);
});
afterAll(() => stack.close());

async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await stack.sql.unsafe(`select ${WRITTEN_TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`);
  return row as Record<string, number>;
}

async function settle(): Promise<void> {
  let last = JSON.stringify(await rowCounts());
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 25));
    const now = JSON.stringify(await rowCounts());
    if (now === last) return;
    last = now;
  }
}

// ---- hostile values -------------------------------------------------------------------------
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE sensor_readings; --",
    '"); select pg_sleep(5); --',
    'NUL\u0000inside',
    '\u0000',
    'lone \ud800 surrogate',
    'NaN',
    'Infinity',
    '1e309',
    '-0',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00%27',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 日本語 ﷽',
    'x'.repeat(5000),
    '2999-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '',
    ' ',
  ),
);
const hostileNumber = fc.oneof(
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.integer(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1024, -Number.MAX_SAFE_INTEGER * 1024, 5e-324, -0, 2 ** 31, -(2 ** 63)),
);
/**
 * Nested arrays/objects deep enough to stress parsers, still well inside the 1 MiB body limit.
 * Kept as a marker and spliced in as text by `serialise`: JSON.stringify (and fast-check's printer)
 * would overflow this process's stack on it.
 */
class DeepNest {
  constructor(
    readonly depth: number,
    readonly objects: boolean,
  ) {}
  text(): string {
    return this.objects ? '{"a":'.repeat(this.depth) + '1' + '}'.repeat(this.depth) : '['.repeat(this.depth) + ']'.repeat(this.depth);
  }
  [fc.toStringMethod](): string {
    return `DeepNest(${this.depth}, ${this.objects ? 'objects' : 'arrays'})`;
  }
}
const deepNesting = fc.tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean()).map(([depth, objects]) => new DeepNest(depth, objects));
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** An object of the endpoint's shape whose fields are valid or hostile, some missing, maybe extra. */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const mixed = Object.fromEntries(
    Object.entries(fields).map(([k, valid]) => [k, fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostile })]),
  );
  const record = fc.record(mixed, { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, hostileString, hostile).map(([r, k, v]) => ({ ...(r as object), [k || 'extra']: v })) },
    { weight: 2, arbitrary: hostile },
  );
}

type Payload = { json: unknown } | { raw: string };
function payloads(shape: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  const malformed = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '{"a":', '[1,2', '{"sensor_id": "x", value: 1}', 'null', '""', '\u0000', '{"a":1}{"b":2}'),
  );
  return fc.oneof({ weight: 8, arbitrary: shape.map((json) => ({ json })) }, { weight: 1, arbitrary: malformed.map((raw) => ({ raw })) });
}

// ---- valid pieces -----------------------------------------------------------------------------
const sensorId = fc.constantFrom('fz-pump-1', 'fz-press-2', 'fz:line.3_a');
const isoTime = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString());
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const reading = {
  sensor_id: sensorId,
  value: finite,
  timestamp: isoTime,
  sensor_type: fc.constantFrom('temperature', 'vibration', 'pressure', 'humidity'),
  unit: fc.constantFrom('C', 'mm/s', 'bar'),
  quality: fc.double({ min: 0, max: 1, noNaN: true }),
  correlation_id: fc.uuid(),
  metadata: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
};
const features = {
  Air_temperature_K: fc.double({ min: 290, max: 310, noNaN: true }),
  Process_temperature_K: fc.double({ min: 300, max: 320, noNaN: true }),
  Rotational_speed_rpm: fc.integer({ min: 1100, max: 2900 }),
  Torque_Nm: fc.double({ min: 3, max: 80, noNaN: true }),
  Tool_wear_min: fc.integer({ min: 0, max: 260 }),
  Type: fc.constantFrom('L', 'M', 'H'),
};

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  input: fc.Arbitrary<Payload | { query: Record<string, unknown> }>;
  /** Hand-picked inputs tried before the generated ones. */
  examples?: Payload[];
}

const base = { sensor_id: 'fz-pump-1', value: 1 };
const storedStringCases: Payload[] = [
  { json: { ...base, unit: 'a\u0000b' } },
  { json: { ...base, metadata: { note: 'nul \u0000 inside' } } },
  { json: { ...base, metadata: { 'k\u0000': 1 } } },
  { json: { ...base, metadata: { deep: new DeepNest(5000, true) } } },
  { json: { ...base, metadata: { deep: new DeepNest(5000, false) } } },
  { json: { ...base, quality: 1e-40 } },
  { json: { ...base, value: 1e308, timestamp: '1970-01-01T00:00:00Z' } },
];

const endpoints: Endpoint[] = [
  { name: 'ingest', method: 'POST', path: '/api/v1/data/ingest', input: payloads(shaped(reading)), examples: storedStringCases },
  {
    name: 'batch',
    method: 'POST',
    path: '/api/v1/data/ingest/batch',
    input: payloads(shaped({ readings: fc.array(shaped(reading), { maxLength: 6 }) })),
    examples: storedStringCases.map((c): Payload => ({ json: { readings: [(c as { json: unknown }).json] } })),
  },
  {
    name: 'readings query',
    method: 'GET',
    path: '/api/v1/sensors/readings',
    input: fc
      .record(
        {
          limit: fc.oneof(fc.integer({ min: 1, max: 1000 }), hostile),
          offset: fc.oneof(fc.nat(1000), hostile),
          sensor_id: fc.oneof(sensorId, hostile),
          start_ts: fc.oneof(isoTime, hostile),
          end_ts: fc.oneof(isoTime, hostile),
          format: fc.oneof(fc.constantFrom('json', 'csv'), hostile),
        },
        { requiredKeys: [] },
      )
      .chain((q) =>
        fc.tuple(fc.constant(q), hostileString, hostileString).map(([base, k, v]) => ({ query: k ? { ...base, [k]: v } : base })),
      ),
  },
  {
    name: 'predict',
    method: 'POST',
    path: '/api/v1/ml/predict',
    input: payloads(
      shaped({
        model_name: fc.constantFrom('ai4i_classifier_randomforest_baseline', 'ai4i_classifier_randomforest_baseline_v2', 'no_such_model'),
        model_version: fc.constantFrom('auto', '1', '999'),
        features: shaped(features),
        sensor_id: sensorId,
        explain: fc.boolean(),
      }),
    ),
  },
  {
    name: 'detect_anomaly',
    method: 'POST',
    path: '/api/v1/ml/detect_anomaly',
    input: payloads(
      shaped({
        readings: fc.array(shaped({ value: finite, timestamp: isoTime, sensor_id: sensorId }), { maxLength: 30 }),
        sensor_id: sensorId,
        window_minutes: fc.integer({ min: 1, max: 10080 }),
        model_version: fc.constantFrom('auto', '1'),
      }),
    ),
  },
  {
    name: 'check_drift',
    method: 'POST',
    path: '/api/v1/ml/check_drift',
    input: payloads(
      shaped({
        sensor_id: sensorId,
        window_minutes: fc.integer({ min: 1, max: 10080 }),
        p_value_threshold: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        min_samples: fc.integer({ min: 2, max: 100 }),
        reference_start: isoTime,
        reference_end: isoTime,
      }),
    ),
  },
  {
    name: 'golden-path start',
    method: 'POST',
    path: '/api/v1/demo/golden-path',
    input: payloads(
      shaped({
        sensor_events: fc.integer({ min: 5, max: 200 }),
        scenario: fc.constantFrom('normal', 'drift', 'anomaly'),
        include_human_decision: fc.boolean(),
        decision_timeout_seconds: fc.integer({ min: 1, max: 604800 }),
        auto_decision: fc.constantFrom('approved', 'rejected', 'escalated', null),
        sensor_id: sensorId,
      }),
    ),
  },
  {
    name: 'decisions submit',
    method: 'POST',
    path: '/api/v1/decisions/submit',
    input: payloads(
      shaped({
        request_id: fc.constantFrom('dr-golden-path-00000000-0000-4000-8000-000000000000', 'dr-unknown'),
        decision: fc.constantFrom('approved', 'rejected', 'escalated'),
        operator_id: fc.constantFrom('eva.santos', 'op@plant:1'),
        justification: fc.constantFrom('bearing noise confirmed', 'seen it'),
        correlation_id: fc.uuid(),
      }),
    ),
  },
];

/** JSON.stringify, with every DeepNest spliced in as its text. */
function serialise(value: unknown): string {
  const deep: DeepNest[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof DeepNest ? `\u0001deep${deep.push(v) - 1}\u0001` : v));
  return text === undefined ? 'null' : text.replace(/"\\u0001deep(\d+)\\u0001"/g, (_m, i: string) => deep[Number(i)]!.text());
}

function toRequest(endpoint: Endpoint, input: Payload | { query: Record<string, unknown> }): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { 'X-API-Key': key };
  if ('query' in input) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(input.query)) params.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));
    return { url: `${stack.baseUrl}${endpoint.path}?${params}`, init: { method: 'GET', headers } };
  }
  headers['Content-Type'] = 'application/json';
  return {
    url: stack.baseUrl + endpoint.path,
    init: { method: endpoint.method, headers, body: 'raw' in input ? input.raw : serialise(input.json) },
  };
}

const summary: string[] = [];
afterAll(() => console.log(`[fuzz] ${RUNS} generated requests per endpoint, seed ${SEED}\n${summary.join('\n')}`));

describe('public endpoints under generated payloads', () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.name}: never answers 5xx, and writes nothing when it rejects`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(endpoint.input, async (input) => {
          const { url, init } = toRequest(endpoint, input);
          const before = await rowCounts();
          const res = await fetch(url, init);
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${endpoint.name} answered ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await rowCounts(), `${endpoint.name} wrote rows while answering ${res.status}`).toEqual(before);
          // A prediction is stored after its answer is sent: let such writes land before the next run counts.
          else await settle();
        }),
        { numRuns: RUNS, seed: SEED, examples: (endpoint.examples ?? []).map((e): [Payload] => [e]) },
      );
      summary.push(
        `  ${endpoint.name}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
      );
      // The generator must reach the handler's own validation, not only the JSON parser.
      expect([...statuses.keys()].some((s) => s === 422 || s === 404 || s === 409 || (s >= 200 && s < 300))).toBe(true);
    });
  }
});
