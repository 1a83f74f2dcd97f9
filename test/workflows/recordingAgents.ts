import type { ApprovalPolicy } from '../../domain/approvalPolicy';

/**
 * Stand-ins for the agents in workflow-logic tests on the time-skipping server: they record each
 * call and answer with plausible values. The real agents are exercised by the activity and
 * integration tests; here only the workflow's decisions and ordering are under test.
 */
export function recordingAgents(opts: { probability: number; threshold?: number; approval?: ApprovalPolicy }) {
  const calls: { name: string; args: Record<string, unknown> }[] = [];
  const threshold = opts.threshold ?? 0.3;
  const record =
    <T>(name: string, answer: (args: Record<string, unknown>) => T) =>
    async (args: Record<string, unknown>) => {
      calls.push({ name, args });
      return answer(args);
    };
  const activities = {
    predictAndStore: record('predictAndStore', (a) => ({
      prediction_id: a.predictionId,
      probability: opts.probability,
      prediction: opts.probability >= threshold ? 1 : 0,
      threshold,
      risky: opts.probability >= threshold,
      sensor_type: 'torque',
      features: a.features,
      model_info: { name: 'ai4i_classifier_randomforest_baseline', version: '1.0.0', stage: 'Production' },
    })),
    proposeMaintenanceOrder: record('proposeMaintenanceOrder', () => ({
      id: '00000000-0000-4000-8000-000000000001',
      status: 'awaiting_approval',
      priority: 'very_urgent',
      planMessage: 'T-01 tomorrow 06:00',
      ...(opts.approval ? { approval: opts.approval } : {}),
    })),
    findSimilarCases: record('findSimilarCases', () => []),
    openDecisionRequest: record('openDecisionRequest', (a) => ({ request_id: a.requestId, status: 'open', deadline: a.deadline })),
    closeDecisionRequest: record('closeDecisionRequest', () => undefined),
    sendNotification: record('sendNotification', () => ({ outcomes: [] })),
    recordDecision: record('recordDecision', () => ({ id: '00000000-0000-4000-8000-00000000000d', created_at: new Date(0).toISOString() })),
    applyMaintenanceDecision: record('applyMaintenanceDecision', (a) => ({
      status: a.decision === 'approved' ? 'scheduled' : a.decision === 'rejected' ? 'rejected' : 'escalated',
    })),
    cancelMaintenanceOrder: record('cancelMaintenanceOrder', () => ({ status: 'cancelled' })),
    generateReport: record('generateReport', () => ({ id: '00000000-0000-4000-8000-00000000000r' })),
    recordOutcome: record('recordOutcome', () => ({ id: 'k' })),
    recordStageMetric: record('recordStageMetric', () => undefined),
    ingestScenarioReadings: record('ingestScenarioReadings', (a) => ({
      inserted: a.count,
      duplicates: 0,
      first: new Date(0).toISOString(),
      last: new Date(0).toISOString(),
    })),
    validateReadings: record('validateReadings', () => ({
      checked: 20,
      valid: 19,
      quarantined: 1,
      reasons: { low_quality: 1 },
      threshold: 0.8,
    })),
    detectAnomalies: record('detectAnomalies', () => ({
      analyzed: 19,
      method: 'combined',
      anomalies: [{ id: '11', score: 0.93, method: 'combined', reason: 'spike' }],
      model_info: null,
    })),
    assessAnomalyCredibility: record('assessAnomalyCredibility', () => ({ assessed: 1, credible: 1, items: [] })),
    checkDrift: record('checkDrift', () => ({ status: 'ok', drift_detected: false, p_value: 0.4, ks_statistic: 0.2 })),
    predictForSensor: record('predictForSensor', (a) => ({
      prediction_id: '00000000-0000-4000-8000-0000000000aa',
      probability: opts.probability,
      prediction: opts.probability >= threshold ? 1 : 0,
      threshold,
      risky: opts.probability >= threshold,
      sensor_type: 'torque',
      features: { Torque_Nm: 60, sensor: a.sensorId },
      model_info: { name: 'ai4i_classifier_randomforest_baseline', version: '1.0.0', stage: 'Production' },
    })),
    listActiveSensors: record('listActiveSensors', () => ({ sensors: [], as_of: new Date(0).toISOString() })),
    scoreSensorReadings: record('scoreSensorReadings', () => ({ scored: 0, anomalies: 0, historical: 0, opened: [] })),
    raiseMonitoringAlarm: record('raiseMonitoringAlarm', (a) => ({
      id: '00000000-0000-4000-8000-0000000000a1',
      sensor_id: a.sensorId,
      severity: 'medium',
      start_ts: a.detectedAt,
      // Not created: the test's incidents start no alarm lifecycle of their own.
      created: false,
    })),
    recordBusinessEvent: record('recordBusinessEvent', (a) => ({ eventId: `event:${a.dedupKey}`, inserted: true })),
    explainStoredPrediction: record('explainStoredPrediction', (a) => ({
      prediction_id: a.predictionId,
      sensor_id: 'press-7',
      probability: opts.probability,
      explanation: {
        method: 'exact_interventional_shap',
        base_value: 0.05,
        prediction: opts.probability,
        values: {
          Air_temperature_K: 0,
          Process_temperature_K: 0,
          Rotational_speed_rpm: 0,
          Torque_Nm: opts.probability - 0.05,
          Tool_wear_min: 0,
          Type: 0,
        },
        background_size: 50,
        latency_ms: 1,
      },
      computed: true,
    })),
  };
  return { calls, activities, names: () => calls.map((c) => c.name) };
}
