/**
 * `npm run smoke -- --url http://localhost:8000 --key <key>`: proves a RUNNING system works end to
 * end — health, ingest with an Idempotency-Key and read back (exactly once), a prediction, a Golden
 * Path that stops for a human decision and completes after it, and the metrics endpoint. Prints one
 * JSON summary and exits non-zero when any step failed. Defaults: SMOKE_URL / SMOKE_API_KEY, else
 * http://localhost:8000 and the generated admin key in .data/admin-key.
 *
 * The test suite calls runSmoke() against the stack it starts (test/deploy/smoke.int.test.ts), and
 * deploy/deploy.sh runs this file inside the image after every rollout.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, getConfig } from '../config';

export interface SmokeStep {
  name: string;
  ok: boolean;
  /** HTTP status of the step's last request; null when none was answered. */
  status: number | null;
  latency_ms: number;
  detail: string;
}

export interface SmokeSummary {
  ok: boolean;
  base_url: string;
  steps: SmokeStep[];
}

export interface SmokeOptions {
  baseUrl: string;
  apiKey: string;
  /** Bound of one HTTP request. */
  requestTimeoutMs?: number;
  /** Bound of each Golden Path wait (until the decision gate, then until completion). */
  goldenPathTimeoutMs?: number;
  /** Bound of the whole run; steps not started by then fail as skipped. */
  totalTimeoutMs?: number;
}

