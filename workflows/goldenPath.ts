import { defineQuery, patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { startAlarmLifecycles } from './alarmStarts';
import { dataAgents, durableAgents, reportAgents, streamingDataAgents } from './agents';
import { GoldenPathState, type GoldenPathStatus, type StageName } from './goldenPathState';
import type { Identity } from '../domain/identity';
import { DecisionGate, type DecisionValue } from './humanDecision';
import { maintenanceFlowInput, notifyOrderOutcome, runMaintenanceFlow, type MaintenanceFlowHooks } from './maintenanceFlow';
import { BUSINESS_STATUS, CORRELATION_ID, SENSOR_ID, STAGE } from './searchAttributes';
import { msg, type ServerMessage } from '../domain/serverText';
import { failureText, type FailureText } from '../domain/runFailure';

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
  /**
   * Demo pace: the readings stream in at this many per second (through the ingestion activity,
   * which paces its own inserts); all at once when absent. Absent in older histories, which then
   * schedule exactly what they recorded.
   */
  readingsPerSecond?: number;
  /** Seeds the generated readings; absent, they are seeded from the correlation id (and older histories). */
  seed?: number;
}

export const goldenPathProgress = defineQuery<GoldenPathStatus>('progress');

/**
 * Steps that do not depend on each other run side by side: the anomaly credibility and the drift
 * check (both read the run's readings, neither reads what the other writes), and the run's
 * outcome with its stage metrics. Each activity costs a round trip through the server (a workflow
 * task to schedule it, one to resume after it), which on the dev server is most of a run's wall
 * time; two at once cost one. Behind patched(): runs recorded before it replay sequentially.
 */
