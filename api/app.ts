import cors from '@koa/cors';
import Koa from 'koa';
import type { AppDeps } from './deps';
import { AddressGuard } from './middleware/addressGuard';
import { ApiKeyResolver } from './middleware/auth';
import { problemDetails } from './middleware/problem';
import { RateCounter } from './middleware/rateLimit';
import { requestContext } from './middleware/requestContext';
import { securityHeaders } from './middleware/securityHeaders';
import { buildOpenApi } from './openapi';
import { ApiRouter, type RouteContext } from './route';
import { adminRoutes } from './routes/admin';
import { dataRoutes } from './routes/data';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { sensorRoutes } from './routes/sensors';
import { workflowRoutes } from './routes/workflows';
import { workerFleetRoutes } from './routes/workerFleet';
import { demoRoutes } from './routes/demo';
import { decisionSubmitRoutes } from './routes/decisionSubmit';
import { simulateRoutes } from './routes/simulate';
import { reportRoutes } from './routes/reports';
import { decisionListRoutes } from './routes/decisions';
import { maintenanceRoutes } from './routes/maintenance';
import { mlRoutes } from './routes/ml';
import { rulRoutes } from './routes/rul';
import { assetRoutes } from './routes/assets';
import { siteRoutes } from './routes/sites';
import { assetHealthRoutes } from './routes/assetHealth';
import { PredictionLog } from '../usecases/predictionLog';
import { monitoringRoutes } from './routes/monitoring';
import { predictionRoutes } from './routes/predictions';
import { reportWorkflowRoutes } from './routes/reportWorkflows';
import { metricsRoutes } from './routes/metrics';
import { overviewRoutes } from './routes/overview';
import { alarmRoutes } from './routes/alarms';
import { AlarmRaiser, alarmMetricsSource } from '../usecases/alarms';
import { connectorRoutes } from './routes/connectors';
import { lineageRoutes } from './routes/lineage';
import { governanceRoutes } from './routes/governance';
import { modelGovernanceRoutes } from './routes/modelGovernance';
import { staticWeb } from './middleware/staticWeb';
import { authRoutes } from './routes/auth';
import { oidcRoutes } from './routes/oidc';
import { userRoutes } from './routes/users';
import { sessionUser } from '../usecases/users';

export const API_PREFIX = '/api/v1';

/** Builds the Koa app from its dependencies; server.ts only listens. */
export function createApp(deps: AppDeps) {
  const app = new Koa({ proxy: false });
  const resolver = new ApiKeyResolver(deps.sql);
  const counter = new RateCounter(deps.redis, deps.config.REDIS_PREFIX);
  const rc: RouteContext = {
    resolver,
    counter,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    globalRateLimit: deps.config.RATE_LIMIT_PER_MINUTE,
    addressGuard: new AddressGuard(counter, {
      failuresPerMinute: deps.config.AUTH_FAILURES_PER_MINUTE,
      keylessPerMinute: deps.config.KEYLESS_REQUESTS_PER_MINUTE,
    }),
    sessions: {
      sessionUser: (token) => sessionUser(deps.sql, token),
      publicOrigin: deps.config.PUBLIC_URL ? new URL(deps.config.PUBLIC_URL).origin : undefined,
    },
  };

  const rootHealth = new ApiRouter(rc, '');
  healthRoutes(rootHealth, deps);
  const api = new ApiRouter(rc, API_PREFIX);
  healthRoutes(api, deps);
  // Scores a sensor's new readings after each ingest, off the request, and starts alarm lifecycles.
  const alarmRaiser = new AlarmRaiser(deps);
  deps.metrics.alarms.attach(alarmMetricsSource(deps));
  dataRoutes(api, deps, alarmRaiser);
  sensorRoutes(api, deps);
  workflowRoutes(api, deps);
  workerFleetRoutes(api, deps);
  demoRoutes(api, deps);
  decisionSubmitRoutes(api, deps);
  simulateRoutes(api, deps, alarmRaiser);
  reportRoutes(api, deps);
  decisionListRoutes(api, deps);
  maintenanceRoutes(api, deps);
  const predictionLog = new PredictionLog(deps.sql, deps.logger);
  mlRoutes(api, deps, predictionLog);
  rulRoutes(api, deps);
  assetRoutes(api, deps);
  siteRoutes(api, deps);
  assetHealthRoutes(api, deps);
  monitoringRoutes(api, deps);
  predictionRoutes(api, deps);
  reportWorkflowRoutes(api, deps);
  metricsRoutes(api, deps);
  overviewRoutes(api, deps);
  alarmRoutes(api, deps);
  connectorRoutes(api, deps);
  lineageRoutes(api, deps);
  modelGovernanceRoutes(api, deps);
  governanceRoutes(api, deps);
  adminRoutes(api, deps, resolver);
  authRoutes(api, deps, counter);
  oidcRoutes(api, deps);
  userRoutes(api, deps);

  let openapi: unknown;
  const docs = docsRoutes(() => (openapi ??= buildOpenApi(api.docs, { version: '0.1.0' })));

  // A viewer leaving an event stream ends its response early: Koa reports that as an error
  // ("Premature close") on every SSE route; it is the normal end of a stream, not a fault.
  app.on('error', (err: Error & { code?: string }) => {
    if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE') app.onerror(err);
  });
  app.use(requestContext({ logger: deps.logger, metrics: deps.metrics }));
  app.use(securityHeaders({ noStorePrefix: API_PREFIX }));
  app.use(problemDetails());
  app.use(
    cors({
      origin: (ctx) => {
        const origin = ctx.get('Origin');
        return deps.config.CORS_ORIGINS.includes(origin) ? origin : '';
      },
      allowHeaders: ['Content-Type', 'X-API-Key', 'Idempotency-Key', 'X-Request-ID', 'X-Correlation-ID', 'Accept'],
      exposeHeaders: [
        'X-Request-ID',
        'X-Correlation-ID',
        'X-Total-Count',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
      ],
    }),
  );
  app.use(docs.routes());
  app.use(rootHealth.router.routes());
  app.use(api.router.routes());
  app.use(api.router.allowedMethods({ throw: false }));
  app.use(staticWeb());

  return { app, routes: api.docs, resolver, predictionLog, alarmRaiser };
}
