import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The nearest folder above `from` holding package.json: config/ from the sources, dist/server/
 * from the bundles `npm start` runs (scripts/build-server.ts), the same root from both.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** Project root, so relative paths in config mean the same thing from any working directory. */
export const projectRoot = findProjectRoot(__dirname);

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
  /**
   * Workflows a worker keeps in its sticky cache. The SDK's default grows with V8's heap limit
   * (about 2,300 on a 24 GiB machine), so a worker holding many runs that wait for a decision kept
   * them all in memory; past this bound the least recently used run is evicted and replayed from
   * its history at its next task. At least the SDK's 40 concurrent workflow tasks.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(40).default(250),
  /**
   * Workflow threads (`workflowThreadPoolSize`): each is a V8 isolate with its own heap, so each
   * costs resident memory; with the SDK's reused V8 context one thread runs every cached workflow.
   */
  WORKER_WORKFLOW_THREADS: z.coerce.number().int().min(1).max(8).default(1),
  /** Workflow tasks a worker runs at once (`maxConcurrentWorkflowTaskExecutions`); at most WORKER_MAX_CACHED_WORKFLOWS. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(40).default(40),
  /** Activities a worker runs at once (`maxConcurrentActivityTaskExecutions`): bounds the native memory concurrent predictions and queries hold. */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(100),
  /** `npm start`: worker processes to run (each polls every task queue; see README "Scaling out"). */
  WORKERS: z.coerce.number().int().min(1).max(10).default(1),
  /** `npm start`: API processes to run; more than one share API_PORT through Node's cluster module. */
  API_PROCESSES: z.coerce.number().int().min(1).max(10).default(1),
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
  /** Raw readings older than this many days exist only as per-minute and per-hour aggregates (hourly roll-up Schedule). */
  RAW_READINGS_RETENTION_DAYS: positiveInt.default(30),
  /** Readings per roll-up transaction: bounds how long a batch holds its row locks. */
  RETENTION_BATCH_SIZE: positiveInt.default(5000),
  /** Default policy (until set on the Governance page): days the per-minute aggregates are kept. */
  MINUTE_AGGREGATES_RETENTION_DAYS: positiveInt.default(90),
  /** Default policy: days the per-hour aggregates are kept (long-range charts read them). */
  HOUR_AGGREGATES_RETENTION_DAYS: positiveInt.default(1825),
  /** Default policy: days the domain event log is kept. */
  EVENTS_RETENTION_DAYS: positiveInt.default(365),
  /** Default policy: days stored predictions are kept (those a maintenance order cites are kept with it). */
  PREDICTIONS_RETENTION_DAYS: positiveInt.default(365),
  /** Default policy: days the notification log is kept. */
  NOTIFICATIONS_RETENTION_DAYS: positiveInt.default(180),
  /** Default policy: days reports are kept (those cited as promotion evidence are kept). */
  REPORTS_RETENTION_DAYS: positiveInt.default(730),
  /** A legal hold keeps its record's readings window widened by this many hours on each side. */
  LEGAL_HOLD_MARGIN_HOURS: positiveInt.default(24),
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
  /** Connector process: port of its /health and /metrics (buffer, pause, rates per connector); 0 disables it. */
  CONNECTORS_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9466),
  /** Connector process: interface its /health and /metrics bind to. */
  CONNECTORS_METRICS_HOST: z.string().default('127.0.0.1'),
  /** Connector process: messages held unacknowledged in memory per connector before it pauses its source. */
  CONNECTOR_MAX_BUFFERED: positiveInt.max(65_535).default(5000),
  /** Connector process: rows per COPY transaction. */
  CONNECTOR_BATCH_SIZE: positiveInt.default(1000),
  /** Connector process: how long a partial batch waits for more messages before it is written. */
  CONNECTOR_LINGER_MS: positiveInt.default(20),
  /** Connector process: how often it re-reads the connectors table to follow changes made through the API. */
  CONNECTORS_POLL_MS: positiveInt.default(2000),
  /** Connector process: how often each connector's live status is written for the API. */
  CONNECTORS_STATUS_MS: positiveInt.default(1000),
  /** Quality below this quarantines a reading. */
  QUALITY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  /** Where ONNX artifacts and the registry manifest live. */
  MODELS_DIR: z.string().default('models'),
  /** Skip loading ONNX models: anomaly detection falls back to statistics, prediction answers 503. */
  DISABLE_MODEL_LOADING: bool.default(false),
  /**
   * Models whose ONNX sessions an API process creates before it listens: comma-separated names,
   * `all`, or none (the default). The others are created on their first request, which pays for
   * it once (about 0.2 s for a classifier, 1 s for the isolation forest on an idle machine).
   * ONNX Runtime and the four committed models hold about 50 MiB, which an API process that
   * only ingests and starts workflows never needs (issue #17's 150 MiB goal).
   */
  API_PRELOAD_MODELS: csv.default([]),
  /**
   * The same for a worker process, created before it polls. None by default: a worker whose
   * activities never predict (ingestion, reports, retention) should not hold ONNX Runtime, and the
   * first prediction activity pays the session once, well inside its 30 s or longer timeout.
   */
  WORKER_PRELOAD_MODELS: csv.default([]),
  /** Optional MLflow tracking server used as the model registry instead of the manifest. */
  MLFLOW_TRACKING_URI: z.string().url().optional(),
  /** What a decision deadline does when nobody decided: escalate, or approve in demo mode. */
  DECISION_TIMEOUT_POLICY: z.enum(['escalate', 'auto_approve']).default('escalate'),
  /** Shortest decision deadline a start request may ask for, so nobody can race a person to the deadline. */
  DECISION_TIMEOUT_MIN_SECONDS: positiveInt.default(60),
  /** How long a dashboard session lasts after sign-in, in hours. */
  SESSION_TTL_HOURS: positiveInt.default(12),
  /** Sign-in attempts per email and client address per 15 minutes; then 429 until the window ends. */
  LOGIN_ATTEMPTS_PER_15_MINUTES: positiveInt.default(10),
  /** How long a one-time sign-in link (first run, invitation) stays usable, in hours. */
  SIGN_IN_LINK_TTL_HOURS: positiveInt.default(72),
  /** Optional OpenID Connect sign-in: the provider's issuer URL (discovery at `/.well-known/openid-configuration`). */
  OIDC_ISSUER: z.string().url().optional(),
  /** The client registered at the provider; its redirect URI is `<PUBLIC_URL>/api/v1/auth/oidc/callback`. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client's secret (client_secret_basic); leave unset for a public client (PKCE alone). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with …"). */
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('OpenID Connect'),
  /** A verified email no user has becomes a new `viewer` (off: such a sign-in is refused). */
  OIDC_CREATE_USERS: bool.default(false),
  /** Orders of this priority or above need an `engineer` (or admin) to approve them (low…very_urgent, or `none`). */
  DECISION_ENGINEER_PRIORITY: z.enum(['low', 'medium', 'high', 'urgent', 'very_urgent', 'none']).default('urgent'),
  /** Orders of this priority or above need two approvals by different people (four eyes), or `none`. */
  DECISION_FOUR_EYES_PRIORITY: z.enum(['low', 'medium', 'high', 'urgent', 'very_urgent', 'none']).default('very_urgent'),
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
  /** Shadow evaluation: what one missed failure is counted at (an unplanned stop), in the plant's currency. */
  SHADOW_COST_MISSED_FAILURE: positiveInt.default(20_000),
  /** Shadow evaluation: what one unnecessary maintenance order is counted at (a technician's visit). */
  SHADOW_COST_EXTRA_ORDER: positiveInt.default(1_500),
  /** Promotion to Production needs a shadow report of the version at most this many hours old. */
  PROMOTION_MAX_REPORT_AGE_HOURS: positiveInt.default(168),
  /** Hours a promotion waits for an engineer's approval before it lapses. */
  PROMOTION_APPROVAL_TIMEOUT_HOURS: positiveInt.default(24),
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
