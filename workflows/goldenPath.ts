import { defineQuery, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { dataAgents, durableAgents, reportAgents } from './agents';
import { GoldenPathState, type GoldenPathStatus, type StageName } from './goldenPathState';
import type { Identity } from '../domain/identity';
import { DecisionGate, type DecisionValue } from './humanDecision';
import { maintenanceFlowInput, notifyOrderOutcome, runMaintenanceFlow } from './maintenanceFlow';
import { BUSINESS_STATUS, CORRELATION_ID, SENSOR_ID, STAGE } from './searchAttributes';

export interface GoldenPathInput {
  correlationId: string;
  sensorId: string;
  scenario: 'normal' | 'drift' | 'anomaly';
  sensorEvents: number;
  includeHumanDecision: boolean;
  decisionTimeoutSeconds: number;
  autoDecision: DecisionValue | null;
  timeoutPolicy: 'escalate' | 'auto_approve';
  /** The key that started the run; an automatic decision is recorded under it (absent in old histories). */
  startedBy?: Identity;
}

export const goldenPathProgress = defineQuery<GoldenPathStatus>('progress');

/**
 * The end-to-end demonstration: ingestion → processing → anomaly detection → validation →
 * prediction → maintenance → human decision, then notification, report, learning and metrics.
 */
export async function goldenPath(input: GoldenPathInput): Promise<GoldenPathStatus> {
  const { workflowId } = workflowInfo();
  const state = new GoldenPathState({
    correlationId: input.correlationId,
    workflowId,
    scenario: input.scenario,
    sensorId: input.sensorId,
    now: new Date(),
  });
  const gate = new DecisionGate();
  gate.install();
  setHandler(goldenPathProgress, () => state.doc);
  const mark = (stage: string, status: string) =>
    upsertSearchAttributes([
      { key: STAGE, value: stage },
      { key: BUSINESS_STATUS, value: status },
    ]);
  upsertSearchAttributes([
    { key: SENSOR_ID, value: input.sensorId },
    { key: CORRELATION_ID, value: input.correlationId },
  ]);

  const run = async <T>(stage: StageName, body: () => Promise<{ result: T; message: string; events: number }>): Promise<T> => {
    state.start(stage, new Date());
    mark(stage, 'running');
    try {
      const { result, message, events } = await body();
      state.finish(stage, 'complete', new Date(), message, events);
      return result;
    } catch (err) {
      state.finish(stage, 'failed', new Date(), (err as Error).message);
      throw err;
    }
  };
  const skip = (stage: StageName, message: string) => state.finish(stage, 'skipped', new Date(), message);
  const ids = { correlationId: input.correlationId, workflowId, sensorId: input.sensorId };

  try {
    await run('ingestion', async () => {
      const r = await dataAgents.ingestScenarioReadings({ ...ids, scenario: input.scenario, count: input.sensorEvents });
      const history = r.history_seeded ? `; ${r.history_seeded} readings of machine history added` : '';
      return {
        result: r,
        events: r.inserted + r.duplicates,
        message: `${r.inserted + r.duplicates} readings persisted for ${input.sensorId} (${input.scenario})${history}`,
      };
    });

    const processed = await run('processing', async () => {
      const r = await dataAgents.validateReadings(ids);
      return {
        result: r,
        events: r.checked,
        message: `${r.valid} valid, ${r.quarantined} quarantined (${
          Object.entries(r.reasons)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') || 'no issues'
        })`,
      };
    });

    const anomalies = await run('anomaly_detection', async () => {
      const r = await dataAgents.detectAnomalies(ids);
      return { result: r, events: r.anomalies.length, message: `${r.anomalies.length} of ${r.analyzed} readings anomalous (${r.method})` };
    });

    const judged = await run('validation', async () => {
      const credibility = await dataAgents.assessAnomalyCredibility({ ...ids, anomalyIds: anomalies.anomalies.map((a) => a.id) });
      // The run's readings (one a minute) against the same span of machine history before them.
      const drift = await dataAgents.checkDrift({
        sensorId: input.sensorId,
        workflowId,
        windowMinutes: input.sensorEvents,
        pValueThreshold: 0.05,
        minSamples: Math.min(30, Math.max(5, Math.floor(input.sensorEvents * 0.75))),
      });
      const driftText =
        drift.status === 'insufficient_data'
          ? 'drift: insufficient data'
          : `drift ${drift.drift_detected ? 'detected' : 'not detected'} (KS p=${drift.p_value?.toPrecision(3)})`;
      return {
        result: { credibility, drift },
        events: credibility.credible + (drift.drift_detected ? 1 : 0),
        message: `${credibility.credible} of ${credibility.assessed} anomalies credible; ${driftText}`,
      };
    });

    const prediction = await run('prediction', async () => {
      const r = await dataAgents.predictForSensor({
        ...ids,
        scenario: input.scenario,
        anomalyCount: judged.credibility.credible,
        driftDetected: judged.drift.drift_detected,
        validReadings: processed.valid,
      });
      state.doc.prediction = {
        probability: r.probability,
        prediction: r.prediction,
        model: r.model_info.name,
        version: r.model_info.version,
      };
      return {
        result: r,
        events: 1,
        message: `failure probability ${(r.probability * 100).toFixed(1)}% (threshold ${(r.threshold * 100).toFixed(1)}%, ${r.model_info.name} v${r.model_info.version})`,
      };
    });

    if (!prediction.risky) {
      skip('maintenance', 'failure risk below the threshold: no maintenance needed');
      skip('human_decision', 'no maintenance order to decide on');
    } else {
      state.start('maintenance', new Date());
      mark('maintenance', 'running');
      const flow = await runMaintenanceFlow(gate, maintenanceFlowInput(prediction, input), {
        onProposed: (order) => {
          state.doc.maintenance_order_id = order.id;
          state.finish('maintenance', 'complete', new Date(), `order ${order.id} (${order.priority}): ${order.planMessage}`, 1);
          if (input.includeHumanDecision) state.start('human_decision', new Date(), 'waiting for a human decision');
          else skip('human_decision', 'human decision disabled for this run; the order awaits approval');
        },
        onWaiting: (requestId, deadline, similar) => {
          state.doc.decision_request_id = requestId;
          state.doc.decision_deadline = deadline.toISOString();
          state.doc.similar_cases = similar;
          state.doc.status = 'waiting_for_decision';
          state.event(
            'decision_requested',
            'human_decision',
            `decision ${requestId} requested before ${deadline.toISOString()}`,
            new Date(),
          );
          mark('human_decision', 'waiting_for_decision');
        },
        onDecided: (d) => {
          state.doc.decision = {
            decision: d.decision,
            operator_id: d.operator_id,
            justification: d.justification,
            source: d.source,
            decided_by: d.decided_by ?? null,
          };
          state.doc.status = d.source === 'timeout_policy' ? 'timed_out' : 'running';
        },
      });
      if (input.includeHumanDecision) {
        const d = flow.decision!;
        state.finish(
          'human_decision',
          'complete',
          new Date(),
          `${d.decision} by ${d.operator_id} (${d.source}); order ${flow.orderStatus}`,
          1,
        );
      }
      await notifyOrderOutcome(flow, input);
      state.event('notification_sent', null, `team notified: order ${flow.orderStatus}`, new Date());
    }

    const report = await reportAgents.generateReport({
      reportType: 'workflow_run',
      workflowId,
      correlationId: input.correlationId,
      dedupKey: `${workflowId}:report`,
    });
    state.doc.report_id = report.id;
    state.event('report_stored', null, `run report ${report.id}`, new Date());

    await durableAgents.recordOutcome({
      kind: 'golden_path',
      sensorId: input.sensorId,
      features: prediction.features,
      prediction: { probability: prediction.probability, prediction: prediction.prediction },
      decision: state.doc.decision?.decision,
      outcome: state.doc.maintenance_order_id ? `order ${state.doc.decision?.decision ?? 'proposed'}` : 'no maintenance',
      summary: `${input.scenario} run on ${input.sensorId}: p=${prediction.probability.toFixed(3)}, ${anomalies.anomalies.length} anomalies, drift ${judged.drift.drift_detected ? 'yes' : 'no'}`,
      dedupKey: `${workflowId}:outcome`,
      workflowId,
    });
    await Promise.all(
      state.doc.stages.map((s) =>
        durableAgents.recordStageMetric({
          workflowType: 'goldenPath',
          stage: s.name,
          status: s.status === 'complete' || s.status === 'skipped' || s.status === 'failed' ? s.status : 'cancelled',
          durationMs: s.duration_ms ?? 0,
          workflowId,
          correlationId: input.correlationId,
        }),
      ),
    );
    if (state.doc.status !== 'timed_out') state.doc.status = 'completed';
    state.doc.finished_at = new Date().toISOString();
    mark('done', state.doc.status);
    return state.doc;
  } catch (err) {
    state.doc.status = 'failed';
    state.doc.finished_at = new Date().toISOString();
    state.event('workflow_failed', null, (err as Error).message, new Date());
    mark(state.currentStage(), 'failed');
    throw err;
  }
}