export const GOLDEN_PATH_PARALLEL_PATCH = 'golden-path-parallel-steps';

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

  const run = async <T>(stage: StageName, body: () => Promise<{ result: T; message: ServerMessage; events: number }>): Promise<T> => {
    state.start(stage, new Date());
    mark(stage, 'running');
    try {
      const { result, message, events } = await body();
      state.finish(stage, 'complete', new Date(), message, events);
      return result;
    } catch (err) {
      const failed = failureText(err, 'stage');
      state.finish(stage, 'failed', new Date(), failed.message, 0, knownDetail(failed));
      throw err;
    }
  };
  const skip = (stage: StageName, message: ServerMessage) => state.finish(stage, 'skipped', new Date(), message);
  const ids = { correlationId: input.correlationId, workflowId, sensorId: input.sensorId };
  const parallel = patched(GOLDEN_PATH_PARALLEL_PATCH);
  const both = async <A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> =>
    parallel ? Promise.all([a(), b()]) : [await a(), await b()];

  try {
    await run('ingestion', async () => {
      const pace = input.readingsPerSecond;
      const agents = pace ? streamingDataAgents(input.sensorEvents / pace) : dataAgents;
      const r = await agents.ingestScenarioReadings({
        ...ids,
        scenario: input.scenario,
        count: input.sensorEvents,
        ...(pace ? { readingsPerSecond: pace } : {}),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
      });
      const stored = { count: r.inserted + r.duplicates, sensor: input.sensorId, scenario: input.scenario };
      return {
        result: r,
        events: r.inserted + r.duplicates,
        message: r.history_seeded ? msg('ingestedWithHistory', { ...stored, history: r.history_seeded }) : msg('ingested', stored),
      };
    });

    const processed = await run('processing', async () => {
      const r = await dataAgents.validateReadings(ids);
      return {
        result: r,
        events: r.checked,
        message: msg('validated', { count: r.checked, valid: r.valid, quarantined: r.quarantined, reasons: r.reasons }),
      };
    });

    const anomalies = await run('anomaly_detection', async () => {
      const r = await dataAgents.detectAnomalies(ids);
      // Runs recorded before alarms existed started no lifecycle here.
      const alarms = r.alarms_opened?.length && patched('alarm-lifecycles') ? await startAlarmLifecycles(r.alarms_opened) : [];
      const counts = { count: r.analyzed, anomalies: r.anomalies.length, method: r.method };
      return {
        result: r,
        events: r.anomalies.length,
        message: alarms.length ? msg('analysedWithAlarms', { ...counts, alarms: alarms.length }) : msg('analysed', counts),
      };
    });

    const judged = await run('validation', async () => {
      const [credibility, drift] = await both(
        () => dataAgents.assessAnomalyCredibility({ ...ids, anomalyIds: anomalies.anomalies.map((a) => a.id) }),
        // The run's readings (one a minute) against the same span of machine history before them.
        () =>
          dataAgents.checkDrift({
            sensorId: input.sensorId,
            workflowId,
            windowMinutes: input.sensorEvents,
            pValueThreshold: 0.05,
            minSamples: Math.min(30, Math.max(5, Math.floor(input.sensorEvents * 0.75))),
          }),
      );
      const judged = { count: credibility.assessed, credible: credibility.credible };
      return {
        result: { credibility, drift },
        events: credibility.credible + (drift.drift_detected ? 1 : 0),
        message:
          drift.status === 'insufficient_data'
            ? msg('judgedDriftUnknown', judged)
            : msg(drift.drift_detected ? 'judgedDrift' : 'judgedNoDrift', { ...judged, p_value: drift.p_value }),
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
        message: msg('predicted', {
          probability: r.probability,
          threshold: r.threshold,
          model: r.model_info.name,
          version: r.model_info.version,
        }),
      };
    });

    if (!prediction.risky) {
      skip('maintenance', msg('noMaintenance', {}));
      skip('human_decision', msg('noOrderToDecide', {}));
    } else {
      state.start('maintenance', new Date());
      mark('maintenance', 'running');
      const flow = await runMaintenanceFlow(gate, maintenanceFlowInput(prediction, input), {
        onProposed: (order) => {
          state.doc.maintenance_order_id = order.id;
          state.finish('maintenance', 'complete', new Date(), proposalMessage(order), 1);
          if (input.includeHumanDecision) state.start('human_decision', new Date(), msg('waitingForDecision', {}));
          else skip('human_decision', msg('decisionDisabled', {}));
        },
        onWaiting: (requestId, deadline, similar) => {
          state.doc.decision_request_id = requestId;
          state.doc.decision_deadline = deadline.toISOString();
          state.doc.similar_cases = similar.map((c) => ({
            id: c.id,
            similarity: c.similarity,
            decision: c.decision,
            outcome: c.outcome,
            summary: c.summary,
            ...msg('similarCase', { sensor: c.sensor_id, at: c.created_at, probability: c.probability ?? null }),
          }));
          state.doc.status = 'waiting_for_decision';
          state.event(
            'decision_requested',
            'human_decision',
            msg('decisionRequested', { request: requestId, deadline: deadline.toISOString() }),
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
          msg('decided', { decision: d.decision, operator: d.operator_id, source: d.source, status: flow.orderStatus }),
          1,
        );
      }
      await notifyOrderOutcome(flow, input);
      state.event('notification_sent', null, msg('teamNotified', { status: flow.orderStatus }), new Date());
    }

    const report = await reportAgents.generateReport({
      reportType: 'workflow_run',
      workflowId,
      correlationId: input.correlationId,
      dedupKey: `${workflowId}:report`,
    });
    state.doc.report_id = report.id;
    state.event('report_stored', null, msg('reportStored', { report: report.id }), new Date());

    const outcome = () =>
      durableAgents.recordOutcome({
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
    const stageMetrics = () =>
      Promise.all(
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
    await both(outcome, stageMetrics);
    if (state.doc.status !== 'timed_out') state.doc.status = 'completed';
    state.doc.finished_at = new Date().toISOString();
    mark('done', state.doc.status);
    return state.doc;
  } catch (err) {
    state.doc.status = 'failed';
    state.doc.finished_at = new Date().toISOString();
    const failed = failureText(err, 'run');
    state.event('workflow_failed', null, failed.message, new Date(), knownDetail(failed));
    mark(state.currentStage(), 'failed');
    throw err;
  }
}

/** What the maintenance stage says about the proposed order; results recorded before plans were passed on name only the order. */
function proposalMessage(order: Parameters<MaintenanceFlowHooks['onProposed']>[0]): ServerMessage {
  const base = { order: order.id, priority: order.priority };
  if (order.plan) {
    return msg('orderPlanned', {
      ...base,
      technician: order.plan.technician_name,
      window_start: order.plan.window_start,
      window_end: order.plan.window_end,
    });
  }
  if (order.unassignedCode) return msg('orderUnplanned', { ...base, reason: order.unassignedCode });
  return msg('orderProposed', base);
}

/** A known failure's code hides its English, so integrators get it beside; an unknown one already carries it. */
const knownDetail = (f: FailureText) => (f.message.code.endsWith('Known') ? f.detail : undefined);
