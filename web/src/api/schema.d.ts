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
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users (never their password hashes) */
    get: operations['getApiV1AdminUsers'];
    put?: never;
    /** Create a user; without a password, invite them with a one-time sign-in link (shown once) */
    post: operations['postApiV1AdminUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user's roles */
    patch: operations['patchApiV1AdminUsersId'];
    trace?: never;
  };
  '/api/v1/admin/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a user: their sessions end at once and they cannot sign in */
    post: operations['postApiV1AdminUsersIdDisable'];
    delete?: never;
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
  '/api/v1/alarms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alarms, newest first; X-Total-Count has the filtered total; format=csv (or Accept: text/csv) for CSV */
    get: operations['getApiV1Alarms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One alarm with the readings around it and its timeline */
    get: operations['getApiV1AlarmsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an open alarm (optionally assigning it); stops its escalation */
    post: operations['postApiV1AlarmsIdAcknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/{id}/convert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Convert an alarm into a maintenance order: starts prediction-to-maintenance with its human decision */
    post: operations['postApiV1AlarmsIdConvert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve an alarm with its cause */
    post: operations['postApiV1AlarmsIdResolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alarm performance (EEMUA 191 / ISA-18.2 KPIs) over a period, for the plant and per site: JSON, or CSV with format=csv, or PDF with format=pdf */
    get: operations['getApiV1AlarmsReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: `alarms` with the summary whenever an alarm is raised or changes */
    get: operations['getApiV1AlarmsStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alarms/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open and acknowledged alarm counts (the navigation badge) */
    get: operations['getApiV1AlarmsSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/asset-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Asset types: the model each applies and how roles map to its features */
    get: operations['getApiV1AssetTypes'];
    put?: never;
    /** Declare an asset type (its model must be in the registry) */
    post: operations['postApiV1AssetTypes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/asset-types/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One asset type */
    get: operations['getApiV1AssetTypesId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assets with their current sensors, most critical first; filter by site, type, criticality */
    get: operations['getApiV1Assets'];
    put?: never;
    /** Register an asset of a type; its evaluator workflow starts with it */
    post: operations['postApiV1Assets'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One asset with its current sensors by role */
    get: operations['getApiV1AssetsId'];
    put?: never;
    post?: never;
    /** Delete an asset with its attachments and health, and stop its evaluator; its sensors and readings stay */
    delete: operations['deleteApiV1AssetsId'];
    options?: never;
    head?: never;
    /** Change name, site, criticality or metadata (the type is fixed) */
    patch: operations['patchApiV1AssetsId'];
    trace?: never;
  };
  '/api/v1/assets/{id}/correlations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pearson and Spearman matrices of the asset’s sensors over a window, and a pair’s lagged cross-correlation (computed in PostgreSQL) */
    get: operations['getApiV1AssetsIdCorrelations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Human decisions on the asset’s orders (the same orders as /assets/{id}/orders), newest first, at most 100 */
    get: operations['getApiV1AssetsIdDecisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/episodes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Degradation episodes, newest first, with the maintenance run each started or why it did not */
    get: operations['getApiV1AssetsIdEpisodes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/evaluator': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start the asset’s evaluator workflow, or give the running one these settings (it starts with the asset, with interval 300 s and decision timeout 3600 s): health on an interval, maintenance once per episode */
    post: operations['postApiV1AssetsIdEvaluator'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health index, RUL with its interval, failure probability and reasons: the latest evaluation and the history */
    get: operations['getApiV1AssetsIdHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Maintenance orders for the asset, newest first */
    get: operations['getApiV1AssetsIdOrders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/sensors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a sensor in a role; the role’s previous sensor and the sensor’s previous asset are detached from the same instant; the asset’s evaluator re-evaluates (starting if it was not running) */
    post: operations['postApiV1AssetsIdSensors'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/sensors/{sensor_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Detach a sensor from now on (its history stays) */
    delete: operations['deleteApiV1AssetsIdSensorsSensorId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{id}/sensors/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every attachment period of the asset, newest first */
    get: operations['getApiV1AssetsIdSensorsHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in once with a one-time link token (first run, invitation) */
    post: operations['postApiV1AuthLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password (sets the HttpOnly session cookie) */
    post: operations['postApiV1AuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session and clears the cookie */
    post: operations['postApiV1AuthLogout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is calling: the signed-in user (roles, scopes) or the API key */
    get: operations['getApiV1AuthMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether sign-in through an OpenID Connect provider is configured, and the name to show on its button */
    get: operations['getApiV1AuthOidc'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider's redirect back: redeems the code, signs the user in (session cookie) and opens the dashboard */
    get: operations['getApiV1AuthOidcCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start an OpenID Connect sign-in: redirects the browser to the provider (authorization code with PKCE) */
    get: operations['getApiV1AuthOidcStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the signed-in user's password (the current one is required once there is one) */
    put: operations['putApiV1AuthPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the browser holds a live session: answers without credentials, so a signed-out page asks without a 401 */
    get: operations['getApiV1AuthSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Connectors with their live status (connected, rates, buffer, last error) */
    get: operations['getApiV1Connectors'];
    put?: never;
    /** Create a connector (MQTT or OPC UA) */
    post: operations['postApiV1Connectors'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One connector with its live status */
    get: operations['getApiV1ConnectorsId'];
    /** Replace a connector's settings (secrets left out are kept); the process reconnects with them */
    put: operations['putApiV1ConnectorsId'];
    post?: never;
    /** Delete a connector (its readings stay) */
    delete: operations['deleteApiV1ConnectorsId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a connector (it disconnects; the broker keeps its session) */
    post: operations['postApiV1ConnectorsIdDisable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a connector */
    post: operations['postApiV1ConnectorsIdEnable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The last messages received, as received and as parsed (the mapping preview) */
    get: operations['getApiV1ConnectorsIdMessages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test a saved connector's connection with its stored credentials */
    post: operations['postApiV1ConnectorsIdTest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/connectors/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test connection settings before saving them */
    post: operations['postApiV1ConnectorsTest'];
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
  '/api/v1/decisions/pending': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Workflows waiting for a human decision, nearest deadline first, with the order each one is about */
    get: operations['getApiV1DecisionsPending'];
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
  '/api/v1/demo/golden-path/readings/{correlation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The readings a run wrote to its sensor, oldest first, with anomalies and quarantined ones marked (the run's live chart) */
    get: operations['getApiV1DemoGoldenPathReadingsCorrelationId'];
    put?: never;
    post?: never;
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
  '/api/v1/governance/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every change of a retention policy or a legal hold, newest first: who, the value before and after, when */
    get: operations['getApiV1GovernanceAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/governance/holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Legal holds, newest first: the active ones, or all with include_released */
    get: operations['getApiV1GovernanceHolds'];
    put?: never;
    /** Hold a decision's, order's or alarm's readings window (its sensor, its time window ± margin_hours): kept raw and kept at all, whatever the retention policies */
    post: operations['postApiV1GovernanceHolds'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/governance/holds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Release a legal hold; the readings then follow the retention policies again */
    delete: operations['deleteApiV1GovernanceHoldsId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/governance/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The retention policy of every data class (days kept after ingestion or creation), and who set it */
    get: operations['getApiV1GovernanceRetention'];
    /** Set the retention of some data classes (the others keep theirs); each change is audited. The next hourly readingsRetention run applies them */
    put: operations['putApiV1GovernanceRetention'];
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
  '/api/v1/lineage/{kind}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The chain around an order, decision, prediction, report or alarm: readings, detector, alarm and its timeline, features, model, prediction, drift, decision, order, booking, notifications, report, each with the workflow history event that produced it */
    get: operations['getApiV1LineageKindId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/maintenance/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every maintenance order, newest first, filtered by status, priority, technician, sensor or window; X-Total-Count has the total */
    get: operations['getApiV1MaintenanceOrders'];
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
    /** Anomalies among readings, a sensor window or sensor_readings: the sensor's streaming detector (its alarms' detector) once it has learned the sensor, else Isolation Forest + rolling robust baseline (a fresh streaming detector judges nothing before 200 readings) */
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
  '/api/v1/ml/models/{name}/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The version in Production, the promotion awaiting approval and the history of stage moves */
    get: operations['getApiV1MlModelsNamePromotions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models/{name}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Return Production to the version the current one displaced, in one call; recorded with who and why */
    post: operations['postApiV1MlModelsNameRollback'];
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
  '/api/v1/ml/models/{name}/versions/{version}/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask to move this version to Production (workflow modelPromotion): needs a shadow report no older than PROMOTION_MAX_REPORT_AGE_HOURS, then an approval before the deadline */
    post: operations['postApiV1MlModelsNameVersionsVersionPromotions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models/{name}/versions/{version}/shadow-evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-score a past period’s stored classifier inputs (an anomaly detector: replay its readings; an RUL regressor: re-run the assets’ recorded evaluations on their windows as they stood) with this version and compare with production, with human decisions and with the known end of life (workflow shadowEvaluation; the result is a report) */
    post: operations['postApiV1MlModelsNameVersionsVersionShadowEvaluations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ml/models/{name}/versions/{version}/shadow-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shadow-evaluation reports of a version, newest first (full report, CSV and PDF under /reports/{id}) */
    get: operations['getApiV1MlModelsNameVersionsVersionShadowReports'];
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
  '/api/v1/ml/promotions/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve or reject a pending promotion; the approver is the authenticated key, recorded with the stage move */
    post: operations['postApiV1MlPromotionsIdDecision'];
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
  '/api/v1/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Business figures from the database: sensors by health, readings, orders by status, decisions, pending decisions, recent orders */
    get: operations['getApiV1Overview'];
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
    /** A stored report as JSON: key figures, chart data and tables, plus their labels in the reader's language and zone */
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
    /** The report's tables as CSV (one titled section per table); with lang, tz or a non-English Accept-Language, titles and headers in that language and instants with the zone's offset */
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
    /** The report as PDF: key figures, charts and tables, in the reader's language (lang or Accept-Language) and zone (tz) */
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
  '/api/v1/sensors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Hide a sensor from the sensor lists (archived: true) or list it again; its readings and everything else stay */
    patch: operations['patchApiV1SensorsId'];
    trace?: never;
  };
  '/api/v1/sensors/{id}/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One sensor's readings over a time range for a chart, downsampled to max_points, with the anomalies in that range; where retention rolled the raw readings up, their per-minute or per-hour aggregates stand in */
    get: operations['getApiV1SensorsIdSeries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sensors/{sensor_id}/sensitivity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** A sensor's detection sensitivity (0-1, default 0.5; higher flags more): it shifts the threshold to threshold^(2·sensitivity) */
    patch: operations['patchApiV1SensorsSensorIdSensitivity'];
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
    /** Registered sensors with reading count, first and last reading; archived sensors only with include_archived */
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
  '/api/v1/simulate/asset-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay a C-MAPSS FD001 engine into an engine-like asset at a chosen speed; its evaluator watches */
    post: operations['postApiV1SimulateAssetRun'];
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
  '/api/v1/sites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sites, by name */
    get: operations['getApiV1Sites'];
    put?: never;
    /** Create a site with its IANA time zone */
    post: operations['postApiV1Sites'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sites/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One site */
    get: operations['getApiV1SitesId'];
    put?: never;
    post?: never;
    /** Delete a site no asset or technician belongs to */
    delete: operations['deleteApiV1SitesId'];
    options?: never;
    head?: never;
    /** Rename a site or change its time zone (the id is fixed) */
    patch: operations['patchApiV1SitesId'];
    trace?: never;
  };
  '/api/v1/workers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workers polling the task queue and when each last polled (from Temporal) */
    get: operations['getApiV1Workers'];
    put?: never;
    post?: never;
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
    /** Running and recent workflows, filtered by type, status, sensor, correlation id or business status */
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
      /** @description The case `detail` was built from, for clients that show it in their own words */
      detail_code?: string;
      detail_params?: {
        [key: string]: string | number;
      };
      errors?: {
        /** @description Machine code of the message (absent when the server has none for it) */
        code?: string;
        field: string;
        /** @description English */
        message: string;
        params?: {
          [key: string]: string | number | boolean | null;
        };
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
            /** @description The user the key belongs to (held to that user's role, acts as them); null for a service account */
            owner_user_id: string | null;
            revoked_at: string | null;
            scopes: string[];
            /** @description The service account (integration) the key belongs to; null for a user key */
            service_account: string | null;
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
            | 'models:promote'
            | 'governance:write'
            | 'admin'
          )[];
          /** @description The integration the key is for (keeps its scopes; never a second four-eyes approver) */
          service_account?: string;
          /**
           * Format: uuid
           * @description The user the key is for: it acts as them, held to their role's scopes
           */
          user_id?: string;
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
            /** @description The user the key belongs to (held to that user's role, acts as them); null for a service account */
            owner_user_id: string | null;
            revoked_at: string | null;
            scopes: string[];
            /** @description The service account (integration) the key belongs to; null for a user key */
            service_account: string | null;
          };
        };
      };
      /** @description user_id names no active user */
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
            /** @description The user the key belongs to (held to that user's role, acts as them); null for a service account */
            owner_user_id: string | null;
            revoked_at: string | null;
            scopes: string[];
            /** @description The service account (integration) the key belongs to; null for a user key */
            service_account: string | null;
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
  getApiV1AdminUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Users */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            disabled_at: string | null;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
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
  postApiV1AdminUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          name: string;
          password?: string;
          roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
        };
      };
    };
    responses: {
      /** @description Created; `invite_url` (null when a password was set) is not retrievable later */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invite_url: string | null;
            user: {
              created_at: string;
              disabled_at: string | null;
              email: string;
              has_password: boolean;
              /** Format: uuid */
              id: string;
              name: string;
              roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
            };
          };
        };
      };
      /** @description A user with that email exists */
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
  patchApiV1AdminUsersId: {
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
          roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
        };
      };
    };
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            disabled_at: string | null;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
          };
        };
      };
      /** @description No such user */
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
  postApiV1AdminUsersIdDisable: {
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
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            disabled_at: string | null;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
          };
        };
      };
      /** @description No such user */
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
            /** @description The user the key belongs to (held to that user's role, acts as them); null for a service account */
            owner_user_id: string | null;
            revoked_at: string | null;
            scopes: string[];
            /** @description The service account (integration) the key belongs to; null for a user key */
            service_account: string | null;
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
  getApiV1Alarms: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
        from?: string;
        historical?: 'true' | 'false';
        limit?: number;
        offset?: number;
        sensor_id?: string;
        severity?: string;
        state?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of alarms */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            assigned_to: string | null;
            created_at: string;
            details: {
              [key: string]: unknown;
            };
            end_ts: string | null;
            escalation_level: number;
            historical: boolean;
            id: string;
            kind: string;
            last_anomalous_ts: string;
            maintenance_workflow_id: string | null;
            peak_score: number;
            peak_ts: string | null;
            peak_value: number | null;
            readings: number;
            resolution_cause: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            sensor_id: string;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high' | 'critical';
            /** @enum {string} */
            source: 'streaming' | 'monitoring';
            start_ts: string;
            /** @enum {string} */
            state: 'open' | 'acknowledged' | 'resolved';
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
  getApiV1AlarmsId: {
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
      /** @description The alarm */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            assigned_to: string | null;
            created_at: string;
            details: {
              [key: string]: unknown;
            };
            end_ts: string | null;
            escalation_level: number;
            historical: boolean;
            id: string;
            kind: string;
            last_anomalous_ts: string;
            maintenance_workflow_id: string | null;
            peak_score: number;
            peak_ts: string | null;
            peak_value: number | null;
            /** @description The sensor around the alarm: its span and as long again either side */
            readings: {
              ts: string;
              value: number;
            }[];
            resolution_cause: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            sensor_id: string;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high' | 'critical';
            /** @enum {string} */
            source: 'streaming' | 'monitoring';
            start_ts: string;
            /** @enum {string} */
            state: 'open' | 'acknowledged' | 'resolved';
            timeline: {
              actor: string | null;
              at: string;
              details: {
                [key: string]: unknown;
              };
              type: string;
            }[];
            workflow_id: string | null;
          };
        };
      };
      /** @description No such alarm */
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
  postApiV1AlarmsIdAcknowledge: {
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
          assigned_to?: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description The alarm after the step */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            assigned_to: string | null;
            created_at: string;
            details: {
              [key: string]: unknown;
            };
            end_ts: string | null;
            escalation_level: number;
            historical: boolean;
            id: string;
            kind: string;
            last_anomalous_ts: string;
            maintenance_workflow_id: string | null;
            peak_score: number;
            peak_ts: string | null;
            peak_value: number | null;
            readings: number;
            resolution_cause: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            sensor_id: string;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high' | 'critical';
            /** @enum {string} */
            source: 'streaming' | 'monitoring';
            start_ts: string;
            /** @enum {string} */
            state: 'open' | 'acknowledged' | 'resolved';
            workflow_id: string | null;
          };
        };
      };
      /** @description No such alarm */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The alarm is not in a state that allows this step */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body */
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
  postApiV1AlarmsIdConvert: {
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
          justification: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description The alarm after the step */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            assigned_to: string | null;
            created_at: string;
            details: {
              [key: string]: unknown;
            };
            end_ts: string | null;
            escalation_level: number;
            historical: boolean;
            id: string;
            kind: string;
            last_anomalous_ts: string;
            maintenance_workflow_id: string | null;
            peak_score: number;
            peak_ts: string | null;
            peak_value: number | null;
            readings: number;
            resolution_cause: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            sensor_id: string;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high' | 'critical';
            /** @enum {string} */
            source: 'streaming' | 'monitoring';
            start_ts: string;
            /** @enum {string} */
            state: 'open' | 'acknowledged' | 'resolved';
            workflow_id: string | null;
          };
        };
      };
      /** @description No such alarm */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The alarm is not in a state that allows this step */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body */
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
  postApiV1AlarmsIdResolve: {
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
          cause: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description The alarm after the step */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            assigned_to: string | null;
            created_at: string;
            details: {
              [key: string]: unknown;
            };
            end_ts: string | null;
            escalation_level: number;
            historical: boolean;
            id: string;
            kind: string;
            last_anomalous_ts: string;
            maintenance_workflow_id: string | null;
            peak_score: number;
            peak_ts: string | null;
            peak_value: number | null;
            readings: number;
            resolution_cause: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            sensor_id: string;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high' | 'critical';
            /** @enum {string} */
            source: 'streaming' | 'monitoring';
            start_ts: string;
            /** @enum {string} */
            state: 'open' | 'acknowledged' | 'resolved';
            workflow_id: string | null;
          };
        };
      };
      /** @description No such alarm */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The alarm is not in a state that allows this step */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body */
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
  getApiV1AlarmsReport: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'pdf';
        from?: string;
        lang?: 'en' | 'pt-BR';
        operators?: number;
        site?: string;
        to?: string;
        tz?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The KPIs (JSON, CSV or PDF by format) */
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
      /** @description from not before to, an unknown format, language or time zone */
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
  getApiV1AlarmsStream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
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
      /** @description Too many streams open for this key or this server */
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
  getApiV1AlarmsSummary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Counts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            acknowledged: number;
            by_severity: {
              [key: string]: number;
            };
            changed_at: string | null;
            open: number;
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
  getApiV1AssetTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All asset types */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            description: string;
            hours_per_cycle: number;
            id: string;
            /** @enum {string} */
            kind: 'failure' | 'rul';
            model_name: string;
            name: string;
            planning_horizon_cycles: number | null;
            /** @description Role → model feature */
            roles: {
              [key: string]: string;
            };
            stale_after_seconds: number;
            typical_life_cycles: number | null;
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
  postApiV1AssetTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default  */
          description?: string;
          /** @default 24 */
          hours_per_cycle?: number;
          id: string;
          /**
           * @description failure: a classifier on the latest role readings; rul: a regressor on the roles’ aligned window
           * @enum {string}
           */
          kind: 'failure' | 'rul';
          model_name: string;
          name: string;
          /** @default null */
          planning_horizon_cycles?: number | null;
          /** @description Role → model feature */
          roles: {
            [key: string]: string;
          };
          /** @default 3600 */
          stale_after_seconds?: number;
          /** @default null */
          typical_life_cycles?: number | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            description: string;
            hours_per_cycle: number;
            id: string;
            /** @enum {string} */
            kind: 'failure' | 'rul';
            model_name: string;
            name: string;
            planning_horizon_cycles: number | null;
            /** @description Role → model feature */
            roles: {
              [key: string]: string;
            };
            stale_after_seconds: number;
            typical_life_cycles: number | null;
          };
        };
      };
      /** @description The id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid field, or a model not in the registry */
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
  getApiV1AssetTypesId: {
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
      /** @description The type */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            description: string;
            hours_per_cycle: number;
            id: string;
            /** @enum {string} */
            kind: 'failure' | 'rul';
            model_name: string;
            name: string;
            planning_horizon_cycles: number | null;
            /** @description Role → model feature */
            roles: {
              [key: string]: string;
            };
            stale_after_seconds: number;
            typical_life_cycles: number | null;
          };
        };
      };
      /** @description No such type */
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
  getApiV1Assets: {
    parameters: {
      query?: {
        criticality?: number;
        site?: string;
        type_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Assets (at most 1000) with their latest evaluation, unresolved alarms and next maintenance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            criticality: number;
            health: {
              /** @description The latest reading the evaluation used */
              data_until: string | null;
              /** @description A sensor feeding the model has drifted: the evaluation was made on drifted inputs */
              drifted: boolean;
              episode_id: string | null;
              evaluated_at: string;
              /** @description failure types */
              failure_probability: number | null;
              /** @description 0-100; null when the model could not be served from the roles (see reasons) */
              health: number | null;
              interval: {
                level: number;
                lower: number;
                upper: number;
              } | null;
              model: {
                name: string;
                version: string | null;
              } | null;
              reasons: {
                /**
                 * @description What kind of reason
                 * @enum {string}
                 */
                code: 'rul' | 'failure_probability' | 'trend' | 'missing_role' | 'stale_role' | 'anomalies' | 'alarms' | 'drift' | 'model';
                /** @description English, for integrators; clients translate `text` */
                message: string;
                role?: string;
                sensor_id?: string;
                /** @description The reason as a message code and parameters (serverText.messages.<code>); absent from evaluations stored before it */
                text?: {
                  code: string;
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          [key: string]: number;
                        };
                  };
                };
                value?: number;
              }[];
              /** @description Remaining useful life in cycles (rul types) */
              rul: number | null;
              /** @enum {string} */
              status: 'ok' | 'insufficient_data' | 'model_unavailable';
            } | null;
            id: string;
            metadata: {
              [key: string]: unknown;
            };
            name: string;
            /** @description The pending order due soonest (named for the asset, or raised on its sensors); null when none is pending */
            next_maintenance: {
              /** @description The booked window’s start, else the deadline */
              at: string | null;
              deadline: string | null;
              order_id: string;
              /** @enum {string} */
              priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
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
              window_end: string | null;
              window_start: string | null;
            } | null;
            /** @description Unresolved (open or acknowledged) alarms on the asset’s current sensors */
            open_alarms: {
              by_severity: {
                critical: number;
                high: number;
                low: number;
                medium: number;
              };
              count: number;
              worst: ('low' | 'medium' | 'high' | 'critical') | null;
            };
            /** @description The sensors attached now, one per role */
            sensors: {
              attached_at: string;
              detached_at: string | null;
              role: string;
              sensor_id: string;
            }[];
            /** @description The id of the site the asset belongs to; null for none */
            site: string | null;
            type_id: string;
            updated_at: string;
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
  postApiV1Assets: {
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
           * @description 1 (low) to 5 (critical)
           * @default 3
           */
          criticality?: number;
          id: string;
          /** @default {} */
          metadata?: {
            [key: string]: unknown;
          };
          name: string;
          /** @description The id of a site (GET /api/v1/sites); null or "" for none */
          site?: ('' | string) | null;
          type_id: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            criticality: number;
            /** @description The asset’s evaluator; null when Temporal could not start it (start it later) */
            evaluator: {
              events_url: string;
              status_url: string;
              temporal_url: string;
              workflow_id: string;
            } | null;
            id: string;
            metadata: {
              [key: string]: unknown;
            };
            name: string;
            /** @description The sensors attached now, one per role */
            sensors: {
              attached_at: string;
              detached_at: string | null;
              role: string;
              sensor_id: string;
            }[];
            /** @description The id of the site the asset belongs to; null for none */
            site: string | null;
            type_id: string;
            updated_at: string;
          };
        };
      };
      /** @description The id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid field or unknown type */
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
  getApiV1AssetsId: {
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
      /** @description The asset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            criticality: number;
            id: string;
            metadata: {
              [key: string]: unknown;
            };
            name: string;
            /** @description The sensors attached now, one per role */
            sensors: {
              attached_at: string;
              detached_at: string | null;
              role: string;
              sensor_id: string;
            }[];
            /** @description The id of the site the asset belongs to; null for none */
            site: string | null;
            type_id: string;
            updated_at: string;
          };
        };
      };
      /** @description No such asset */
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
  deleteApiV1AssetsId: {
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
      /** @description The deleted asset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            criticality: number;
            id: string;
            metadata: {
              [key: string]: unknown;
            };
            name: string;
            /** @description The sensors attached now, one per role */
            sensors: {
              attached_at: string;
              detached_at: string | null;
              role: string;
              sensor_id: string;
            }[];
            /** @description The id of the site the asset belongs to; null for none */
            site: string | null;
            type_id: string;
            updated_at: string;
          };
        };
      };
      /** @description No such asset */
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
  patchApiV1AssetsId: {
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
          criticality?: number;
          metadata?: {
            [key: string]: unknown;
          };
          name?: string;
          /** @description The id of a site (GET /api/v1/sites); null or "" for none */
          site?: ('' | string) | null;
        };
      };
    };
    responses: {
      /** @description The asset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            criticality: number;
            id: string;
            metadata: {
              [key: string]: unknown;
            };
            name: string;
            /** @description The sensors attached now, one per role */
            sensors: {
              attached_at: string;
              detached_at: string | null;
              role: string;
              sensor_id: string;
            }[];
            /** @description The id of the site the asset belongs to; null for none */
            site: string | null;
            type_id: string;
            updated_at: string;
          };
        };
      };
      /** @description No such asset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid field */
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
  getApiV1AssetsIdCorrelations: {
    parameters: {
      query?: {
        max_lag?: number;
        pair?: string;
        step?: string;
        window?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Matrices in the order of roles; null where a coefficient is undefined */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            asset_id: string;
            /** @description Instants at which every role had a value */
            buckets: number;
            from: string | null;
            lagged: {
              /** @description Positive: the second role follows the first by this many buckets */
              best_lag: number | null;
              by_lag: {
                lag: number;
                n: number;
                r: number | null;
              }[];
              coefficient: number | null;
              max_lag: number;
              pair: string[];
            } | null;
            pearson: (number | null)[][];
            /** @description Row and column order of the matrices */
            roles: string[];
            spearman: (number | null)[][];
            /** @description The asset’s latest reading */
            to: string | null;
          };
        };
      };
      /** @description No such asset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A bad window, step or pair, or too many buckets */
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
  getApiV1AssetsIdDecisions: {
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
      /** @description Decisions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            /** @description Who decided, as authenticated; null before identities were recorded */
            decided_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            /** @enum {string} */
            decision: 'approved' | 'rejected' | 'escalated';
            id: string;
            /** @description A person’s words as typed, or the system’s own text (its code is read back by the dashboard) */
            justification: string;
            operator_id: string;
            order_id: string | null;
            source: string;
            superseded_by: string | null;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description No such asset */
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
  getApiV1AssetsIdEpisodes: {
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
      /** @description Episodes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            closed_at: string | null;
            gate_evidence: unknown;
            /** @description Set when the episode started on drifted inputs: its maintenance flow waits for a person */
            gate_reason: string | null;
            id: string;
            maintenance_workflow_id: string | null;
            opened_at: string;
            started_at: string | null;
            trigger: {
              [key: string]: unknown;
            };
          }[];
        };
      };
      /** @description No such asset */
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
  postApiV1AssetsIdEvaluator: {
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
          /**
           * @description At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY
           * @default 3600
           */
          decision_timeout_seconds?: number;
          /**
           * @description Re-evaluate at least this often
           * @default 300
           */
          interval_seconds?: number;
        };
      };
    };
    responses: {
      /** @description Running */
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
      /** @description No such asset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body */
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
  getApiV1AssetsIdHealth: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Latest (null before the first evaluation) and history */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            asset_id: string;
            /** @description Newest first */
            history: {
              /** @description The latest reading the evaluation used */
              data_until: string | null;
              /** @description A sensor feeding the model has drifted: the evaluation was made on drifted inputs */
              drifted: boolean;
              episode_id: string | null;
              evaluated_at: string;
              /** @description failure types */
              failure_probability: number | null;
              /** @description 0-100; null when the model could not be served from the roles (see reasons) */
              health: number | null;
              interval: {
                level: number;
                lower: number;
                upper: number;
              } | null;
              model: {
                name: string;
                version: string | null;
              } | null;
              reasons: {
                /**
                 * @description What kind of reason
                 * @enum {string}
                 */
                code: 'rul' | 'failure_probability' | 'trend' | 'missing_role' | 'stale_role' | 'anomalies' | 'alarms' | 'drift' | 'model';
                /** @description English, for integrators; clients translate `text` */
                message: string;
                role?: string;
                sensor_id?: string;
                /** @description The reason as a message code and parameters (serverText.messages.<code>); absent from evaluations stored before it */
                text?: {
                  code: string;
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          [key: string]: number;
                        };
                  };
                };
                value?: number;
              }[];
              /** @description Remaining useful life in cycles (rul types) */
              rul: number | null;
              /** @enum {string} */
              status: 'ok' | 'insufficient_data' | 'model_unavailable';
            }[];
            latest: {
              /** @description The latest reading the evaluation used */
              data_until: string | null;
              /** @description A sensor feeding the model has drifted: the evaluation was made on drifted inputs */
              drifted: boolean;
              episode_id: string | null;
              evaluated_at: string;
              /** @description failure types */
              failure_probability: number | null;
              /** @description 0-100; null when the model could not be served from the roles (see reasons) */
              health: number | null;
              interval: {
                level: number;
                lower: number;
                upper: number;
              } | null;
              model: {
                name: string;
                version: string | null;
              } | null;
              reasons: {
                /**
                 * @description What kind of reason
                 * @enum {string}
                 */
                code: 'rul' | 'failure_probability' | 'trend' | 'missing_role' | 'stale_role' | 'anomalies' | 'alarms' | 'drift' | 'model';
                /** @description English, for integrators; clients translate `text` */
                message: string;
                role?: string;
                sensor_id?: string;
                /** @description The reason as a message code and parameters (serverText.messages.<code>); absent from evaluations stored before it */
                text?: {
                  code: string;
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          [key: string]: number;
                        };
                  };
                };
                value?: number;
              }[];
              /** @description Remaining useful life in cycles (rul types) */
              rul: number | null;
              /** @enum {string} */
              status: 'ok' | 'insufficient_data' | 'model_unavailable';
            } | null;
          };
        };
      };
      /** @description No such asset */
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
  getApiV1AssetsIdOrders: {
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
      /** @description Orders */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            deadline: string | null;
            failure_probability: number | null;
            id: string;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
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
            workflow_id: string | null;
          }[];
        };
      };
      /** @description No such asset */
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
  postApiV1AssetsIdSensors: {
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
          /**
           * Format: date-time
           * @description From when the sensor measures this role; now when absent
           */
          from?: string;
          role: string;
          /** @description Sensor identifier */
          sensor_id: string;
          /**
           * @description Registers an unknown sensor with this type; an unknown sensor is refused without it
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
        };
      };
    };
    responses: {
      /** @description The new attachment */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attached_at: string;
            detached_at: string | null;
            role: string;
            sensor_id: string;
          };
        };
      };
      /** @description No such asset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Role not of the asset’s type, or an unknown sensor without sensor_type */
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
  deleteApiV1AssetsIdSensorsSensorId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sensor_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The closed attachment period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attached_at: string;
            detached_at: string | null;
            role: string;
            sensor_id: string;
          };
        };
      };
      /** @description No such asset, or the sensor is not on it */
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
  getApiV1AssetsIdSensorsHistory: {
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
      /** @description Attachments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attached_at: string;
            detached_at: string | null;
            role: string;
            sensor_id: string;
          }[];
        };
      };
      /** @description No such asset */
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
  postApiV1AuthLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            disabled_at: string | null;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
          };
        };
      };
      /** @description Unknown, used or expired link */
      401: {
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
  postApiV1AuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            disabled_at: string | null;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
          };
        };
      };
      /** @description The email or password is not valid (the same answer for either) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Too many attempts for this email from this address */
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
  postApiV1AuthLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out (also when there was no session) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            signed_out: true;
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
  getApiV1AuthMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'user' | 'api_key';
            name: string;
            scopes: string[];
            /** @description The signed-in user; null for an API key */
            user: {
              created_at: string;
              disabled_at: string | null;
              email: string;
              has_password: boolean;
              /** Format: uuid */
              id: string;
              name: string;
              roles: ('viewer' | 'operator' | 'engineer' | 'planner' | 'admin')[];
            } | null;
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
  getApiV1AuthOidc: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The provider, or enabled: false */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            enabled: boolean;
            name: string | null;
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
  getApiV1AuthOidcCallback: {
    parameters: {
      query?: {
        code?: string;
        error?: string;
        error_description?: string;
        iss?: string;
        session_state?: string;
        state?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the dashboard, signed in; or to /sign-in?oidc=<reason> (failed, unverified_email, no_account) without a session */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description OpenID Connect sign-in is not configured */
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
  getApiV1AuthOidcStart: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider's authorization endpoint; on failure back to /sign-in?oidc=failed */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description OpenID Connect sign-in is not configured */
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
  putApiV1AuthPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          current_password?: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            changed: true;
          };
        };
      };
      /** @description The current password is not valid */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Called with an API key: only a signed-in user has a password */
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
  getApiV1AuthSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed in or not */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            signed_in: boolean;
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
  getApiV1Connectors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All connectors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  postApiV1Connectors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              config: {
                clientId?: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /**
                 * @default json
                 * @enum {string}
                 */
                payload?: 'json' | 'sparkplug';
                /** @default 604800 */
                sessionExpirySeconds?: number;
                topics: string[];
                url: string;
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'mqtt';
              name: string;
              secrets?: {
                password?: string;
              };
            }
          | {
              config: {
                /** @default 0 */
                deadband?: number;
                /** @default true */
                discardOldest?: boolean;
                endpointUrl: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /** @default 100 */
                publishingIntervalMs?: number;
                /** @default 1000 */
                queueSize?: number;
                /** @default 100 */
                samplingIntervalMs?: number;
                /**
                 * @default None
                 * @enum {string}
                 */
                securityMode?: 'None' | 'Sign' | 'SignAndEncrypt';
                /**
                 * @default None
                 * @enum {string}
                 */
                securityPolicy?: 'None' | 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep' | 'Aes256_Sha256_RsaPss';
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'opcua';
              name: string;
              secrets?: {
                password?: string;
              };
            };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  getApiV1ConnectorsId: {
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
      /** @description The connector */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  putApiV1ConnectorsId: {
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
        'application/json':
          | {
              config: {
                clientId?: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /**
                 * @default json
                 * @enum {string}
                 */
                payload?: 'json' | 'sparkplug';
                /** @default 604800 */
                sessionExpirySeconds?: number;
                topics: string[];
                url: string;
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'mqtt';
              name: string;
              secrets?: {
                password?: string;
              };
            }
          | {
              config: {
                /** @default 0 */
                deadband?: number;
                /** @default true */
                discardOldest?: boolean;
                endpointUrl: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /** @default 100 */
                publishingIntervalMs?: number;
                /** @default 1000 */
                queueSize?: number;
                /** @default 100 */
                samplingIntervalMs?: number;
                /**
                 * @default None
                 * @enum {string}
                 */
                securityMode?: 'None' | 'Sign' | 'SignAndEncrypt';
                /**
                 * @default None
                 * @enum {string}
                 */
                securityPolicy?: 'None' | 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep' | 'Aes256_Sha256_RsaPss';
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'opcua';
              name: string;
              secrets?: {
                password?: string;
              };
            };
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  deleteApiV1ConnectorsId: {
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
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            deleted: true;
            id: string;
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
  postApiV1ConnectorsIdDisable: {
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
      /** @description The connector */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  postApiV1ConnectorsIdEnable: {
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
      /** @description The connector */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            config: {
              [key: string]: unknown;
            };
            created_at: string;
            enabled: boolean;
            /** @description Whether a password is stored; it is never returned */
            has_password: boolean;
            id: string;
            /** @enum {string} */
            kind: 'mqtt' | 'opcua';
            name: string;
            revision: number;
            status: {
              /** @description Messages received and not yet committed (unacknowledged) */
              buffered: number;
              connected: boolean;
              last_error: string | null;
              last_error_at: string | null;
              last_message_at: string | null;
              /** @description Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound */
              lost_total: number;
              messages_per_s: number;
              messages_total: number;
              /** @description True while the connector stopped reading its source: its buffer is full (back-pressure) */
              paused: boolean;
              rejected_total: number;
              /** @description False when the connector process has not reported in the last 10 s */
              reporting: boolean;
              updated_at: string;
            } | null;
            updated_at: string;
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
  getApiV1ConnectorsIdMessages: {
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
      /** @description Newest last */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            at: string;
            error?: string;
            /** @description As received: text, or hex for binary payloads (Sparkplug B), cut at 300 characters */
            payload: string;
            readings: {
              sensorId: string;
              ts: string;
              value: number;
            }[];
            source: string;
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
  postApiV1ConnectorsIdTest: {
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
      /** @description Whether the endpoint answered */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            browse?: {
              name: string;
              nodeId: string;
            }[];
            error: string | null;
            latency_ms: number;
            ok: boolean;
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
  postApiV1ConnectorsTest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              config: {
                clientId?: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /**
                 * @default json
                 * @enum {string}
                 */
                payload?: 'json' | 'sparkplug';
                /** @default 604800 */
                sessionExpirySeconds?: number;
                topics: string[];
                url: string;
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'mqtt';
              name: string;
              secrets?: {
                password?: string;
              };
            }
          | {
              config: {
                /** @default 0 */
                deadband?: number;
                /** @default true */
                discardOldest?: boolean;
                endpointUrl: string;
                /** @default [] */
                mapping?: {
                  sensorId: string;
                  /**
                   * @default temperature
                   * @enum {string}
                   */
                  sensorType?:
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
                  source: string;
                  unit?: string;
                }[];
                /** @default 100 */
                publishingIntervalMs?: number;
                /** @default 1000 */
                queueSize?: number;
                /** @default 100 */
                samplingIntervalMs?: number;
                /**
                 * @default None
                 * @enum {string}
                 */
                securityMode?: 'None' | 'Sign' | 'SignAndEncrypt';
                /**
                 * @default None
                 * @enum {string}
                 */
                securityPolicy?: 'None' | 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep' | 'Aes256_Sha256_RsaPss';
                username?: string;
              };
              /** @default true */
              enabled?: boolean;
              /** @constant */
              kind: 'opcua';
              name: string;
              secrets?: {
                password?: string;
              };
            };
      };
    };
    responses: {
      /** @description Whether the endpoint answered */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            browse?: {
              name: string;
              nodeId: string;
            }[];
            error: string | null;
            latency_ms: number;
            ok: boolean;
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
              kind: 'api_key' | 'user' | 'system';
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
  getApiV1DecisionsPending: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The open decision requests */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            correlation_id: string | null;
            /** @description ISO instant after which the server applies its timeout policy */
            deadline: string;
            /** @description Set when the prediction was made on drifted inputs: this request is never approved by its timeout policy */
            drift:
              | {
                  /** @description ISO instant of the drift check */
                  checked_at: string;
                  ks_statistic: number | null;
                  /** @description Kolmogorov-Smirnov p-value */
                  p_value: number | null;
                  /** @description Population stability index */
                  psi: number | null;
                  sensor_id: string;
                  /** @description The recent window compared with the reference */
                  window_minutes: number | null;
                }[]
              | null;
            order: {
              deadline: string | null;
              equipment: string | null;
              failure_probability: number | null;
              id: string;
              priority: string | null;
              sensor_id: string | null;
              status: string | null;
              technician_id: string | null;
              technician_name: string | null;
              window_end: string | null;
              window_start: string | null;
            } | null;
            request_id: string;
            requested_at: string;
            similar_cases: {
              decision: string | null;
              id: string;
              outcome: string | null;
              similarity: number;
              summary: string;
            }[];
            /** @description The model's threshold the failure probability was compared with */
            threshold: number | null;
            workflow_id: string;
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
            /** @description Four eyes: true when this approval is the first of two and the order waits for a different person */
            awaiting_second_approval?: boolean;
            created_at: string;
            /** @description Who decided, as authenticated (operator_id is what the body said) */
            decided_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
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
          /** @description Demo pace: stream the readings at this many per second so an audience can follow the stages; all at once when absent */
          demo_pace?: number;
          /** @default true */
          include_human_decision?: boolean;
          /**
           * @default anomaly
           * @enum {string}
           */
          scenario?: 'normal' | 'drift' | 'anomaly';
          /** @description Seeds the generated readings (the run's and a fresh sensor's history), so a run can be reproduced; derived from the correlation id and the sensor when absent */
          seed?: number;
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
  getApiV1DemoGoldenPathReadingsCorrelationId: {
    parameters: {
      query: {
        sensor_id: string;
      };
      header?: never;
      path: {
        correlation_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run readings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            anomaly: boolean;
            quarantined: boolean;
            ts: string;
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
                kind: 'api_key' | 'user' | 'system';
              } | null;
              decision: string;
              justification: string;
              operator_id: string;
              source: string;
            } | null;
            decision_deadline: string | null;
            decision_request_id: string | null;
            events: {
              /** @description Message code, translated through the locales (serverText.messages.<code>) */
              code?: string | null;
              /** @description English text for integrators; clients translate `code` with `params` */
              message: string;
              /** @description The message parameters: numbers, ISO 8601 instants and enumeration values, never formatted text */
              params?: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
              stage:
                ('ingestion' | 'processing' | 'anomaly_detection' | 'validation' | 'prediction' | 'maintenance' | 'human_decision') | null;
              ts: string;
              /** @description An event code: stage_started, stage_complete, decision_requested, ... */
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
              /** @description Message code, translated through the locales (serverText.messages.<code>) */
              code?: string | null;
              decision: string | null;
              id: string;
              /** @description no maintenance, order approved, order rejected, ... */
              outcome: string | null;
              /** @description The message parameters: numbers, ISO 8601 instants and enumeration values, never formatted text */
              params?: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
              similarity: number;
              /** @description English text for integrators; clients translate `code` with `params` */
              summary: string;
            }[];
            stages: {
              /** @description Message code, translated through the locales (serverText.messages.<code>) */
              code?: string | null;
              duration_ms: number | null;
              event_count: number;
              finished_at: string | null;
              /** @description English text for integrators; clients translate `code` with `params` */
              message: string;
              /** @enum {string} */
              name: 'ingestion' | 'processing' | 'anomaly_detection' | 'validation' | 'prediction' | 'maintenance' | 'human_decision';
              /** @description The message parameters: numbers, ISO 8601 instants and enumeration values, never formatted text */
              params?: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
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
  getApiV1GovernanceAudit: {
    parameters: {
      query?: {
        before_id?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Audit entries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            action: 'policy_changed' | 'hold_placed' | 'hold_released';
            by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            created_at: string;
            id: string;
            new_value: unknown | null;
            old_value: unknown | null;
            /** @description The data class, or kind:id of the held record */
            subject: string;
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
  getApiV1GovernanceHolds: {
    parameters: {
      query?: {
        include_released?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The holds */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            placed_at: string;
            placed_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            reason: string;
            released_at: string | null;
            released_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            sensor_ids: string[];
            subject_id: string;
            /** @enum {string} */
            subject_kind: 'decision' | 'order' | 'alarm';
            window_from: string;
            window_to: string;
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
  postApiV1GovernanceHolds: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Widening on each side; LEGAL_HOLD_MARGIN_HOURS when absent */
          margin_hours?: number;
          reason: string;
          /** Format: uuid */
          subject_id: string;
          /** @enum {string} */
          subject_kind: 'decision' | 'order' | 'alarm';
        };
      };
    };
    responses: {
      /** @description The hold */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            placed_at: string;
            placed_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            reason: string;
            released_at: string | null;
            released_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            sensor_ids: string[];
            subject_id: string;
            /** @enum {string} */
            subject_kind: 'decision' | 'order' | 'alarm';
            window_from: string;
            window_to: string;
          };
        };
      };
      /** @description No such record, or a decision without an order */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The record is already under hold */
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
  deleteApiV1GovernanceHoldsId: {
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
      /** @description The released hold */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            placed_at: string;
            placed_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            reason: string;
            released_at: string | null;
            released_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
            sensor_ids: string[];
            subject_id: string;
            /** @enum {string} */
            subject_kind: 'decision' | 'order' | 'alarm';
            window_from: string;
            window_to: string;
          };
        };
      };
      /** @description No active hold with this id */
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
  getApiV1GovernanceRetention: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One policy per data class */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            data_class: 'raw_readings' | 'minute_aggregates' | 'hour_aggregates' | 'events' | 'predictions' | 'notifications' | 'reports';
            retain_days: number;
            /**
             * @description default: from the configuration; set: changed through this API
             * @enum {string}
             */
            source: 'default' | 'set';
            updated_at: string | null;
            updated_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
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
  putApiV1GovernanceRetention: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          events?: number;
          hour_aggregates?: number;
          minute_aggregates?: number;
          notifications?: number;
          predictions?: number;
          raw_readings?: number;
          reports?: number;
        };
      };
    };
    responses: {
      /** @description Every policy after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            data_class: 'raw_readings' | 'minute_aggregates' | 'hour_aggregates' | 'events' | 'predictions' | 'notifications' | 'reports';
            retain_days: number;
            /**
             * @description default: from the configuration; set: changed through this API
             * @enum {string}
             */
            source: 'default' | 'set';
            updated_at: string | null;
            updated_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'user' | 'system';
            } | null;
          }[];
        };
      };
      /** @description A value out of range, or aggregates kept shorter than what they summarise */
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
  getApiV1LineageKindId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        kind: 'order' | 'decision' | 'prediction' | 'report' | 'alarm';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Nodes and edges with timestamps; the subject names the node asked for */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            edges: {
              from: string;
              /** @enum {string} */
              relation:
                | 'ingested'
                | 'predicted'
                | 'scored'
                | 'tested_for_drift'
                | 'derived'
                | 'input'
                | 'scored_by'
                | 'passed_to'
                | 'proposed'
                | 'decided'
                | 'superseded_by'
                | 'made_firm'
                | 'released'
                | 'booked'
                | 'notified'
                | 'reported_in'
                | 'raised'
                | 'handled_by'
                | 'recorded'
                | 'converted';
              to: string;
            }[];
            nodes: {
              at: string | null;
              history_event: {
                activity_id: string | null;
                event_id: number;
                event_type: string;
                name: string;
                time: string;
                workflow_id: string;
              } | null;
              id: string;
              /** @enum {string} */
              kind:
                | 'workflow'
                | 'readings'
                | 'detector'
                | 'alarm'
                | 'alarm_event'
                | 'anomalies'
                | 'drift_check'
                | 'features'
                | 'model'
                | 'prediction'
                | 'order'
                | 'decision'
                | 'booking'
                | 'notification'
                | 'report';
              label: string;
              record: {
                [key: string]: unknown;
              };
              /** @description false when the link was reconstructed for a row older than its recording */
              recorded: boolean;
              ref: string;
              workflow_id: string | null;
            }[];
            subject: {
              id: string;
              /** @enum {string} */
              kind: 'order' | 'decision' | 'prediction' | 'report' | 'alarm';
              node_id: string;
            };
            workflows: {
              close_time: string | null;
              history_available: boolean;
              start_time: string | null;
              status: string | null;
              temporal_url: string;
              type: string | null;
              workflow_id: string;
            }[];
          };
        };
      };
      /** @description No such record */
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
  getApiV1MaintenanceOrders: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        priority?: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
        sensor_id?: string;
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
        window_from?: string;
        window_to?: string;
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
            correlation_id: string | null;
            created_at: string;
            deadline: string | null;
            equipment: string | null;
            failure_probability: number | null;
            id: string;
            /** @enum {string} */
            priority: 'low' | 'medium' | 'high' | 'urgent' | 'very_urgent';
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
            updated_at: string;
            window_end: string | null;
            window_start: string | null;
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Invalid filter, or window_from after window_to */
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
            /** @description The statuses PATCH accepts now; empty while a workflow waits for a decision on the order */
            allowed_transitions: (
              | 'proposed'
              | 'awaiting_approval'
              | 'approved'
              | 'rejected'
              | 'escalated'
              | 'scheduled'
              | 'in_progress'
              | 'completed'
              | 'closed'
              | 'cancelled'
            )[];
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
            evidence: {
              decisions: {
                created_at: string;
                decision: string;
                id: string;
                justification: string;
                operator_id: string;
                request_id: string;
              }[];
              /** @description Set while a workflow waits for a human decision on the order */
              open_request: {
                deadline: string;
                request_id: string;
                workflow_id: string;
              } | null;
              /** @description The prediction that raised the order; null for a manual order */
              prediction: {
                created_at: string;
                has_explanation: boolean;
                id: string;
                model: string;
                probability: number;
                version: string;
              } | null;
              /** @description Reports of the order's workflow */
              reports: {
                created_at: string;
                id: string;
                report_type: string;
              }[];
            };
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
            /** @description Why this technician and window, or why the order is unplanned, as codes and parameters */
            reason_messages: {
              code: string;
              params: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
            }[];
            /** @description English, for integrators; reason_messages is what a client translates */
            reasons: string[];
            required_level: number;
            required_skill: string;
            sensor_id: string;
            /** @description The site of the order’s asset: its technicians plan it, and its clock can show the times; null for none */
            site: {
              id: string;
              name: string;
              time_zone: string;
            } | null;
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
                kind: 'api_key' | 'user' | 'system';
              } | null;
              from_status: string | null;
              note: string | null;
              to_status: string;
              ts: string;
            }[];
            unassigned_code: string | null;
            /** @description English, for integrators; reason_messages carries it as a code */
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
            /** @description Why this technician and window, or why the order is unplanned, as codes and parameters */
            reason_messages: {
              code: string;
              params: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
            }[];
            /** @description English, for integrators; reason_messages is what a client translates */
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
                kind: 'api_key' | 'user' | 'system';
              } | null;
              from_status: string | null;
              note: string | null;
              to_status: string;
              ts: string;
            }[];
            unassigned_code: string | null;
            /** @description English, for integrators; reason_messages carries it as a code */
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
            /** @description Why this technician and window, or why the order is unplanned, as codes and parameters */
            reason_messages: {
              code: string;
              params: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
            }[];
            /** @description English, for integrators; reason_messages is what a client translates */
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
            /** @description English, for integrators; reason_messages carries it as a code */
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
            /** @description Why this technician and window, as codes and parameters (the plan's explanation) */
            reason_messages: {
              code: string;
              params: {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | {
                      [key: string]: number;
                    };
              };
            }[];
            /** @description English, for integrators; reason_messages is what a client translates */
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
            /** @description The site's IANA time zone: the shifts are wall-clock times there */
            time_zone: string;
            /** @description The site zone's offset now; a plan uses the offset of the day it starts */
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
          /** @description The id of the site the technician works at (GET /api/v1/sites) */
          site: string;
          skills: {
            level: number;
            skill: string;
          }[];
          /**
           * @deprecated
           * @description Deprecated and ignored: the offset follows the site's time zone (PATCH /api/v1/sites/{id}), daylight saving included
           */
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
            /** @description The site's IANA time zone: the shifts are wall-clock times there */
            time_zone: string;
            /** @description The site zone's offset now; a plan uses the offset of the day it starts */
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
            /** @description The site's IANA time zone: the shifts are wall-clock times there */
            time_zone: string;
            /** @description The site zone's offset now; a plan uses the offset of the day it starts */
            utc_offset_minutes: number;
          };
        };
      };
      /** @description Invalid field, or no such site */
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
                  method: 'combined' | 'isolation_forest' | 'robust_zscore' | 'streaming';
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
                /**
                 * @description streaming: the sensor's own persisted streaming detector; combined / robust_zscore: a series with no learned sensor state
                 * @enum {string}
                 */
                method: 'combined' | 'robust_zscore' | 'streaming';
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
                  method: 'combined' | 'isolation_forest' | 'robust_zscore' | 'streaming';
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
                /**
                 * @description streaming: the sensor's own persisted streaming detector; combined / robust_zscore: a series with no learned sensor state
                 * @enum {string}
                 */
                method: 'combined' | 'robust_zscore' | 'streaming';
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
  getApiV1MlModelsNamePromotions: {
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
      /** @description Promotion overview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            history: {
              /** @enum {string} */
              action: 'promote' | 'rollback';
              by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              created_at: string;
              evidence_report_id: string | null;
              from_stage: string;
              id: string;
              justification: string;
              model: string;
              replaced_version: string | null;
              to_stage: string;
              version: string;
              workflow_id: string | null;
            }[];
            model: string;
            pending: {
              closed_at: string | null;
              created_at: string;
              deadline: string;
              decided_by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              decision_justification: string | null;
              evidence_report_id: string;
              id: string;
              justification: string;
              model: string;
              requested_by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              /** @enum {string} */
              status: 'open' | 'approved' | 'rejected' | 'expired';
              version: string;
            } | null;
            production_version: string | null;
            requests: {
              closed_at: string | null;
              created_at: string;
              deadline: string;
              decided_by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              decision_justification: string | null;
              evidence_report_id: string;
              id: string;
              justification: string;
              model: string;
              requested_by: {
                key_id: string | null;
                key_name: string | null;
                /** @enum {string} */
                kind: 'api_key' | 'system';
              } | null;
              /** @enum {string} */
              status: 'open' | 'approved' | 'rejected' | 'expired';
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
  postApiV1MlModelsNameRollback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          justification: string;
        };
      };
    };
    responses: {
      /** @description The recorded stage move */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            action: 'promote' | 'rollback';
            by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'system';
            } | null;
            created_at: string;
            evidence_report_id: string | null;
            from_stage: string;
            id: string;
            justification: string;
            model: string;
            replaced_version: string | null;
            to_stage: string;
            version: string;
            workflow_id: string | null;
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
      /** @description No earlier Production version to return to */
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
  postApiV1MlModelsNameVersionsVersionPromotions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          justification: string;
        };
      };
    };
    responses: {
      /** @description Awaiting approval at POST /ml/promotions/{request_id}/decision */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events_url: string;
            evidence_report_id: string;
            model: string;
            request_id: string;
            status_url: string;
            temporal_url: string;
            version: string;
            workflow_id: string;
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
      /** @description No fresh shadow report (the reason says why), already in Production, disabled, or another promotion pending */
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
  postApiV1MlModelsNameVersionsVersionShadowEvaluations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description Start of the period (inclusive); 30 days before `to` when absent
           */
          from?: string;
          /**
           * Format: date-time
           * @description End of the period (exclusive); now when absent
           */
          to?: string;
        };
      };
    };
    responses: {
      /** @description Started; the report id appears in the workflow’s progress and in the version’s shadow reports */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            costs: {
              extra_order: number;
              missed_failure: number;
            };
            events_url: string;
            from: string;
            model: string;
            status_url: string;
            temporal_url: string;
            to: string;
            version: string;
            workflow_id: string;
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
      /** @description A bad period */
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
  getApiV1MlModelsNameVersionsVersionShadowReports: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Reports with their summary */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            parameters: {
              [key: string]: unknown;
            };
            summary: {
              [key: string]: unknown;
            };
            workflow_id: string | null;
          }[];
        };
      };
      /** @description Unknown model or version */
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
  postApiV1MlPromotionsIdDecision: {
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
          decision: 'approved' | 'rejected';
          justification: string;
        };
      };
    };
    responses: {
      /** @description The promotion’s outcome */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deadline: string;
            decided_by: {
              key_id: string | null;
              key_name: string | null;
              /** @enum {string} */
              kind: 'api_key' | 'system';
            } | null;
            evidence_report_id: string;
            model: string;
            stage_change_id: string | null;
            /** @enum {string} */
            status: 'awaiting_approval' | 'approved' | 'rejected' | 'expired';
            version: string;
          };
        };
      };
      /** @description No such promotion request */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Already decided or expired */
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
          /** @description An engine-like asset: the model runs on its role sensors' latest window (the asset's own model) */
          asset_id?: string;
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
      /** @description For readings or asset_id: rul, interval, model_info; for trajectories: results in order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                /** @description For asset_id: the latest cycle used */
                data_until?: string | null;
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
      /** @description Unknown model or version, or unknown asset */
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
  getApiV1Overview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            decisions_by_value: {
              [key: string]: number;
            };
            generated_at: string;
            orders_by_status: {
              [key: string]: number;
            };
            pending_decisions: number;
            readings: {
              last_24h: number;
              total: number;
            };
            recent_orders: {
              correlation_id: string | null;
              id: string;
              priority: string;
              sensor_id: string;
              status: string;
              technician_name: string | null;
              updated_at: string;
              window_end: string | null;
              window_start: string | null;
              workflow_id: string | null;
            }[];
            /** @description anomalous: a credible anomaly in the day before its last reading; silent: no reading for a day */
            sensors: {
              anomalous: number;
              healthy: number;
              no_data: number;
              silent: number;
              total: number;
            };
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
  getApiV1Reports: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        report_type?:
          'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run' | 'shadow_evaluation';
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
            report_type:
              'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run' | 'shadow_evaluation';
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
      query?: {
        lang?: 'en' | 'pt-BR';
        tz?: string;
      };
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
                  /** @enum {string} */
                  kind?: 'line' | 'points';
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
            /** @description The report in the reader's words: labels for keys and columns, titles translated, values formatted in their locale and zone */
            presentation: {
              charts: {
                id: string;
                title: string;
              }[];
              /** @enum {string} */
              lang: 'en' | 'pt-BR';
              period: {
                from: string;
                to: string;
              };
              summary: {
                key: string;
                label: string;
                value: string;
              }[];
              tables: {
                columns: string[];
                title: string;
              }[];
              time_zone: string;
              title: string;
            };
            /** @enum {string} */
            report_type:
              'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run' | 'shadow_evaluation';
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
      /** @description An unknown language or time zone */
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
  getApiV1ReportsIdArtifactCsv: {
    parameters: {
      query?: {
        lang?: 'en' | 'pt-BR';
        tz?: string;
      };
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
      /** @description An unknown language or time zone */
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
  getApiV1ReportsIdArtifactPdf: {
    parameters: {
      query?: {
        lang?: 'en' | 'pt-BR';
        tz?: string;
      };
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
      /** @description An unknown language or time zone */
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
                  /** @enum {string} */
                  kind?: 'line' | 'points';
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
                  /** @enum {string} */
                  kind?: 'line' | 'points';
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
            report_type:
              'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run' | 'shadow_evaluation';
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
                  /** @enum {string} */
                  kind?: 'line' | 'points';
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
            report_type:
              'system_health' | 'anomaly_summary' | 'ingestion_activity' | 'maintenance_decisions' | 'workflow_run' | 'shadow_evaluation';
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
  patchApiV1SensorsId: {
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
          archived: boolean;
        };
      };
    };
    responses: {
      /** @description The archive mark now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            archived_at: string | null;
            sensor_id: string;
          };
        };
      };
      /** @description No such sensor */
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
  getApiV1SensorsIdSeries: {
    parameters: {
      query?: {
        from?: string;
        max_points?: number;
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Of those, readings served from the retention aggregates (raw rows rolled up); points are then at least a minute wide */
            aggregated: number;
            anomalies: {
              credible: boolean | null;
              method: string;
              score: number;
              ts: string;
              value: number;
            }[];
            /** @description 0 when every reading is returned; else the bucket width */
            bucket_seconds: number;
            from: string;
            points: {
              count: number;
              max: number;
              min: number;
              ts: string;
              value: number;
            }[];
            sensor_id: string;
            sensor_type: string;
            to: string;
            /** @description Readings in the range, before downsampling */
            total: number;
            unit: string | null;
          };
        };
      };
      /** @description No such sensor */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description from after to, or a range longer than 366 days */
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
  patchApiV1SensorsSensorIdSensitivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sensor_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          sensitivity: number;
        };
      };
    };
    responses: {
      /** @description Stored; applies from the next reading scored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sensitivity: number;
            sensor_id: string;
          };
        };
      };
      /** @description Unknown sensor */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Sensitivity outside 0-1 */
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
      query?: {
        include_archived?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sensors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When the sensor was hidden from the lists (its data stays); null when listed */
            archived_at: string | null;
            created_at: string;
            equipment: string | null;
            first_reading: string | null;
            last_reading: string | null;
            location: string | null;
            reading_count: number;
            sensor_id: string;
            sensor_type: string;
            /** @description Since when a connector source declared the sensor dead (Sparkplug NDEATH/DDEATH), until its next birth or value; null while live */
            stale_since: string | null;
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
  postApiV1SimulateAssetRun: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          asset_id: string;
          /**
           * @description Pause between batches: the replay speed
           * @default 1
           */
          batch_interval_seconds?: number;
          /**
           * @description Time between two cycles’ readings
           * @default 60
           */
          cycle_seconds?: number;
          /** @default 10 */
          cycles_per_batch?: number;
          /**
           * @description At least DECISION_TIMEOUT_MIN_SECONDS (60 by default); the timeout policy is the server's DECISION_TIMEOUT_POLICY
           * @default 3600
           */
          decision_timeout_seconds?: number;
          /** @default 1 */
          from_cycle?: number;
          /**
           * @description Re-evaluate at least this often
           * @default 300
           */
          interval_seconds?: number;
          /** @description The engine's last cycle when absent */
          to_cycle?: number;
          /**
           * @description FD001 training engine to replay
           * @default 1
           */
          unit?: number;
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
            cycles: number;
            evaluator: {
              events_url: string;
              status_url: string;
              temporal_url: string;
              workflow_id: string;
            };
            events_url: string;
            from_cycle: number;
            /** @description Sensors registered for roles that had none */
            sensors_attached: number;
            status_url: string;
            temporal_url: string;
            to_cycle: number;
            workflow_id: string;
          };
        };
      };
      /** @description No such asset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid body, not an engine-like asset, or no such engine */
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
  getApiV1Sites: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All sites */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            name: string;
            /** @description IANA zone of the site’s clock */
            time_zone: string;
            updated_at: string;
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
  postApiV1Sites: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          name: string;
          /**
           * @description IANA zone of the site’s clock; times on its assets and orders can be read in it
           * @default UTC
           */
          time_zone?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            name: string;
            /** @description IANA zone of the site’s clock */
            time_zone: string;
            updated_at: string;
          };
        };
      };
      /** @description The id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid field (an id that is not a slug, a zone that is not IANA) */
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
  getApiV1SitesId: {
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
      /** @description The site */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            name: string;
            /** @description IANA zone of the site’s clock */
            time_zone: string;
            updated_at: string;
          };
        };
      };
      /** @description No such site */
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
  deleteApiV1SitesId: {
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
      /** @description The deleted site */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            name: string;
            /** @description IANA zone of the site’s clock */
            time_zone: string;
            updated_at: string;
          };
        };
      };
      /** @description No such site */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Assets or technicians still belong to the site (counts in the problem) */
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
  patchApiV1SitesId: {
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
          name?: string;
          time_zone?: string;
        };
      };
    };
    responses: {
      /** @description The site */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created_at: string;
            id: string;
            name: string;
            /** @description IANA zone of the site’s clock */
            time_zone: string;
            updated_at: string;
          };
        };
      };
      /** @description No such site */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid field */
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
  getApiV1Workers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The worker fleet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active_workers: number;
            checked_at: string;
            task_queue: string;
            /** @description Most recent poll first; a killed worker stays listed, inactive, for a few minutes */
            workers: {
              /** @description Polled within the last 75 s (an idle long poll is renewed every ~60 s) */
              active: boolean;
              /** @description The worker's Temporal identity, `<pid>@<host>` */
              identity: string;
              /** @description Its latest poll of any of them */
              last_poll_at: string | null;
              /** @description The task kinds it polls the queue for */
              queues: ('workflow' | 'activity')[];
            }[];
          };
        };
      };
      /** @description Temporal did not answer */
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
  getApiV1Workflows: {
    parameters: {
      query?: {
        business_status?: string;
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
          /** @description Demo pace: stream the readings at this many per second so an audience can follow the stages; all at once when absent */
          demo_pace?: number;
          /** @default true */
          include_human_decision?: boolean;
          /**
           * @default anomaly
           * @enum {string}
           */
          scenario?: 'normal' | 'drift' | 'anomaly';
          /** @description Seeds the generated readings (the run's and a fresh sensor's history), so a run can be reproduced; derived from the correlation id and the sensor when absent */
          seed?: number;
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
