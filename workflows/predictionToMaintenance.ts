import { defineQuery, patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { dataAgents, durableAgents, localDataAgents, localDurableAgents, reportAgents } from './agents';
import type { Identity } from '../domain/identity';
import { DecisionGate, type DecisionValue, type RecordedDecision } from './humanDecision';
import { maintenanceFlowInput, notifyOrderOutcome, runMaintenanceFlow } from './maintenanceFlow';
import { BUSINESS_STATUS, CORRELATION_ID, SENSOR_ID, STAGE } from './searchAttributes';

export interface PredictionToMaintenanceInput {
  /** Becomes the stored prediction's id, so the workflow id can name it before it exists. */
  predictionId: string;
  correlationId: string;
  sensorId: string;
  features: Record<string, number | string>;
  modelName: string;
  modelVersion: string;
  decisionTimeoutSeconds: number;
  timeoutPolicy: 'escalate' | 'auto_approve';
  /** The key that started the run; an automatic decision is recorded under it (absent in old histories). */
  startedBy?: Identity;
  autoDecision: DecisionValue | null;
}

export interface PredictionToMaintenanceProgress {
  status: 'predicting' | 'no_action' | 'proposing' | 'waiting_for_decision' | 'scheduling' | 'completed' | 'failed';
  stage: string;
  prediction: { id: string; probability: number; prediction: number; threshold: number; model: string; version: string } | null;
  maintenance_order_id: string | null;
  order_status: string | null;
  decision_request_id: string | null;
  decision_deadline: string | null;
  decision: RecordedDecision | null;
  similar_cases: { id: string; similarity: number; decision: string | null; outcome: string | null; summary: string }[];
  report_id: string | null;
}

/**
 * The prediction, and the stage metric of a run that takes no action, as local activities: most
 * runs end there (no risk), and as activities each step cost a round trip through the server: a
 * run with no action took three workflow tasks and two activity tasks, one workflow task now.
 * On the dev server that round trip, not the agents, set the throughput (README "Scaling out").
 * The maintenance flow after a risky prediction keeps its activities: its stages are shown one by
 * one (progress query, stage search attributes) while a person decides. Runs recorded before
 * replay with the activities they ran.
 */
export const PREDICTION_LOCAL_STEPS_PATCH = 'prediction-to-maintenance-local-steps';

export const predictionToMaintenanceProgress = defineQuery<PredictionToMaintenanceProgress>('progress');

/** predict → if risky, propose → human decision (SLA, reminder, timeout policy) → schedule → notify → audit → report. */
export async function predictionToMaintenance(input: PredictionToMaintenanceInput): Promise<PredictionToMaintenanceProgress> {
  const { workflowId } = workflowInfo();
  const p: PredictionToMaintenanceProgress = {
    status: 'predicting',
    stage: 'prediction',
    prediction: null,
    maintenance_order_id: null,
    order_status: null,
    decision_request_id: null,
    decision_deadline: null,
    decision: null,
    similar_cases: [],
    report_id: null,
  };
  setHandler(predictionToMaintenanceProgress, () => p);
  const gate = new DecisionGate();
  gate.install();
  const local = patched(PREDICTION_LOCAL_STEPS_PATCH);
  const predictAgents = local ? localDataAgents : dataAgents;
  const metricAgents = local ? localDurableAgents : durableAgents;
  const runAttributes = [
    { key: SENSOR_ID, value: input.sensorId },
    { key: CORRELATION_ID, value: input.correlationId },
  ];
  // With local steps the first stage change lands in the same workflow task as the start, so the
  // run's own attributes go with it: one upsert (one visibility write on the server) instead of two.
  let unsetRunAttributes = local;
  const mark = (stage: string) => {
    p.stage = stage;
    upsertSearchAttributes([
      ...(unsetRunAttributes ? runAttributes : []),
      { key: STAGE, value: stage },
      { key: BUSINESS_STATUS, value: p.status },
    ]);
    unsetRunAttributes = false;
  };
  if (!local) upsertSearchAttributes(runAttributes);

  try {
    const prediction = await predictAgents.predictAndStore({
      predictionId: input.predictionId,
      workflowId,
      correlationId: input.correlationId,
      sensorId: input.sensorId,
      features: input.features,
      modelName: input.modelName,
      modelVersion: input.modelVersion,
    });
    p.prediction = {
      id: prediction.prediction_id,
      probability: prediction.probability,
      prediction: prediction.prediction,
      threshold: prediction.threshold,
      model: prediction.model_info.name,
      version: prediction.model_info.version,
    };
    if (!prediction.risky) {
      p.status = 'no_action';
      mark('done');
      await metricAgents.recordStageMetric({
        workflowType: 'predictionToMaintenance',
        stage: 'maintenance',
        status: 'skipped',
        durationMs: 0,
        workflowId,
        correlationId: input.correlationId,
      });
      return p;
    }

    p.status = 'proposing';
    mark('maintenance');
    const flow = await runMaintenanceFlow(gate, maintenanceFlowInput(prediction, { ...input, includeHumanDecision: true }), {
      onProposed: (order) => {
        p.maintenance_order_id = order.id;
        p.order_status = order.status;
      },
      onWaiting: (requestId, deadline, similar) => {
        p.decision_request_id = requestId;
        p.decision_deadline = deadline.toISOString();
        p.similar_cases = similar;
        p.status = 'waiting_for_decision';
        mark('human_decision');
      },
      onDecided: (d) => {
        p.decision = d;
        p.status = 'scheduling';
        mark('scheduling');
      },
    });
    p.order_status = flow.orderStatus;

    await notifyOrderOutcome(flow, input);
    const report = await reportAgents.generateReport({
      reportType: 'maintenance_decisions',
      workflowId,
      correlationId: input.correlationId,
      dedupKey: `${workflowId}:report`,
    });
    p.report_id = report.id;
    await durableAgents.recordOutcome({
      kind: 'prediction_to_maintenance',
      sensorId: input.sensorId,
      features: prediction.features,
      prediction: { probability: prediction.probability, prediction: prediction.prediction },
      decision: flow.decision?.decision,
      outcome: `order ${flow.orderStatus}`,
      summary: `p=${prediction.probability.toFixed(3)} on ${input.sensorId}: ${flow.decision?.decision ?? 'no decision'} → ${flow.orderStatus}`,
      dedupKey: `${workflowId}:outcome`,
      workflowId,
    });
    p.status = 'completed';
    mark('done');
    return p;
  } catch (err) {
    p.status = 'failed';
    mark(p.stage);
    throw err;
  }
}
