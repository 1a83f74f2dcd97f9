/**
 * Stand-ins for the agents in workflow-logic tests on the time-skipping server: they record each
 * call and answer with plausible values. The real agents are exercised by the activity and
 * integration tests; here only the workflow's decisions and ordering are under test.
 */
export function recordingAgents(opts: { probability: number; threshold?: number }) {
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
    proposeMaintenanceOrder: record('proposeMaintenanceOrder', () => ({ id: '00000000-0000-4000-8000-000000000001', status: 'awaiting_approval', priority: 'very_urgent', planMessage: 'T-01 tomorrow 06:00' })),
    findSimilarCases: record('findSimilarCases', () => []),
    openDecisionRequest: record('openDecisionRequest', (a) => ({ request_id: a.requestId, status: 'open', deadline: a.deadline })),
    closeDecisionRequest: record('closeDecisionRequest', () => undefined),
    sendNotification: record('sendNotification', () => ({ outcomes: [] })),
    recordDecision: record('recordDecision', () => ({ id: '00000000-0000-4000-8000-00000000000d', created_at: new Date(0).toISOString() })),
    applyMaintenanceDecision: record('applyMaintenanceDecision', (a) => ({ status: a.decision === 'approved' ? 'scheduled' : a.decision === 'rejected' ? 'cancelled' : 'escalated' })),
    cancelMaintenanceOrder: record('cancelMaintenanceOrder', () => ({ status: 'cancelled' })),
    generateReport: record('generateReport', () => ({ id: '00000000-0000-4000-8000-00000000000r' })),
    recordOutcome: record('recordOutcome', () => ({ id: 'k' })),
    recordStageMetric: record('recordStageMetric', () => undefined),
  };
  return { calls, activities, names: () => calls.map((c) => c.name) };
}