/** What the smoke test predicts on: a healthy AI4I machine of type M. */
export const SMOKE_PREDICTION = {
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

class StepFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

type Json = Record<string, unknown>;

/** Runs every step against a running system and returns the summary; never throws. */
export async function runSmoke(opts: SmokeOptions): Promise<SmokeSummary> {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const requestTimeoutMs = opts.requestTimeoutMs ?? 10_000;
  const goldenPathTimeoutMs = opts.goldenPathTimeoutMs ?? 20_000;
  const deadline = Date.now() + (opts.totalTimeoutMs ?? 55_000);
  const steps: SmokeStep[] = [];
  let lastStatus: number | null = null;

  async function call(
    method: string,
    urlPath: string,
    init: { json?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (init.auth !== false) headers.set('X-API-Key', opts.apiKey);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    const timeout = Math.max(1, Math.min(requestTimeoutMs, deadline - Date.now()));
    let res: Response;
    try {
      res = await fetch(baseUrl + urlPath, {
        method,
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (err) {
      lastStatus = null;
      // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND) in cause.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const reason =
        (err as Error).name === 'TimeoutError'
          ? `no answer within ${timeout} ms`
          : (cause?.code ?? cause?.message ?? (err as Error).message);
      throw new StepFailure(`${method} ${urlPath}: ${reason}`, null);
    }
    const text = await res.text();
    lastStatus = res.status;
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: () => {
        try {
          return JSON.parse(text);
        } catch {
          throw new StepFailure(`${method} ${urlPath}: answer is not JSON: ${text.slice(0, 120)}`, res.status);
        }
      },
    };
  }

  function expectStatus(answer: Answer, wanted: number[], what: string): void {
    if (!wanted.includes(answer.status)) {
      throw new StepFailure(`${what}: HTTP ${answer.status} (wanted ${wanted.join('/')}): ${answer.text.slice(0, 200)}`, answer.status);
    }
  }

  /** Runs one step; a failed dependency or a spent overall budget fails it as skipped. */
  async function step(name: string, dependsOn: string[], body: () => Promise<string>): Promise<boolean> {
    const failedDependency = dependsOn.find((d) => !steps.find((s) => s.name === d)?.ok);
    if (failedDependency || Date.now() >= deadline) {
      const why = failedDependency ? `skipped: ${failedDependency} failed` : 'skipped: overall time budget spent';
      steps.push({ name, ok: false, status: null, latency_ms: 0, detail: why });
      return false;
    }
    lastStatus = null;
    const started = performance.now();
    try {
      const detail = await body();
      steps.push({ name, ok: true, status: lastStatus, latency_ms: Math.round(performance.now() - started), detail });
      return true;
    } catch (err) {
      const status = err instanceof StepFailure ? err.status : lastStatus;
      steps.push({ name, ok: false, status, latency_ms: Math.round(performance.now() - started), detail: (err as Error).message });
      return false;
    }
  }

  /** Polls the Golden Path status document until its status is one of `wanted`. */
  async function waitForRun(correlationId: string, wanted: string[], stopOn: string[]): Promise<Json> {
    const until = Math.min(deadline, Date.now() + goldenPathTimeoutMs);
    let last = 'no status yet';
    for (;;) {
      const answer = await call('GET', `/api/v1/demo/golden-path/status/${correlationId}`);
      // 404 until the workflow has reported its first progress.
      if (answer.status === 200) {
        const doc = answer.json() as Json;
        last = String(doc.status);
        if (wanted.includes(last)) return doc;
        if (stopOn.includes(last)) throw new StepFailure(`run reached "${last}" instead of ${wanted.join('/')}`, answer.status);
      } else if (answer.status !== 404) {
        expectStatus(answer, [200, 404], 'golden path status');
      }
      if (Date.now() + 250 >= until)
        throw new StepFailure(`run still "${last}" after ${goldenPathTimeoutMs} ms (wanted ${wanted.join('/')})`, answer.status);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  await step('health', [], async () => {
    // With the key: the dependencies are listed only for a caller with a valid key.
    const answer = await call('GET', '/health');
    expectStatus(answer, [200], 'GET /health');
    const doc = answer.json() as { status?: string; dependencies?: Record<string, { status: string }> };
    if (doc.status !== 'ok') throw new StepFailure(`status is ${doc.status}`, answer.status);
    return Object.entries(doc.dependencies ?? {})
      .map(([name, d]) => `${name} ${d.status}`)
      .join(', ');
  });

  const sensorId = `smoke-${randomUUID().slice(0, 8)}`;
  const idempotencyKey = `smoke-${randomUUID()}`;
  const reading = { sensor_id: sensorId, value: 21.5, sensor_type: 'temperature', unit: 'C', timestamp: new Date().toISOString() };
  let readingId = '';

  await step('ingest', [], async () => {
    const answer = await call('POST', '/api/v1/data/ingest', { json: reading, headers: { 'Idempotency-Key': idempotencyKey } });
    expectStatus(answer, [200, 201], 'POST /api/v1/data/ingest');
    readingId = String(((answer.json() as Json).reading as Json | undefined)?.id ?? '');
    if (!readingId) throw new StepFailure('the answer carries no reading id', answer.status);
    return `reading ${readingId} for ${sensorId}`;
  });

  await step('ingest_replay', ['ingest'], async () => {
    const answer = await call('POST', '/api/v1/data/ingest', { json: reading, headers: { 'Idempotency-Key': idempotencyKey } });
    expectStatus(answer, [200, 201], 'repeated POST /api/v1/data/ingest');
    const replayedId = String(((answer.json() as Json).reading as Json | undefined)?.id ?? '');
    if (replayedId !== readingId)
      throw new StepFailure(`the same Idempotency-Key gave reading ${replayedId}, not ${readingId}`, answer.status);
    return `replayed ${readingId} (Idempotent-Replayed: ${answer.headers.get('Idempotent-Replayed') ?? 'absent'})`;
  });

  await step('read_back', ['ingest'], async () => {
    const answer = await call('GET', `/api/v1/sensors/readings?sensor_id=${encodeURIComponent(sensorId)}&limit=10`);
    expectStatus(answer, [200], 'GET /api/v1/sensors/readings');
    const rows = answer.json() as Json[];
    if (!Array.isArray(rows)) throw new StepFailure('the answer is not a list', answer.status);
    if (rows.length !== 1) throw new StepFailure(`${rows.length} readings stored for ${sensorId}, wanted exactly 1`, answer.status);
    const [row] = rows;
    if (row!.id !== readingId || row!.value !== reading.value) {
      throw new StepFailure(`read back ${JSON.stringify(row).slice(0, 160)}, wanted id ${readingId} value ${reading.value}`, answer.status);
    }
    return `1 reading, value ${reading.value}`;
  });

  await step('predict', [], async () => {
    const answer = await call('POST', '/api/v1/ml/predict', { json: SMOKE_PREDICTION });
    expectStatus(answer, [200], 'POST /api/v1/ml/predict');
    const doc = answer.json() as { prediction?: unknown; probability?: unknown; model_info?: { name?: string; version?: string } };
    if (typeof doc.probability !== 'number' || doc.probability < 0 || doc.probability > 1) {
      throw new StepFailure(`probability ${String(doc.probability)} is not in [0, 1]`, answer.status);
    }
    return `prediction ${String(doc.prediction)}, p=${doc.probability.toFixed(3)} (${doc.model_info?.name}@${doc.model_info?.version})`;
  });

  let correlationId = '';
  let decisionRequestId = '';
  await step('golden_path_start', [], async () => {
    // A fixed seed: an unseeded drift run of 20 readings now and then stays under the risk
    // threshold and completes without asking, which is no fault of the system under test.
    const answer = await call('POST', '/api/v1/demo/golden-path', { json: { sensor_events: 20, scenario: 'drift', seed: 1 } });
    expectStatus(answer, [202], 'POST /api/v1/demo/golden-path');
    correlationId = String((answer.json() as Json).correlation_id ?? '');
    if (!correlationId) throw new StepFailure('the answer carries no correlation_id', answer.status);
    return `correlation ${correlationId}`;
  });

  await step('golden_path_waiting_for_decision', ['golden_path_start'], async () => {
    // The drift scenario is built to cross the risk threshold: completing without asking is a failure.
    const doc = await waitForRun(correlationId, ['waiting_for_decision'], ['completed', 'failed']);
    decisionRequestId = String(doc.decision_request_id ?? '');
    if (!decisionRequestId) throw new StepFailure('waiting for a decision without a decision_request_id', lastStatus);
    const probability = (doc.prediction as { probability?: number } | undefined)?.probability;
    return `decision request ${decisionRequestId}${probability === undefined ? '' : `, p=${probability.toFixed(3)}`}`;
  });

  await step('decision_submit', ['golden_path_waiting_for_decision'], async () => {
    const answer = await call('POST', '/api/v1/decisions/submit', {
      // A rejection: a smoke run on a live system must not book a real technician, and an approval
      // of a very urgent order by a person's key would wait for a second person (four eyes).
      json: { request_id: decisionRequestId, decision: 'rejected', operator_id: 'smoke', justification: 'smoke test: nothing to do' },
    });
    expectStatus(answer, [200, 201], 'POST /api/v1/decisions/submit');
    const doc = answer.json() as Json;
    if (doc.decision !== 'rejected') throw new StepFailure(`recorded decision is ${String(doc.decision)}`, answer.status);
    return 'rejected by smoke';
  });

  await step('golden_path_completed', ['decision_submit'], async () => {
    const doc = await waitForRun(correlationId, ['completed'], ['failed']);
    return `completed${doc.maintenance_order_id ? `, order ${String(doc.maintenance_order_id)}` : ''}`;
  });

  // The admin route: the public port serves no /metrics (Prometheus scrapes METRICS_HOST:METRICS_PORT).
  await step('metrics', [], async () => {
    const answer = await call('GET', '/api/v1/metrics');
    expectStatus(answer, [200], 'GET /api/v1/metrics');
    if (!answer.text.includes('sm_http_requests_total')) throw new StepFailure('sm_http_requests_total is missing', answer.status);
    return `${answer.text.split('\n').filter((l) => l.startsWith('sm_http_requests_total')).length} sm_http_requests_total series`;
  });

  return { ok: steps.every((s) => s.ok), base_url: baseUrl, steps };
}

function defaultKey(): string {
  const file = path.join(dataDir(getConfig()), 'admin-key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, key: { type: 'string' } }, allowPositionals: false });
  const baseUrl = values.url ?? process.env.SMOKE_URL ?? 'http://localhost:8000';
  const apiKey = values.key ?? process.env.SMOKE_API_KEY ?? defaultKey();
  if (!apiKey) throw new Error('no API key: pass --key, set SMOKE_API_KEY, or start the API once so it writes .data/admin-key');
  const summary = await runSmoke({ baseUrl, apiKey });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.exitCode = summary.ok ? 0 : 1;
}

if (require.main === module) {
  run().catch((err) => {
    console.error(`[smoke] ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  });
}
