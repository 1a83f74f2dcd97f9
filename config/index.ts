import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Project root, so relative paths in config mean the same thing from any working directory. */
export const projectRoot = path.resolve(__dirname, '..');

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * Every environment variable the platform reads, with its default.
 * Nothing else in the code base touches process.env (see CONVENTIONS.md).
 */
const schema = z.object({
  /** development | test | production: only changes log formatting and defaults below. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where runtime data lives (Temporal's SQLite file, the admin key, uploads). */
  DATA_DIR: z.string().default('.data'),
  /** PostgreSQL connection string for domain data. */
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/smart_maintenance'),
  /** Connections in the pool of each process. */
  DATABASE_POOL_MAX: positiveInt.default(10),
  /** Redis for idempotency keys, rate limits and caches (never the only copy of anything). */
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  REDIS_PREFIX: z.string().default('sm:'),
  /** Temporal frontend gRPC address. */
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  /** Temporal namespace the workflows run in. */
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** CA that signed the Temporal frontend's certificate (PEM); setting any TEMPORAL_TLS_* turns TLS on. */
  TEMPORAL_TLS_CA_FILE: z.string().optional(),
  /** This process's client certificate for Temporal mTLS (PEM), with TEMPORAL_TLS_KEY_FILE. */
  TEMPORAL_TLS_CERT_FILE: z.string().optional(),
  /** The client certificate's private key (PEM). */
  TEMPORAL_TLS_KEY_FILE: z.string().optional(),
  /** Server name to verify when it differs from TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  /** File holding a bearer token (JWT) for Temporal's authorizer and claim mapper. */
  TEMPORAL_API_KEY_FILE: z.string().optional(),
  /** Base URL of Temporal Web, used to build links to workflows. */
  TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
  /** Prefix for task-queue names, so test runs never poll production queues. */
  TEMPORAL_TASK_QUEUE_PREFIX: z.string().default('smart-maintenance'),
  /** Port of the worker's own Prometheus endpoint (business and SDK metrics); 0 disables it. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Interface the worker's metrics endpoint binds to; containers set 0.0.0.0 so Prometheus can scrape it. */
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  /** Port of the Temporal SDK's Prometheus exporter in the worker (poll, task and cache metrics); 0 disables it. */
  WORKER_SDK_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  /** A prebuilt workflow bundle (`npm start` sets it); unset, the worker bundles the workflows with webpack itself. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /** `npm start`: restarts of one child (worker, API, Temporal) allowed within SUPERVISOR_RESTART_WINDOW_SECONDS before it gives up. */
  SUPERVISOR_MAX_RESTARTS: z.coerce.number().int().min(0).default(5),
  /** `npm start`: the sliding window, in seconds, over which a child's restarts are counted. */
  SUPERVISOR_RESTART_WINDOW_SECONDS: positiveInt.default(300),
  /** `npm start`: delay before the first restart of a child; it doubles with each restart in the window. */
  SUPERVISOR_BACKOFF_INITIAL_MS: positiveInt.default(500),
  /** `npm start`: the longest delay between restarts. */
  SUPERVISOR_BACKOFF_MAX_MS: positiveInt.default(15_000),
  /** How often the sensor-monitoring Schedule checks every active sensor for drift and anomaly bursts. */
  MONITORING_INTERVAL_MINUTES: positiveInt.default(15),
  /** Interface of the API's Prometheus endpoint, a listener apart from the public port; 0.0.0.0 only where Prometheus needs it. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Port of the API's Prometheus endpoint (`/metrics`); 0 disables it. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9463),
  /** Interface the API listens on. */
  API_HOST: z.string().default('127.0.0.1'),
  /** Port of the API and the built dashboard. */
  API_PORT: port.default(8000),
  /** Public base URL of the API, used in links returned to clients. */
  PUBLIC_URL: z.string().url().optional(),
  /** Seed API keys: `name=key@scope1,scope2;name2=key2@scope3`. Empty: an admin key is generated once. */
  API_KEYS: z.string().default(''),
  /** Origins allowed by CORS, comma separated. */
  CORS_ORIGINS: csv.default(['http://localhost:8000', 'http://127.0.0.1:8000', 'http://localhost:5173']),
  /** Requests per minute per API key. */
  RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  /** Failed authentications (missing or unknown key) per client address per minute; then 429 until the window ends. */
  AUTH_FAILURES_PER_MINUTE: positiveInt.default(30),
  /** Requests without a key to public API routes (/health…) per client address per minute. */
  KEYLESS_REQUESTS_PER_MINUTE: positiveInt.default(120),
  /** How long a /health answer is reused, so probes cannot be used to hammer the dependencies. */
  HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Drift checks per minute per API key (the original system's limit). */
  DRIFT_RATE_LIMIT_PER_MINUTE: positiveInt.default(10),
  /** Rows per minute per API key through POST /ml/predict/batch (beside the request itself counting once). */
  PREDICT_BATCH_ROWS_PER_MINUTE: positiveInt.default(60_000),
  /** Largest JSON body of a single request, in bytes. */
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  /** Largest body of a batch ingestion (10,000 readings), in bytes. */
  BATCH_BODY_LIMIT_BYTES: positiveInt.default(8 * 1_048_576),
  /** Largest body of POST /ml/rul: 100 trajectories of ~500 cycles at ~320 bytes a cycle. */
  RUL_BODY_LIMIT_BYTES: positiveInt.default(16 * 1_048_576),
  /** Largest CSV upload, in bytes. */
  CSV_BODY_LIMIT_BYTES: positiveInt.default(50 * 1_048_576),
  /** How long Redis remembers an Idempotency-Key (PostgreSQL remembers it forever). */
  IDEMPOTENCY_TTL_SECONDS: positiveInt.default(600),
  /** Workflows one API key may have running at once (counted through the StartedByKeyId search attribute). */
  WORKFLOW_MAX_RUNNING_PER_KEY: positiveInt.default(200),
  /** Workflow starts per API key per hour, all start routes together. */
  WORKFLOW_STARTS_PER_HOUR: positiveInt.default(1000),
  /** Open event streams (GET /workflows/{id}/events) per API key in one API process. */
  SSE_MAX_STREAMS_PER_KEY: positiveInt.default(20),
  /** Open event streams in one API process, all keys together. */
  SSE_MAX_STREAMS_PER_PROCESS: positiveInt.default(1000),
  /** Longest pinned reference window of a drift check, in days. */
  DRIFT_MAX_REFERENCE_DAYS: positiveInt.default(30),
  /** Most readings a drift check reads per window (the latest ones); the answer says when it was reached. */
  DRIFT_MAX_ROWS_PER_WINDOW: positiveInt.default(50_000),
  /** CSV bytes one API key may upload in any 24 hours. */
  CSV_DAILY_QUOTA_BYTES: positiveInt.default(500 * 1_048_576),
  /** Hours an upload's stored file is kept when its workflow never finished ingesting it. */
  CSV_UPLOAD_RETENTION_HOURS: positiveInt.default(7 * 24),
  /** Readings further in the future than this are rejected (clock skew allowance). */
  MAX_FUTURE_SKEW_SECONDS: positiveInt.default(300),
  /** Quality below this quarantines a reading. */
  QUALITY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  /** Where ONNX artifacts and the registry manifest live. */
  MODELS_DIR: z.string().default('models'),
  /** Skip loading ONNX models: anomaly detection falls back to statistics, prediction answers 503. */
  DISABLE_MODEL_LOADING: bool.default(false),
  /** Optional MLflow tracking server used as the model registry instead of the manifest. */
  MLFLOW_TRACKING_URI: z.string().url().optional(),
  /** What a decision deadline does when nobody decided: escalate, or approve in demo mode. */
  DECISION_TIMEOUT_POLICY: z.enum(['escalate', 'auto_approve']).default('escalate'),
  /** Shortest decision deadline a start request may ask for, so nobody can race a person to the deadline. */
  DECISION_TIMEOUT_MIN_SECONDS: positiveInt.default(60),
  /** Demo only: lets a start request carry `auto_decision`, and then only for the Golden Path's demo sensors. */
  DEMO_AUTO_DECISIONS: bool.default(false),
  /** Generic JSON webhook for notifications (empty: disabled). */
  NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  /** Slack-compatible incoming webhook (empty: disabled). */
  NOTIFY_SLACK_WEBHOOK_URL: z.string().url().optional(),
  /** Seconds within which an identical notification is not sent twice. */
  NOTIFY_DEDUP_SECONDS: positiveInt.default(300),
  /** Notifications per recipient per minute. */
  NOTIFY_RATE_PER_MINUTE: positiveInt.default(20),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

function loadDotEnv(): void {
  const file = path.join(projectRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

let cached: Config | undefined;

/** The process's configuration, parsed once on first use. */
export function getConfig(): Config {
  if (!cached) {
    loadDotEnv();
    cached = parseConfig(process.env);
  }
  return cached;
}

/** Absolute path of the data directory. */
export function dataDir(config: Config = getConfig()): string {
  return path.resolve(projectRoot, config.DATA_DIR);
}

/** Absolute path of the models directory. */
export function modelsDir(config: Config = getConfig()): string {
  return path.resolve(projectRoot, config.MODELS_DIR);
}
