/**
 * The API's OpenAPI document as TypeScript types, for the dashboard's openapi-fetch client.
 * Generated from the route schemas by `npm run api:types`; do not edit by hand.
 */
export interface paths {
  '/api/v1/admin/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never the keys themselves) */
    get: operations['getApiV1AdminApiKeys'];
    put?: never;
    /** Create an API key (the key is shown once) */
    post: operations['postApiV1AdminApiKeys'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
    delete: operations['deleteApiV1AdminApiKeysId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/whoami': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling key and its scopes */
    get: operations['getApiV1AdminWhoami'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ingest one reading (committed before the answer) */
    post: operations['postApiV1DataIngest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data/ingest/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ingest up to 10000 readings in one transaction (all or nothing) */
    post: operations['postApiV1DataIngestBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data/ingest/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a CSV file; a durable workflow ingests it in batches */
    post: operations['postApiV1DataIngestCsv'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Human decisions, newest first, each with superseded_by; X-Total-Count has the filtered total; Accept: text/csv for CSV */
    get: operations['getApiV1Decisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/decisions/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a human decision for a waiting workflow (recorded by the audit agent) */
    post: operations['postApiV1DecisionsSubmit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo/golden-path': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start the Golden Path demonstration */
    post: operations['postApiV1DemoGoldenPath'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo/golden-path/status/{correlation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The run status document (stages, events, decision, order, report) */
    get: operations['getApiV1DemoGoldenPathStatusCorrelationId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The decision settings a start request must respect (the dashboard offers only what the server allows) */
    get: operations['getApiV1DemoSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and all dependencies */
    get: operations['getApiV1Health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/db': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** PostgreSQL reachability */
    get: operations['getApiV1HealthDb'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/redis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Redis reachability */
    get: operations['getApiV1HealthRedis'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/temporal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Temporal reachability */
    get: operations['getApiV1HealthTemporal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/maintenance/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order with its plan, explanation, bookings and status history */
    get: operations['getApiV1MaintenanceOrdersId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Move an order one step through its lifecycle (409 illegal_transition otherwise); approved, rejected and escalated need decisions:write */
    patch: operations['patchApiV1MaintenanceOrdersId'];
    trace?: never;
  };
  '/api/v1/maintenance/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a maintenance order by hand and plan it (tentative booking, awaiting approval) */
    post: operations['postApiV1MaintenanceSchedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/maintenance/scheduled': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders holding a technician (live booking) or scheduled / in progress, soonest window first; X-Total-Count has the total */
    get: operations['getApiV1MaintenanceScheduled'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/maintenance/technicians': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The technician roster: skills with levels, weekly shifts in site local time, UTC offset */
    get: operations['getApiV1MaintenanceTechnicians'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/maintenance/technicians/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or replace a technician (skills with levels 1–5, weekly shifts in site local time) */
    put: operations['putApiV1MaintenanceTechniciansId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API process's Prometheus metrics (Prometheus itself scrapes METRICS_HOST:METRICS_PORT) */
    get: operations['getApiV1Metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/check_drift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Two-sample KS test (and PSI) of a sensor's recent window against its reference window */
    post: operations['postApiV1MlCheckDrift'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/detect_anomaly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Anomalies among readings (or a sensor window): Isolation Forest + rolling robust baseline */
    post: operations['postApiV1MlDetectAnomaly'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Models with their versions, stages, enabled flags and test metrics */
    get: operations['getApiV1MlModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models/{name}/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The version "auto" resolves to (Production, then Staging, then the newest enabled) */
    get: operations['getApiV1MlModelsNameLatest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models/{name}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Versions of a model */
    get: operations['getApiV1MlModelsNameVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/predict': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Failure probability from the AI4I classifier, optionally with exact Shapley explanations */
    post: operations['postApiV1MlPredict'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/predict/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Failure probabilities for up to 1000 feature rows in one model run (all or nothing) */
    post: operations['postApiV1MlPredictBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/predictions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored predictions, newest first, filtered by sensor or by the correlation id of the request that made them */
    get: operations['getApiV1MlPredictions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/predictions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stored prediction, with its explanation once the background workflow has attached it */
    get: operations['getApiV1MlPredictionsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/predictions/{id}/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute exact Shapley explanations for a stored prediction in the background (workflow explain-<id>) */
    post: operations['postApiV1MlPredictionsIdExplain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/rul': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remaining useful life (cycles) with a conformal interval, from one trajectory or up to 100 in one model run */
    post: operations['postApiV1MlRul'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/monitoring/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a monitoring pass now: drift check and anomaly-burst count per active sensor, incidents where needed */
    post: operations['postApiV1MonitoringRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/monitoring/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The monitoring Schedule: interval, paused or not, next and recent runs */
    get: operations['getApiV1MonitoringSchedule'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent reports, newest first, with their key figures (no tables); X-Total-Count has the total */
    get: operations['getApiV1Reports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stored report as JSON: key figures, chart data and tables */
    get: operations['getApiV1ReportsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{id}/artifact.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report's tables as CSV (one titled section per table) */
    get: operations['getApiV1ReportsIdArtifactCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{id}/artifact.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report as PDF: key figures, charts and tables */
    get: operations['getApiV1ReportsIdArtifactPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute a report from the database now; stored with CSV and PDF artifacts */
    post: operations['postApiV1ReportsGenerate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sensors/readings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readings, newest first; X-Total-Count has the filtered total; Accept: text/csv for CSV */
    get: operations['getApiV1SensorsReadings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sensors/sensors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registered sensors with reading count, first and last reading */
    get: operations['getApiV1SensorsSensors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/simulate/anomaly-event': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ingest a normal series with injected spikes */
    post: operations['postApiV1SimulateAnomalyEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/simulate/drift-event': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ingest a series whose second half drifts upward */
    post: operations['postApiV1SimulateDriftEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/simulate/normal-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ingest a healthy series */
    post: operations['postApiV1SimulateNormalData'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Running and recent workflows, filtered by type, status, sensor or correlation id */
    get: operations['getApiV1Workflows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workflow: status, progress and a Temporal Web link */
    get: operations['getApiV1WorkflowsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: progress until the workflow closes */
    get: operations['getApiV1WorkflowsIdEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The event history as JSON, ready for `npm run replay` */
    get: operations['getApiV1WorkflowsIdHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/{id}/signals/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the human decision signal to a waiting workflow */
    post: operations['postApiV1WorkflowsIdSignalsDecision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/goldenPath': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start the Golden Path demonstration */
    post: operations['postApiV1WorkflowsGoldenPath'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/predictionToMaintenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Predict and, when risky, run the maintenance flow with a human decision */
    post: operations['postApiV1WorkflowsPredictionToMaintenance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/reportGeneration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Build and store a report (JSON, CSV, PDF) in a workflow; its result names the report and its artifacts */
    post: operations['postApiV1WorkflowsReportGeneration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      code?: string;
      detail: string;
      errors?: {
        field?: string;
        message?: string;
      }[];
      instance?: string;
      request_id?: string;
      status: number;
      title: string;
      type: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getApiV1AdminApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Keys */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            /** @description The first 7 characters of a generated key; empty for a key seeded from API_KEYS */
            key_prefix: string;
            name: string;
            revoked_at: string | null;
            scopes: string[];
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1AdminApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          scopes: (
            | 'data:ingest'
            | 'data:read'
            | 'ml:predict'
            | 'ml:anomaly'
            | 'ml:drift'
            | 'workflows:write'
            | 'workflows:read'
            | 'decisions:write'
            | 'reports:generate'
            | 'maintenance:schedule'
            | 'maintenance:read'
            | 'admin'
          )[];
        };
      };
    };
    responses: {
      /** @description Created; `key` is not retrievable later */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            key: string;
            /** @description The first 7 characters of a generated key; empty for a key seeded from API_KEYS */
            key_prefix: string;
            name: string;
            revoked_at: string | null;
            scopes: string[];
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteApiV1AdminApiKeysId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            /** @description The first 7 characters of a generated key; empty for a key seeded from API_KEYS */
            key_prefix: string;
            name: string;
            revoked_at: string | null;
            scopes: string[];
          };
        };
      };
      /** @description No such key */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1AdminWhoami: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The key */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            /** @description The first 7 characters of a generated key; empty for a key seeded from API_KEYS */
            key_prefix: string;
            name: string;
            revoked_at: string | null;
            scopes: string[];
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1DataIngest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the first answer for the same body; 409 for a different body */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          correlation_id?: string;
          metadata?: {
            [key: string]: unknown;
          };
          /** @default 1 */
          quality?: number;
          /** @description Sensor identifier */
          sensor_id: string;
          /**
           * @default temperature
           * @enum {string}
           */
          sensor_type?:
            | 'temperature'
            | 'air_temperature'
            | 'process_temperature'
            | 'vibration'
            | 'pressure'
            | 'humidity'
            | 'voltage'
            | 'current'
            | 'power'
            | 'flow'
            | 'rotational_speed'
            | 'torque'
            | 'tool_wear'
            | 'acoustic';
          /**
           * Format: date-time
           * @description When the value was measured; defaults to now
           */
          timestamp?: string;
          unit?: string;
          value: number;
        };
      };
    };
    responses: {
      /** @description Committed (or replayed for a known Idempotency-Key) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description X-Correlation-ID as sent with the first request for this reading, or a new UUID */
            correlation_id: string;
            /** @description The stored reading's id (the original system's name) */
            event_id: string;
            idempotency_key: string | null;
            message: string;
            reading: {
              correlation_id: string | null;
              id: string;
              ingested_at: string;
              metadata: {
                [key: string]: unknown;
              };
              quality: number;
              sensor_id: string;
              sensor_type: string;
              timestamp: string;
              unit: string | null;
              value: number;
            };
            sensor_id: string;
            /** @constant */
            status: 'success';
          };
        };
      };
      /** @description Idempotency-Key reused with a different body */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid reading */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1DataIngestBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          readings: {
            /** Format: uuid */
            correlation_id?: string;
            metadata?: {
              [key: string]: unknown;
            };
            /** @default 1 */
            quality?: number;
            /** @description Sensor identifier */
            sensor_id: string;
            /**
             * @default temperature
             * @enum {string}
             */
            sensor_type?:
              | 'temperature'
              | 'air_temperature'
              | 'process_temperature'
              | 'vibration'
              | 'pressure'
              | 'humidity'
              | 'voltage'
              | 'current'
              | 'power'
              | 'flow'
              | 'rotational_speed'
              | 'torque'
              | 'tool_wear'
              | 'acoustic';
            /**
             * Format: date-time
             * @description When the value was measured; defaults to now
             */
            timestamp?: string;
            unit?: string;
            value: number;
          }[];
        };
      };
    };
    responses: {
      /** @description All readings committed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            duplicates: number;
            inserted: number;
            /** @constant */
            status: 'success';
          };
        };
      };
      /** @description An item is invalid; its index and field are named */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1DataIngestCsv: {
    parameters: {
      query?: {
        filename?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description Stored; the workflow id and its progress URL are returned */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            rows_total: number;
            status_url: string;
            temporal_url: string;
            upload_id: string;
            workflow_id: string;
          };
        };
      };
      /** @description Structurally malformed CSV (the line is named) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1Decisions: {
    parameters: {
      query?: {
        correlation_id?: string;
        decision?: 'approved' | 'rejected' | 'escalated';
        end_date?: string;
        format?: 'json' | 'csv';
        from?: string;
        limit?: number;
        offset?: number;
        operator_id?: string;
        request_id?: string;
        start_date?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of decisions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            created_at: string;
            /** @description Who decided, as authenticated (operator_id is what the body said); null before identities were recorded */
            decided_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'system';
            } | null;
            /** @enum {string} */
            decision: 'approved' | 'rejected' | 'escalated';
            id: string;
            justification: string;
            operator_id: string;
            order_id: string | null;
            request_id: string;
            source: string;
            superseded_by: string | null;
            supersedes: string | null;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1DecisionsSubmit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          correlation_id?: string;
          /** @enum {string} */
          decision: 'approved' | 'rejected' | 'escalated';
          justification: string;
          operator_id: string;
          request_id: string;
        };
      };
    };
    responses: {
      /** @description The recorded decision */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            /** @description Who decided, as authenticated (operator_id is what the body said) */
            decided_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'system';
            } | null;
            /** @enum {string} */
            decision: 'approved' | 'rejected' | 'escalated';
            id: string;
            justification: string;
            operator_id: string;
            request_id: string;
            source: string;
            workflow_id: string;
          };
        };
      };
      /** @description No workflow waits for that request */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Already decided */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1DemoGoldenPath: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Demo only: refused unless the server sets DEMO_AUTO_DECISIONS, and then only for demo sensors
           * @default null
           */
          auto_decision?: ('approved' | 'rejected' | 'escalated') | null;
          /**
           * @description At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY
           * @default 600
           */
          decision_timeout_seconds?: number;
          /** @default true */
          include_human_decision?: boolean;
          /**
           * @default anomaly
           * @enum {string}
           */
          scenario?: 'normal' | 'drift' | 'anomaly';
          /** @default 20 */
          sensor_events?: number;
          /** @description Defaults to a fresh demo sensor; naming any other sensor writes readings to it, so it needs data:ingest too */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Started; follow it at status_url or events_url */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            events_url: string;
            sensor_id: string;
            status_url: string;
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description sensor_id names a sensor that is not a demo sensor and the key lacks data:ingest */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body, a deadline below DECISION_TIMEOUT_MIN_SECONDS, or an auto_decision the server does not allow */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1DemoGoldenPathStatusCorrelationId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        correlation_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Status document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            decision: {
              decided_by?: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              decision: string;
              justification: string;
              operator_id: string;
              source: string;
            } | null;
            decision_deadline: string | null;
            decision_request_id: string | null;
            events: {
              message: string;
              stage:
                ('ingestion' | 'processing' | 'anomaly_detection' | 'validation' | 'prediction' | 'maintenance' | 'human_decision') | null;
              ts: string;
              type: string;
            }[];
            finished_at: string | null;
            maintenance_order_id: string | null;
            prediction: {
              model: string;
              prediction: number;
              probability: number;
              version: string;
            } | null;
            report_id: string | null;
            scenario: string;
            sensor_id: string;
            similar_cases: {
              decision: string | null;
              id: string;
              outcome: string | null;
              similarity: number;
              summary: string;
            }[];
            stages: {
              duration_ms: number | null;
              event_count: number;
              finished_at: string | null;
              message: string;
              /** @enum {string} */
              name: 'ingestion' | 'processing' | 'anomaly_detection' | 'validation' | 'prediction' | 'maintenance' | 'human_decision';
              started_at: string | null;
              /** @enum {string} */
              status: 'pending' | 'running' | 'complete' | 'failed' | 'skipped';
            }[];
            started_at: string;
            /** @enum {string} */
            status: 'running' | 'waiting_for_decision' | 'completed' | 'failed' | 'timed_out';
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description No such run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1DemoSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The decision settings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Whether auto_decision is accepted (DEMO_AUTO_DECISIONS), for demo sensors only */
            auto_decisions: boolean;
            /** @description The smallest decision_timeout_seconds accepted */
            decision_timeout_min_seconds: number;
            /**
             * @description What a decision deadline does (DECISION_TIMEOUT_POLICY)
             * @enum {string}
             */
            decision_timeout_policy: 'escalate' | 'auto_approve';
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1Health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All probed dependencies answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description A dependency is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1HealthDb: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All probed dependencies answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description A dependency is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1HealthRedis: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All probed dependencies answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description A dependency is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1HealthTemporal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All probed dependencies answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description A dependency is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description With a valid X-API-Key only */
            dependencies?: {
              [key: string]: {
                error?: string;
                latency_ms: number;
                /** @enum {string} */
                status: 'up' | 'down';
              };
            };
            /** @enum {string} */
            status: 'ok' | 'degraded';
            /** @description With a valid X-API-Key only */
            uptime_seconds?: number;
            /** @description With a valid X-API-Key only */
            version?: string;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MaintenanceOrdersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            booking: {
              created_at: string;
              id: string;
              released_at: string | null;
              /** @enum {string} */
              status: 'tentative' | 'firm' | 'released';
              technician_id: string;
              window_end: string;
              window_start: string;
            } | null;
            bookings: {
              created_at: string;
              id: string;
              released_at: string | null;
              /** @enum {string} */
              status: 'tentative' | 'firm' | 'released';
              technician_id: string;
              window_end: string;
              window_start: string;
            }[];
            correlation_id: string | null;
            created_at: string;
            deadline: string | null;
            duration_minutes: number;
            equipment: string | null;
            failure_probability: number | null;
            id: string;
            plan: {
              reasons: string[];
              technician_id: string;
              technician_name: string;
              window_end: string;
              window_start: string;
            } | null;
            plan_explanation: unknown;
            prediction_id: string | null;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
            reasons: string[];
            required_level: number;
            required_skill: string;
            sensor_id: string;
            /** @enum {string} */
            status:
              | 'proposed'
              | 'awaiting_approval'
              | 'approved'
              | 'rejected'
              | 'escalated'
              | 'scheduled'
              | 'in_progress'
              | 'completed'
              | 'closed'
              | 'cancelled';
            technician_id: string | null;
            technician_name: string | null;
            transitions: {
              actor: string;
              /** @description Who made the move, as authenticated; null before identities were recorded */
              by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              from_status: string | null;
              note: string | null;
              to_status: string;
              ts: string;
            }[];
            unassigned_code: string | null;
            unassigned_reason: string | null;
            updated_at: string;
            window_end: string | null;
            window_start: string | null;
            workflow_id: string | null;
          };
        };
      };
      /** @description No such order */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchApiV1MaintenanceOrdersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Free text kept beside the authenticated key (transitions[].by); defaults to the API key name */
          actor?: string;
          note?: string;
          /** @enum {string} */
          status:
            | 'proposed'
            | 'awaiting_approval'
            | 'approved'
            | 'rejected'
            | 'escalated'
            | 'scheduled'
            | 'in_progress'
            | 'completed'
            | 'closed'
            | 'cancelled';
        };
      };
    };
    responses: {
      /** @description The order after the change (unchanged when it already had that status) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            booking: {
              created_at: string;
              id: string;
              released_at: string | null;
              /** @enum {string} */
              status: 'tentative' | 'firm' | 'released';
              technician_id: string;
              window_end: string;
              window_start: string;
            } | null;
            bookings: {
              created_at: string;
              id: string;
              released_at: string | null;
              /** @enum {string} */
              status: 'tentative' | 'firm' | 'released';
              technician_id: string;
              window_end: string;
              window_start: string;
            }[];
            correlation_id: string | null;
            created_at: string;
            deadline: string | null;
            duration_minutes: number;
            equipment: string | null;
            failure_probability: number | null;
            id: string;
            plan: {
              reasons: string[];
              technician_id: string;
              technician_name: string;
              window_end: string;
              window_start: string;
            } | null;
            plan_explanation: unknown;
            prediction_id: string | null;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
            reasons: string[];
            required_level: number;
            required_skill: string;
            sensor_id: string;
            /** @enum {string} */
            status:
              | 'proposed'
              | 'awaiting_approval'
              | 'approved'
              | 'rejected'
              | 'escalated'
              | 'scheduled'
              | 'in_progress'
              | 'completed'
              | 'closed'
              | 'cancelled';
            technician_id: string | null;
            technician_name: string | null;
            transitions: {
              actor: string;
              /** @description Who made the move, as authenticated; null before identities were recorded */
              by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              from_status: string | null;
              note: string | null;
              to_status: string;
              ts: string;
            }[];
            unassigned_code: string | null;
            unassigned_reason: string | null;
            updated_at: string;
            window_end: string | null;
            window_start: string | null;
            workflow_id: string | null;
          };
        };
      };
      /** @description A decision status without decisions:write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such order */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description illegal_transition (names from, to and the allowed moves), no_slot when it cannot be scheduled, or awaiting_decision (a workflow waits for a human decision: request_id and submit_path say where to send it) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MaintenanceSchedule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description Stored on the order and echoed; X-Correlation-ID when absent
           */
          correlation_id?: string;
          /**
           * Format: date-time
           * @description Latest completion; a past deadline is planned within the next 7 days
           */
          deadline?: string;
          duration_minutes?: number;
          /** @description The order's equipment (the sensor registry's when absent) */
          equipment_id?: string;
          /** @description Required unless prediction_confidence or a time to failure is given */
          failure_probability?: number;
          /**
           * @description Attach a JSON report of the order and its plan (report)
           * @default false
           */
          include_report?: boolean;
          /** @description Kept as the note of the order's first transition */
          maintenance_type?: string;
          /**
           * Format: date-time
           * @description Sets the time to failure, hence the deadline (half-way to it) and the priority
           */
          predicted_failure_date?: string;
          /** @description Taken as the failure probability when failure_probability is absent */
          prediction_confidence?: number;
          /** @enum {string} */
          priority?: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
          required_level?: number;
          required_skill?: string;
          sensor_id: string;
          /** @description Chooses the required skill; read from the sensor registry when absent */
          sensor_type?: string;
          /** @description The same as predicted_failure_date, in days from now */
          time_to_failure_days?: number;
        };
      };
    };
    responses: {
      /** @description The order with its plan, or with the reason it could not be planned */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            created_at: string;
            deadline: string | null;
            duration_minutes: number;
            equipment: string | null;
            failure_probability: number | null;
            id: string;
            maintenance_type: string | null;
            plan: {
              reasons: string[];
              technician_id: string;
              technician_name: string;
              window_end: string;
              window_start: string;
            } | null;
            plan_message: string;
            prediction_id: string | null;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
            reasons: string[];
            /** @description With include_report */
            report?: {
              content: {
                [key: string]: unknown;
              };
              /** @constant */
              format: 'json';
              generated_at: string;
              report_id: string;
              /** @constant */
              report_type: 'maintenance_order';
            };
            required_level: number;
            required_skill: string;
            sensor_id: string;
            /** @enum {string} */
            status:
              | 'proposed'
              | 'awaiting_approval'
              | 'approved'
              | 'rejected'
              | 'escalated'
              | 'scheduled'
              | 'in_progress'
              | 'completed'
              | 'closed'
              | 'cancelled';
            technician_id: string | null;
            technician_name: string | null;
            unassigned_code: string | null;
            unassigned_reason: string | null;
            updated_at: string;
            window_end: string | null;
            window_start: string | null;
            workflow_id: string | null;
          };
        };
      };
      /** @description Invalid request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MaintenanceScheduled: {
    parameters: {
      query?: {
        correlation_id?: string;
        limit?: number;
        offset?: number;
        status?:
          | 'proposed'
          | 'awaiting_approval'
          | 'approved'
          | 'rejected'
          | 'escalated'
          | 'scheduled'
          | 'in_progress'
          | 'completed'
          | 'closed'
          | 'cancelled';
        technician?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of orders */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The same as technician_id */
            assigned_technician_id: string | null;
            booking_status: ('tentative' | 'firm') | null;
            correlation_id: string | null;
            created_at: string;
            id: string;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
            reasons: string[];
            /** @description The same as window_end */
            scheduled_end_time: string | null;
            /** @description The same as window_start */
            scheduled_start_time: string | null;
            sensor_id: string;
            /** @enum {string} */
            status:
              | 'proposed'
              | 'awaiting_approval'
              | 'approved'
              | 'rejected'
              | 'escalated'
              | 'scheduled'
              | 'in_progress'
              | 'completed'
              | 'closed'
              | 'cancelled';
            technician_id: string | null;
            technician_name: string | null;
            window_end: string | null;
            window_start: string | null;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MaintenanceTechnicians: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Technicians */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            created_at: string;
            id: string;
            name: string;
            shifts: {
              end: string;
              start: string;
              weekday: number;
            }[];
            site: string;
            skills: {
              level: number;
              skill: string;
            }[];
            utc_offset_minutes: number;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putApiV1MaintenanceTechniciansId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default true */
          active?: boolean;
          name: string;
          shifts: {
            end: string;
            start: string;
            weekday: number;
          }[];
          site: string;
          skills: {
            level: number;
            skill: string;
          }[];
          /** @default 0 */
          utc_offset_minutes?: number;
        };
      };
    };
    responses: {
      /** @description Replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            created_at: string;
            id: string;
            name: string;
            shifts: {
              end: string;
              start: string;
              weekday: number;
            }[];
            site: string;
            skills: {
              level: number;
              skill: string;
            }[];
            utc_offset_minutes: number;
          };
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            created_at: string;
            id: string;
            name: string;
            shifts: {
              end: string;
              start: string;
              weekday: number;
            }[];
            site: string;
            skills: {
              level: number;
              skill: string;
            }[];
            utc_offset_minutes: number;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1Metrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlCheckDrift: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 30 */
          min_samples?: number;
          /** @default 0.05 */
          p_value_threshold?: number;
          /** Format: date-time */
          reference_end?: string;
          /** Format: date-time */
          reference_start?: string;
          /** @description Sensor identifier */
          sensor_id: string;
          /** @default 60 */
          window_minutes?: number;
        };
      };
    };
    responses: {
      /** @description Drift result, or status insufficient_data */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Readings in the reference window (the original system's field) */
            baseline_count: number;
            drift_detected: boolean;
            /** @description When the check ran (the original system's field; the same as timestamp) */
            evaluated_at: string;
            ks_method: ('exact' | 'asymp') | null;
            ks_statistic: number | null;
            message: string;
            min_samples: number;
            p_value: number | null;
            p_value_threshold: number;
            psi: number | null;
            psi_band: ('stable' | 'moderate' | 'significant') | null;
            recent: {
              count: number;
              end: string;
              start: string;
              truncated: boolean;
            } | null;
            /** @description Readings in the recent window (the original system's field) */
            recent_count: number;
            reference: {
              count: number;
              end: string;
              pinned: boolean;
              start: string;
              truncated: boolean;
            } | null;
            request_id: string;
            /** @description Most readings read per window; a truncated window used its latest ones */
            row_limit: number;
            sensor_id: string;
            /**
             * @description insufficient_data also for a sensor without readings (recent null)
             * @enum {string}
             */
            status: 'ok' | 'insufficient_data';
            timestamp: string;
            window_minutes: number;
          };
        };
      };
      /** @description Invalid body, or a pinned reference window longer than DRIFT_MAX_REFERENCE_DAYS */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description More than the drift limit per minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlDetectAnomaly: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          model_version?: string;
          readings?: {
            /** @description Sensor identifier */
            sensor_id?: string;
            /** Format: date-time */
            timestamp?: string;
            value: number;
          }[];
          /**
           * @description Higher flags more: a point is anomalous from a combined score of 1 - sensitivity (clamped to 0.05-0.95)
           * @default 0.5
           */
          sensitivity?: number;
          /** @description Sensor identifier */
          sensor_id?: string;
          sensor_readings?: {
            /** Format: uuid */
            correlation_id?: string;
            metadata?: {
              [key: string]: unknown;
            };
            /** @default 1 */
            quality?: number;
            /** @description Sensor identifier */
            sensor_id: string;
            /**
             * @default temperature
             * @enum {string}
             */
            sensor_type?:
              | 'temperature'
              | 'air_temperature'
              | 'process_temperature'
              | 'vibration'
              | 'pressure'
              | 'humidity'
              | 'voltage'
              | 'current'
              | 'power'
              | 'flow'
              | 'rotational_speed'
              | 'torque'
              | 'tool_wear'
              | 'acoustic';
            /**
             * Format: date-time
             * @description When the value was measured; defaults to now
             */
            timestamp?: string;
            unit?: string;
            value: number;
          }[];
          /** @default 60 */
          window_minutes?: number;
        };
      };
    };
    responses: {
      /** @description Anomalies with score, method and reason; for sensor_readings (the original system's body) anomalies_detected per sensor */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                analysis_timestamp: string;
                anomalies: {
                  index: number;
                  /** @enum {string} */
                  method: 'combined' | 'isolation_forest' | 'robust_zscore';
                  model_score: number | null;
                  reason: string;
                  robust_z: number | null;
                  score: number;
                  timestamp: string | null;
                  value: number;
                }[];
                anomaly_count: number;
                baseline: {
                  history_used: number;
                  window: number;
                };
                fallback_reason: string | null;
                /** @enum {string} */
                method: 'combined' | 'robust_zscore';
                model_info: {
                  name: string;
                  /** @enum {string} */
                  stage: 'Production' | 'Staging' | 'None';
                  threshold: number;
                  version: string;
                } | null;
                threshold: number;
                total_readings_analyzed: number;
              }
            | {
                analysis_timestamp: string;
                anomalies_detected: {
                  /** @description Position of the reading in sensor_readings */
                  index: number;
                  /** @enum {string} */
                  method: 'combined' | 'isolation_forest' | 'robust_zscore';
                  model_score: number | null;
                  quality: number | null;
                  reason: string;
                  robust_z: number | null;
                  score: number;
                  sensor_id: string;
                  sensor_type: string | null;
                  timestamp: string | null;
                  unit: string | null;
                  value: number;
                }[];
                anomaly_count: number;
                fallback_reason: string | null;
                /** @enum {string} */
                method: 'combined' | 'robust_zscore';
                model_info: {
                  name: string;
                  /** @enum {string} */
                  stage: 'Production' | 'Staging' | 'None';
                  threshold: number;
                  version: string;
                } | null;
                sensitivity: number;
                sensors_analyzed: number;
                /** @description 1 - sensitivity, clamped to 0.05-0.95 */
                threshold: number;
                total_readings_analyzed: number;
              };
        };
      };
      /** @description No sensor_readings (nor readings or sensor_id), or an invalid reading (named sensor_readings.N.field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MlModels: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Models */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            models: {
              name: string;
              /** @enum {string} */
              task: 'binary_classification' | 'anomaly_detection';
              versions: {
                card_markdown?: string | null;
                created_at: string;
                /**
                 * @description The same as stage (the original system's field)
                 * @enum {string}
                 */
                current_stage: 'Production' | 'Staging' | 'None';
                description: string | null;
                enabled: boolean;
                metrics: {
                  [key: string]: unknown;
                } | null;
                /** @description The same as name (the original system's field) */
                model_name: string;
                name: string;
                /** @enum {string} */
                stage: 'Production' | 'Staging' | 'None';
                /** @enum {string} */
                task: 'binary_classification' | 'anomaly_detection';
                threshold: number | null;
                version: string;
              }[];
            }[];
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MlModelsNameLatest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The resolved version with its card */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            card_markdown?: string | null;
            created_at: string;
            /**
             * @description The same as stage (the original system's field)
             * @enum {string}
             */
            current_stage: 'Production' | 'Staging' | 'None';
            description: string | null;
            enabled: boolean;
            metrics: {
              [key: string]: unknown;
            } | null;
            /** @description The same as name (the original system's field) */
            model_name: string;
            name: string;
            /** @description The version "auto" resolved to (the same as version) */
            resolved_version: string;
            /** @enum {string} */
            stage: 'Production' | 'Staging' | 'None';
            /** @enum {string} */
            task: 'binary_classification' | 'anomaly_detection';
            threshold: number | null;
            version: string;
          };
        };
      };
      /** @description Unknown model */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every version disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MlModelsNameVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Versions, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            model_name: string;
            /** @description Newest first */
            versions: {
              card_markdown?: string | null;
              created_at: string;
              /**
               * @description The same as stage (the original system's field)
               * @enum {string}
               */
              current_stage: 'Production' | 'Staging' | 'None';
              description: string | null;
              enabled: boolean;
              metrics: {
                [key: string]: unknown;
              } | null;
              /** @description The same as name (the original system's field) */
              model_name: string;
              name: string;
              /** @enum {string} */
              stage: 'Production' | 'Staging' | 'None';
              /** @enum {string} */
              task: 'binary_classification' | 'anomaly_detection';
              threshold: number | null;
              version: string;
            }[];
          };
        };
      };
      /** @description Unknown model */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlPredict: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default false */
          explain?: boolean;
          features: {
            [key: string]: unknown;
          };
          /** @default ai4i_classifier_randomforest_baseline */
          model_name?: string;
          /** @default auto */
          model_version?: string;
          /** @description Sensor identifier */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Prediction */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            confidence: number;
            explanation?: {
              background_size: number;
              base_value: number;
              latency_ms: number;
              /** @constant */
              method: 'exact_interventional_shap';
              prediction: number;
              values: {
                [key: string]: number;
              };
            };
            latency_ms: number;
            model_info: {
              /** @description The same as name (the original system's field) */
              model_name: string;
              /** @description The same as version (the original system's field) */
              model_version: string;
              name: string;
              /** @enum {string} */
              stage: 'Production' | 'Staging' | 'None';
              version: string;
            };
            prediction: 0 | 1;
            prediction_id: string;
            probability: number;
            request_id: string;
            threshold: number;
            timestamp: string;
          };
        };
      };
      /** @description Unknown model */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, unknown or non-finite features */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Models not loaded */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlPredictBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default ai4i_classifier_randomforest_baseline */
          model_name?: string;
          /** @default auto */
          model_version?: string;
          rows: {
            /** @description Air temperature, kelvin */
            Air_temperature_K: number;
            /** @description Process temperature, kelvin */
            Process_temperature_K: number;
            /** @description Rotational speed, revolutions per minute */
            Rotational_speed_rpm: number;
            /** @description Tool wear, minutes */
            Tool_wear_min: number;
            /** @description Torque, newton metres */
            Torque_Nm: number;
            /**
             * @description Product quality variant; L when absent
             * @enum {string}
             */
            Type?: 'L' | 'M' | 'H';
          }[];
          /** @description The sensor of each row (as sensor_id on /ml/predict), logged with its prediction; the same length as rows */
          sensor_ids?: (string | null)[];
        };
      };
    };
    responses: {
      /** @description One answer per row, in order, with the fields of /ml/predict */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            latency_ms: number;
            model_info: {
              /** @description The same as name (the original system's field) */
              model_name: string;
              /** @description The same as version (the original system's field) */
              model_version: string;
              name: string;
              /** @enum {string} */
              stage: 'Production' | 'Staging' | 'None';
              version: string;
            };
            predictions: {
              confidence: number;
              /** @description The whole batch's model time */
              latency_ms: number;
              model_info: {
                /** @description The same as name (the original system's field) */
                model_name: string;
                /** @description The same as version (the original system's field) */
                model_version: string;
                name: string;
                /** @enum {string} */
                stage: 'Production' | 'Staging' | 'None';
                version: string;
              };
              prediction: 0 | 1;
              prediction_id: string;
              probability: number;
              request_id: string;
              threshold: number;
              timestamp: string;
            }[];
            request_id: string;
          };
        };
      };
      /** @description Unknown model */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description An invalid row (named rows.N.feature): no row is scored */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description More than the per-key request limit, or more than PREDICT_BATCH_ROWS_PER_MINUTE rows a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MlPredictions: {
    parameters: {
      query?: {
        correlation_id?: string;
        limit?: number;
        sensor_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Predictions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            created_at: string;
            explanation: {
              background_size: number;
              base_value: number;
              latency_ms: number;
              /** @constant */
              method: 'exact_interventional_shap';
              prediction: number;
              values: {
                [key: string]: number;
              };
            } | null;
            features: {
              [key: string]: unknown;
            };
            id: string;
            latency_ms: number | null;
            model: string;
            prediction: number;
            probability: number;
            sensor_id: string | null;
            stage: string | null;
            version: string;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MlPredictionsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The prediction; explanation_status says whether to wait */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            created_at: string;
            explanation: {
              background_size: number;
              base_value: number;
              latency_ms: number;
              /** @constant */
              method: 'exact_interventional_shap';
              prediction: number;
              values: {
                [key: string]: number;
              };
            } | null;
            /** @enum {string} */
            explanation_status: 'ready' | 'pending' | 'failed' | 'not_requested' | 'unknown';
            features: {
              [key: string]: unknown;
            };
            id: string;
            latency_ms: number | null;
            model: string;
            prediction: number;
            probability: number;
            sensor_id: string | null;
            stage: string | null;
            version: string;
            workflow_id: string | null;
          };
        };
      };
      /** @description No such prediction */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlPredictionsIdExplain: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Started (or joined); poll prediction_url */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events_url: string;
            prediction_id: string;
            prediction_url: string;
            status_url: string;
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description No such prediction */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MlRul: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default cmapss_rul_regressor */
          model_name?: string;
          /** @default auto */
          model_version?: string;
          /** @description One object per cycle, oldest first, keyed by the training file column names (time, opt_set1..3, s1..s21) */
          readings?: {
            opt_set1?: number;
            opt_set2?: number;
            opt_set3?: number;
            s1?: number;
            s2: number;
            s3: number;
            s4: number;
            s5?: number;
            s6?: number;
            s7: number;
            s8: number;
            s9: number;
            s10?: number;
            s11: number;
            s12: number;
            s13: number;
            s14: number;
            s15: number;
            s16?: number;
            s17: number;
            s18?: number;
            s19?: number;
            s20: number;
            s21: number;
            /** @description Cycle number of this row (strictly increasing along the trajectory) */
            time: number;
            unit_number?: number;
          }[];
          /** @description Up to 100 trajectories scored in one model run */
          trajectories?: {
            id: string;
            /** @description One object per cycle, oldest first, keyed by the training file column names (time, opt_set1..3, s1..s21) */
            readings: {
              opt_set1?: number;
              opt_set2?: number;
              opt_set3?: number;
              s1?: number;
              s2: number;
              s3: number;
              s4: number;
              s5?: number;
              s6?: number;
              s7: number;
              s8: number;
              s9: number;
              s10?: number;
              s11: number;
              s12: number;
              s13: number;
              s14: number;
              s15: number;
              s16?: number;
              s17: number;
              s18?: number;
              s19?: number;
              s20: number;
              s21: number;
              /** @description Cycle number of this row (strictly increasing along the trajectory) */
              time: number;
              unit_number?: number;
            }[];
          }[];
        };
      };
    };
    responses: {
      /** @description For readings: rul, interval, model_info; for trajectories: results in order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                interval: {
                  /** @description Nominal coverage of the split-conformal interval, e.g. 0.9 */
                  level: number;
                  /** @description Lower bound in cycles (never below 0) */
                  lower: number;
                  upper: number;
                };
                model_info: {
                  /** @description The same as name (the original system's field) */
                  model_name: string;
                  /** @description The same as version (the original system's field) */
                  model_version: string;
                  name: string;
                  /** @enum {string} */
                  stage: 'Production' | 'Staging' | 'None';
                  version: string;
                };
                request_id: string;
                /** @description Remaining useful life in cycles after the last reading, 0..125 (125: no degradation seen yet) */
                rul: number;
              }
            | {
                model_info: {
                  /** @description The same as name (the original system's field) */
                  model_name: string;
                  /** @description The same as version (the original system's field) */
                  model_version: string;
                  name: string;
                  /** @enum {string} */
                  stage: 'Production' | 'Staging' | 'None';
                  version: string;
                };
                request_id: string;
                /** @description One per trajectory, in order */
                results: {
                  id: string;
                  interval: {
                    /** @description Nominal coverage of the split-conformal interval, e.g. 0.9 */
                    level: number;
                    /** @description Lower bound in cycles (never below 0) */
                    lower: number;
                    upper: number;
                  };
                  rul: number;
                }[];
              };
        };
      };
      /** @description Unknown model or version */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The model (version) is disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A body over RUL_BODY_LIMIT_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, unknown or non-finite columns, times not increasing (named readings.N.field), or both/neither of readings and trajectories */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The model cannot be loaded here */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1MonitoringRun: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description A sensor is active when it reported within this many hours (24) */
          active_within_hours?: number;
          /** @description Anomalies in the burst window that make a burst (5) */
          burst_threshold?: number;
          /** @description Burst window (60) */
          burst_window_minutes?: number;
          /** @description Fewest readings per window (30) */
          min_samples?: number;
          /** @description KS p-value under which drift is declared (0.05) */
          p_value_threshold?: number;
          /** @description Drift check window (60) */
          window_minutes?: number;
        };
      };
    };
    responses: {
      /** @description Started; follow it at status_url */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events_url: string;
            status_url: string;
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1MonitoringSchedule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schedule */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actions_skipped_overlap: number;
            actions_taken: number;
            created_at: string;
            interval_seconds: number[];
            next_action_times: string[];
            note: string | null;
            paused: boolean;
            recent_actions: {
              scheduled_at: string;
              taken_at: string;
              workflow_id: string;
            }[];
            running_workflow_ids: string[];
            schedule_id: string;
            temporal_url: string;
          };
        };
      };
      /** @description No worker has created the schedule yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1Reports: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        report_type?: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of reports */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            artifacts: {
              csv: string;
              pdf: string;
            };
            correlation_id: string | null;
            created_at: string;
            id: string;
            parameters: {
              [key: string]: unknown;
            };
            /** @enum {string} */
            report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
            summary: {
              [key: string]: number | string | null;
            };
            title: string;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1ReportsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            artifacts: {
              csv: string;
              pdf: string;
            };
            body: {
              charts: {
                id: string;
                series: {
                  name: string;
                  points: {
                    x: string | number;
                    y: number;
                  }[];
                }[];
                title: string;
                /** @enum {string} */
                type: 'line' | 'bar';
              }[];
              period: {
                from: string;
                to: string;
              };
              summary: {
                [key: string]: number | string | null;
              };
              tables: {
                columns: string[];
                rows: (string | number | boolean | null)[][];
                title: string;
              }[];
              title: string;
            };
            correlation_id: string | null;
            created_at: string;
            id: string;
            parameters: {
              [key: string]: unknown;
            };
            /** @enum {string} */
            report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
            workflow_id: string | null;
          };
        };
      };
      /** @description No such report */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1ReportsIdArtifactCsv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CSV */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description No such report */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1ReportsIdArtifactPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description No such report */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1ReportsGenerate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description For workflow_run: the run's correlation id (its readings)
           */
          correlation_id?: string;
          /**
           * @description json only: the CSV and PDF forms are the artifacts
           * @constant
           */
          format?: 'json';
          /**
           * Format: date-time
           * @description Start of the period (inclusive); defaults to 24 h before `to`
           */
          from?: string;
          parameters?: {
            /**
             * @description summary: content holds the title, period and key figures; detailed: also the charts and tables
             * @default detailed
             * @enum {string}
             */
            detail_level?: 'summary' | 'detailed';
          };
          /** @enum {string} */
          report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
          /**
           * Format: date-time
           * @description End of the period (exclusive); defaults to now
           */
          to?: string;
          /** @description For workflow_run: the run to report on */
          workflow_id?: string;
        };
      };
    };
    responses: {
      /** @description With format or parameters (the original system's form): today's fields plus report_id, format, content, generated_at and metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            artifacts: {
              csv: string;
              pdf: string;
            };
            body: {
              charts: {
                id: string;
                series: {
                  name: string;
                  points: {
                    x: string | number;
                    y: number;
                  }[];
                }[];
                title: string;
                /** @enum {string} */
                type: 'line' | 'bar';
              }[];
              period: {
                from: string;
                to: string;
              };
              summary: {
                [key: string]: number | string | null;
              };
              tables: {
                columns: string[];
                rows: (string | number | boolean | null)[][];
                title: string;
              }[];
              title: string;
            };
            content: {
              charts?: {
                id: string;
                series: {
                  name: string;
                  points: {
                    x: string | number;
                    y: number;
                  }[];
                }[];
                title: string;
                /** @enum {string} */
                type: 'line' | 'bar';
              }[];
              period: {
                from: string;
                to: string;
              };
              summary: {
                [key: string]: number | string | null;
              };
              tables?: {
                columns: string[];
                rows: (string | number | boolean | null)[][];
                title: string;
              }[];
              title: string;
            };
            correlation_id: string | null;
            created_at: string;
            /** @constant */
            format: 'json';
            generated_at: string;
            id: string;
            metadata: {
              /** @enum {string} */
              detail_level: 'summary' | 'detailed';
              parameters: {
                [key: string]: unknown;
              };
              period: {
                from: string;
                to: string;
              };
            };
            parameters: {
              [key: string]: unknown;
            };
            report_id: string;
            /** @enum {string} */
            report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
            workflow_id: string | null;
          };
        };
      };
      /** @description The stored report with links to its artifacts */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            artifacts: {
              csv: string;
              pdf: string;
            };
            body: {
              charts: {
                id: string;
                series: {
                  name: string;
                  points: {
                    x: string | number;
                    y: number;
                  }[];
                }[];
                title: string;
                /** @enum {string} */
                type: 'line' | 'bar';
              }[];
              period: {
                from: string;
                to: string;
              };
              summary: {
                [key: string]: number | string | null;
              };
              tables: {
                columns: string[];
                rows: (string | number | boolean | null)[][];
                title: string;
              }[];
              title: string;
            };
            correlation_id: string | null;
            created_at: string;
            id: string;
            parameters: {
              [key: string]: unknown;
            };
            /** @enum {string} */
            report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
            workflow_id: string | null;
          };
        };
      };
      /** @description Unknown report type, or a period that is reversed or longer than 366 days */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1SensorsReadings: {
    parameters: {
      query?: {
        end_ts?: string;
        format?: 'json' | 'csv';
        limit?: number;
        offset?: number;
        sensor_id?: string;
        start_ts?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of readings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            id: string;
            ingested_at: string;
            /** @description The original system's name for ingested_at */
            ingestion_timestamp: string;
            metadata: {
              [key: string]: unknown;
            };
            quality: number;
            sensor_id: string;
            /** @description The original system's name for metadata */
            sensor_metadata: {
              [key: string]: unknown;
            };
            sensor_type: string;
            timestamp: string;
            unit: string | null;
            value: number;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1SensorsSensors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All sensors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            equipment: string | null;
            first_reading: string | null;
            last_reading: string | null;
            location: string | null;
            reading_count: number;
            sensor_id: string;
            sensor_type: string;
            unit: string | null;
          }[];
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1SimulateAnomalyEvent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 8 */
          anomaly_magnitude?: number;
          /** @default 40 */
          base_value?: number;
          /** @description The samples are spread evenly over this many minutes, ending now (instead of interval_seconds) */
          duration_minutes?: number;
          /** @description Seconds between readings (60 by default) */
          interval_seconds?: number;
          /** @description Noise amplitude (1.5 by default) */
          noise?: number;
          /** @description The same as noise */
          noise_level?: number;
          /** @default 5 */
          num_anomalies?: number;
          /** @default 60 */
          num_samples?: number;
          /**
           * @description Sensor identifier
           * @default sim-torque-01
           */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Generated and ingested */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            /** @description Readings that landed under sensor_id (the original system's field; the same as readings_ingested) */
            events_generated: number;
            first_timestamp: string;
            injected: number;
            last_timestamp: string;
            message: string;
            readings_ingested: number;
            /** @enum {string} */
            scenario: 'normal' | 'drift' | 'anomaly';
            sensor_id: string;
            /** @description sim-<correlation id>: the readings are keyed by it, so a replay ingests nothing twice */
            simulation_id: string;
            /** @constant */
            status: 'success';
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1SimulateDriftEvent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 40 */
          base_value?: number;
          /** @default 12 */
          drift_magnitude?: number;
          /** @description The samples are spread evenly over this many minutes, ending now (instead of interval_seconds) */
          duration_minutes?: number;
          /** @description Seconds between readings (60 by default) */
          interval_seconds?: number;
          /** @description Noise amplitude (1.5 by default) */
          noise?: number;
          /** @description The same as noise */
          noise_level?: number;
          /** @default 60 */
          num_samples?: number;
          /**
           * @description Sensor identifier
           * @default sim-torque-01
           */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Generated and ingested */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            /** @description Readings that landed under sensor_id (the original system's field; the same as readings_ingested) */
            events_generated: number;
            first_timestamp: string;
            injected: number;
            last_timestamp: string;
            message: string;
            readings_ingested: number;
            /** @enum {string} */
            scenario: 'normal' | 'drift' | 'anomaly';
            sensor_id: string;
            /** @description sim-<correlation id>: the readings are keyed by it, so a replay ingests nothing twice */
            simulation_id: string;
            /** @constant */
            status: 'success';
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1SimulateNormalData: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 40 */
          base_value?: number;
          /** @description The samples are spread evenly over this many minutes, ending now (instead of interval_seconds) */
          duration_minutes?: number;
          /** @description Seconds between readings (60 by default) */
          interval_seconds?: number;
          /** @description Noise amplitude (1.5 by default) */
          noise?: number;
          /** @description The same as noise */
          noise_level?: number;
          /** @default 60 */
          num_samples?: number;
          /**
           * @description Sensor identifier
           * @default sim-torque-01
           */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Generated and ingested */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            /** @description Readings that landed under sensor_id (the original system's field; the same as readings_ingested) */
            events_generated: number;
            first_timestamp: string;
            injected: number;
            last_timestamp: string;
            message: string;
            readings_ingested: number;
            /** @enum {string} */
            scenario: 'normal' | 'drift' | 'anomaly';
            sensor_id: string;
            /** @description sim-<correlation id>: the readings are keyed by it, so a replay ingests nothing twice */
            simulation_id: string;
            /** @constant */
            status: 'success';
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1Workflows: {
    parameters: {
      query?: {
        correlation_id?: string;
        limit?: number;
        sensor_id?: string;
        status?: 'running' | 'completed' | 'failed' | 'canceled' | 'terminated' | 'timed_out';
        type?:
          | 'goldenPath'
          | 'predictionToMaintenance'
          | 'csvIngestion'
          | 'sensorMonitoring'
          | 'sensorIncident'
          | 'explainPrediction'
          | 'reportGeneration';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Running and recent workflows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              close_time: string | null;
              run_id: string;
              search_attributes: {
                [key: string]: unknown;
              };
              start_time: string | null;
              status: string;
              temporal_url: string;
              type: string;
              workflow_id: string;
            }[];
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1WorkflowsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workflow */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            close_time: string | null;
            progress: unknown;
            result?: unknown;
            run_id: string;
            search_attributes: {
              [key: string]: unknown;
            };
            start_time: string | null;
            status: string;
            temporal_url: string;
            type: string;
            workflow_id: string;
          };
        };
      };
      /** @description No such workflow */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1WorkflowsIdEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Too many streams open for this key (SSE_MAX_STREAMS_PER_KEY) or this server */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiV1WorkflowsIdHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description History JSON */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1WorkflowsIdSignalsDecision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          decision: 'approved' | 'rejected' | 'escalated';
          justification: string;
          operator_id: string;
        };
      };
    };
    responses: {
      /** @description Signal delivered */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            status: 'accepted';
            workflow_id: string;
          };
        };
      };
      /** @description Not waiting, or already decided */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1WorkflowsGoldenPath: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Demo only: refused unless the server sets DEMO_AUTO_DECISIONS, and then only for demo sensors
           * @default null
           */
          auto_decision?: ('approved' | 'rejected' | 'escalated') | null;
          /**
           * @description At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY
           * @default 600
           */
          decision_timeout_seconds?: number;
          /** @default true */
          include_human_decision?: boolean;
          /**
           * @default anomaly
           * @enum {string}
           */
          scenario?: 'normal' | 'drift' | 'anomaly';
          /** @default 20 */
          sensor_events?: number;
          /** @description Defaults to a fresh demo sensor; naming any other sensor writes readings to it, so it needs data:ingest too */
          sensor_id?: string;
        };
      };
    };
    responses: {
      /** @description Started; follow it at status_url or events_url */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            events_url: string;
            sensor_id: string;
            status_url: string;
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description sensor_id names a sensor that is not a demo sensor and the key lacks data:ingest */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body, a deadline below DECISION_TIMEOUT_MIN_SECONDS, or an auto_decision the server does not allow */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1WorkflowsPredictionToMaintenance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Demo only: refused unless the server sets DEMO_AUTO_DECISIONS, and then only for demo sensors
           * @default null
           */
          auto_decision?: ('approved' | 'rejected' | 'escalated') | null;
          /**
           * @description At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY
           * @default 3600
           */
          decision_timeout_seconds?: number;
          features: {
            [key: string]: number | ('L' | 'M' | 'H');
          };
          /** @default ai4i_classifier_randomforest_baseline */
          model_name?: string;
          /** @default auto */
          model_version?: string;
          /** @description Sensor identifier */
          sensor_id: string;
        };
      };
    };
    responses: {
      /** @description Started */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string;
            events_url: string;
            prediction_id: string;
            status_url: string;
            temporal_url: string;
            workflow_id: string;
          };
        };
      };
      /** @description Invalid body, a deadline below DECISION_TIMEOUT_MIN_SECONDS, or an auto_decision the server does not allow */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postApiV1WorkflowsReportGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description For workflow_run: the run's correlation id (its readings)
           */
          correlation_id?: string;
          /**
           * Format: date-time
           * @description Start of the period (inclusive); defaults to 24 h before `to`
           */
          from?: string;
          /** @enum {string} */
          report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
          /**
           * Format: date-time
           * @description End of the period (exclusive); defaults to the time of the request
           */
          to?: string;
          /** @description For workflow_run: the run to report on */
          workflow_id?: string;
        };
      };
    };
    responses: {
      /** @description Started; the period is pinned in the response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events_url: string;
            from: string;
            /** @enum {string} */
            report_type: 'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run';
            status_url: string;
            temporal_url: string;
            to: string;
            workflow_id: string;
          };
        };
      };
      /** @description Unknown type, or a reversed or over-long period */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Problem */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
