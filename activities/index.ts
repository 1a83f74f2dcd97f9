import type postgres from 'postgres';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { ActivityContracts } from '../workflows/activityContracts';
import { createAnomalyActivities } from './anomaly';
import { createDecisionAuditActivities } from './decisionAudit';
import { createDriftActivities } from './drift';
import { createIngestionActivities } from './ingestion';
import { createLearningActivities } from './learning';
import { createMetricsCollectorActivities, type BusinessMetrics } from './metricsCollector';
import { createNotificationActivities } from './notification';
import { createOrchestratorActivities } from './orchestrator';
import { createPredictionActivities } from './prediction';
import { createReportingActivities } from './reporting';
import { createSchedulingActivities } from './scheduling';
import { createValidationActivities } from './validation';
import { createMonitoringActivities } from './monitoring';
import { createExplanationActivities } from './explanation';
import { createAlarmActivities } from './alarms';
import { createAssetActivities } from './assets';
import { createShadowEvaluationActivities } from './shadowEvaluation';
import { createModelPromotionActivities } from './modelPromotion';
import { createRetentionActivities } from './retention';

/** What the agents need from the outside world; the worker injects the real ones. */
export interface ActivityDeps {
  sql: postgres.Sql;
  config: Config;
  metrics: BusinessMetrics;
  logger?: Logger;
  fetch?: typeof fetch;
}

/**
 * All twelve agents' activities, merged for the worker. `satisfies` holds them to the contract the
 * workflows call them by (workflows/activityContracts.ts): a renamed activity or a drifted input or
 * output fails the type check here. Activities no workflow calls (routePrediction, recordCorrection)
 * are not in the contract.
 */
export function createActivities(deps: ActivityDeps) {
  const { sql, config } = deps;
  return {
    ...createIngestionActivities({ sql, maxFutureSkewSeconds: config.MAX_FUTURE_SKEW_SECONDS }),
    ...createValidationActivities({ sql, qualityThreshold: config.QUALITY_THRESHOLD }),
    ...createDriftActivities({ sql }),
    ...createAnomalyActivities({ sql, qualityThreshold: config.QUALITY_THRESHOLD }),
    ...createPredictionActivities({ sql }),
    ...createOrchestratorActivities({ sql }),
    ...createNotificationActivities({ sql, config, fetch: deps.fetch, logger: deps.logger, metrics: deps.metrics }),
    ...createDecisionAuditActivities({ sql }),
    ...createLearningActivities({ sql }),
    ...createMetricsCollectorActivities({ sql, metrics: deps.metrics }),
    ...createReportingActivities({ sql }),
    ...createSchedulingActivities({
      sql,
      approvalLimits: { engineer: config.DECISION_ENGINEER_PRIORITY, fourEyes: config.DECISION_FOUR_EYES_PRIORITY },
    }),
    ...createMonitoringActivities({ sql }),
    ...createExplanationActivities({ sql }),
    ...createAlarmActivities({ sql, qualityThreshold: config.QUALITY_THRESHOLD }),
    ...createAssetActivities({ sql }),
    ...createShadowEvaluationActivities({ sql }),
    ...createModelPromotionActivities({ sql }),
    ...createRetentionActivities({ sql, config }),
  } satisfies ActivityContracts;
}

export type Activities = ReturnType<typeof createActivities>;
