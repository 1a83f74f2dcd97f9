import {
  ApplicationFailure,
  ParentClosePolicy,
  condition,
  defineQuery,
  defineUpdate,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Identity } from '../domain/identity';
import { notificationSubject } from '../domain/notificationText';
import { durableAgents, notifyAgents } from './agents';
import {
  DEFAULT_ALARM_POLICY,
  nextEscalationAt,
  refusal,
  type AlarmAction,
  type AlarmLifecycleState,
  type AlarmPolicy,
} from './alarmLifecycleRules';
import { predictionToMaintenance } from './predictionToMaintenance';
import { ALARM_SEVERITY, ASSIGNED_TO, BUSINESS_STATUS, SENSOR_ID, STAGE } from './searchAttributes';

export interface AlarmLifecycleInput {
  alarmId: string;
  sensorId: string;
  severity: string;
  /** When the alarm was raised (ISO); escalation SLAs count from here. */
  raisedAt: string;
  policy?: AlarmPolicy;
}

export interface AlarmActionInput {
  /** Who acts, as the API authenticated them. */
  actor: string;
  note?: string;
  assigned_to?: string;
}

export interface ResolveInput extends AlarmActionInput {
  cause: string;
}

export interface ConvertInput extends AlarmActionInput {
  justification: string;
  identity?: Identity;
}

export interface AlarmLifecycleStatus {
  alarm_id: string;
  sensor_id: string;
  state: AlarmLifecycleState;
  severity: string;
  assigned_to: string | null;
  escalation_level: number;
  notified: string[];
  notes: { at: string; by: string; text: string }[];
  resolution: { by: string; cause: string; auto: boolean } | null;
  maintenance_workflow_id: string | null;
}

export const alarmStatusQuery = defineQuery<AlarmLifecycleStatus>('alarmStatus');
export const acknowledgeAlarmUpdate = defineUpdate<AlarmLifecycleStatus, [AlarmActionInput]>('acknowledgeAlarm');
export const resolveAlarmUpdate = defineUpdate<AlarmLifecycleStatus, [ResolveInput]>('resolveAlarm');
export const convertAlarmUpdate = defineUpdate<AlarmLifecycleStatus, [ConvertInput]>('convertAlarm');

type Pending =
  | { action: 'acknowledge'; input: AlarmActionInput }
  | { action: 'resolve'; input: ResolveInput }
  | { action: 'convert'; input: ConvertInput };

/**
 * One alarm, open → acknowledged → resolved, as a durable workflow (`alarm-<id>`): it tells level
 * 0 of the escalation chain when raised, escalates an unacknowledged alarm one level per SLA on
 * durable timers, resolves itself once the sensor has been quiet for the quiet period, and takes
 * the operator's acknowledge / resolve / convert as updates, refusing a bad transition (the API's
 * 409). Convert starts the prediction-to-maintenance flow with its human decision. The alarms
 * table is this workflow's projection, written through idempotent activities.
 */
export async function alarmLifecycle(input: AlarmLifecycleInput): Promise<AlarmLifecycleStatus> {
  const { workflowId } = workflowInfo();
  const policy = input.policy ?? DEFAULT_ALARM_POLICY;
  const status: AlarmLifecycleStatus = {
    alarm_id: input.alarmId,
    sensor_id: input.sensorId,
    state: 'open',
    severity: input.severity,
    assigned_to: null,
    escalation_level: 0,
    notified: [],
    notes: [],
    resolution: null,
    maintenance_workflow_id: null,
  };
  const queue: Pending[] = [];
  let busy = false;
  setHandler(alarmStatusQuery, () => status);
  const validator = (action: AlarmAction) => (i: AlarmActionInput) => {
    // Pending actions count: an acknowledge queued behind another is already a repeat.
    const state = queue.some((p) => p.action !== 'acknowledge') ? 'resolved' : queue.length ? 'acknowledged' : status.state;
    const why = refusal(state, action);
    if (why) throw ApplicationFailure.nonRetryable(why, 'IllegalTransition');
    if (!i.actor) throw ApplicationFailure.nonRetryable('invalid_input: actor is required', 'InvalidInput');
  };
  const accept =
    <I extends AlarmActionInput>(action: Pending['action']) =>
    async (i: I) => {
      queue.push({ action, input: i } as Pending);
      await condition(() => !queue.some((p) => p.input === i) && !busy);
      return status;
    };
  setHandler(acknowledgeAlarmUpdate, accept<AlarmActionInput>('acknowledge'), { validator: validator('acknowledge') });
  setHandler(resolveAlarmUpdate, accept<ResolveInput>('resolve'), {
    validator: (i) => {
      validator('resolve')(i);
      if (!i.cause?.trim()) throw ApplicationFailure.nonRetryable('invalid_input: a cause is required', 'InvalidInput');
    },
  });
  setHandler(convertAlarmUpdate, accept<ConvertInput>('convert'), {
    validator: (i) => {
      validator('convert')(i);
      if (!i.justification?.trim()) throw ApplicationFailure.nonRetryable('invalid_input: a justification is required', 'InvalidInput');
    },
  });

  const mark = () =>
    upsertSearchAttributes([
      { key: STAGE, value: status.escalation_level > 0 ? `escalated-${status.escalation_level}` : status.state },
      { key: BUSINESS_STATUS, value: status.state },
      { key: ASSIGNED_TO, value: status.assigned_to ?? 'unassigned' },
    ]);
  upsertSearchAttributes([
    { key: SENSOR_ID, value: input.sensorId },
    { key: ALARM_SEVERITY, value: input.severity },
  ]);
  mark();
  await durableAgents.applyAlarmTransition({
    alarmId: input.alarmId,
    type: 'lifecycle_started',
    actor: 'system',
    workflowId,
    dedupKey: `${workflowId}:started`,
  });

  const notify = async (level: number) => {
    const recipient = policy.escalationChain[level]!;
    const { subject, message } =
      level === 0
        ? notificationSubject('notificationAlarm', { sensor: input.sensorId, severity: input.severity })
        : notificationSubject('notificationAlarmEscalated', { level, sensor: input.sensorId, severity: input.severity });
    await notifyAgents.sendNotification({
      recipient,
      subject,
      body: {
        alarm_id: input.alarmId,
        sensor_id: input.sensorId,
        severity: input.severity,
        level,
        raised_at: input.raisedAt,
        subject_message: message,
      },
      dedupKey: `${workflowId}:notify:${level}`,
      workflowId,
    });
    status.notified.push(recipient);
  };
  if (policy.escalationChain.length > 0) await notify(0);

  const raisedAt = Date.parse(input.raisedAt);
  let quietCheckAt = Date.now() + policy.quietPeriodSeconds * 1000;
  while (status.state !== 'resolved') {
    if (queue.length) {
      busy = true;
      const p = queue.shift()!;
      await apply(p);
      busy = false;
      continue;
    }
    const escalateAt = nextEscalationAt(raisedAt, status.escalation_level, status.state, policy);
    const wakeAt = Math.min(quietCheckAt, escalateAt ?? Number.POSITIVE_INFINITY);
    if (await condition(() => queue.length > 0, Math.max(1, wakeAt - Date.now()))) continue;
    const now = Date.now();
    if (escalateAt !== null && now >= escalateAt) {
      status.escalation_level += 1;
      await durableAgents.applyAlarmTransition({
        alarmId: input.alarmId,
        type: 'escalated',
        actor: 'system',
        escalationLevel: status.escalation_level,
        details: { level: status.escalation_level, recipient: policy.escalationChain[status.escalation_level]! },
        dedupKey: `${workflowId}:escalated:${status.escalation_level}`,
      });
      await notify(status.escalation_level);
      mark();
    }
    if (now >= quietCheckAt) {
      const { lastAnomalousAt } = await durableAgents.alarmLastAnomalousAt({ alarmId: input.alarmId });
      const quietUntil = Date.parse(lastAnomalousAt) + policy.quietPeriodSeconds * 1000;
      if (Date.now() >= quietUntil) {
        status.state = 'resolved';
        status.resolution = { by: 'system', cause: `auto-resolved: no anomalous reading for ${policy.quietPeriodSeconds} s`, auto: true };
        await durableAgents.applyAlarmTransition({
          alarmId: input.alarmId,
          type: 'auto_resolved',
          actor: 'system',
          state: 'resolved',
          resolvedBy: 'system',
          resolutionCause: status.resolution.cause,
          dedupKey: `${workflowId}:resolved`,
        });
        mark();
      } else {
        quietCheckAt = quietUntil;
      }
    }
  }
  return status;

  async function apply(p: Pending): Promise<void> {
    const note = p.input.note?.trim();
    if (note) status.notes.push({ at: new Date().toISOString(), by: p.input.actor, text: note });
    if (p.input.assigned_to) status.assigned_to = p.input.assigned_to;
    const common = {
      alarmId: input.alarmId,
      actor: p.input.actor,
      assignedTo: p.input.assigned_to,
      details: note ? { note } : {},
    };
    if (p.action === 'acknowledge') {
      status.state = 'acknowledged';
      if (!status.assigned_to) status.assigned_to = p.input.actor;
      await durableAgents.applyAlarmTransition({
        ...common,
        assignedTo: status.assigned_to,
        type: 'acknowledged',
        state: 'acknowledged',
        acknowledgedBy: p.input.actor,
        dedupKey: `${workflowId}:acknowledged`,
      });
    } else if (p.action === 'resolve') {
      status.state = 'resolved';
      status.resolution = { by: p.input.actor, cause: p.input.cause, auto: false };
      await durableAgents.applyAlarmTransition({
        ...common,
        type: 'resolved',
        state: 'resolved',
        resolvedBy: p.input.actor,
        resolutionCause: p.input.cause,
        details: { ...common.details, cause: p.input.cause },
        dedupKey: `${workflowId}:resolved`,
      });
    } else {
      const features = await durableAgents.alarmMaintenanceFeatures({ alarmId: input.alarmId });
      const childId = `maintenance-${input.sensorId}-${features.predictionId}`;
      await startChild(predictionToMaintenance, {
        workflowId: childId,
        args: [
          {
            predictionId: features.predictionId,
            correlationId: features.correlationId,
            sensorId: input.sensorId,
            features: features.features,
            modelName: features.modelName,
            modelVersion: features.modelVersion,
            decisionTimeoutSeconds: 24 * 3600,
            timeoutPolicy: 'escalate',
            startedBy: p.input.identity,
            autoDecision: null,
          },
        ],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      status.state = 'resolved';
      status.maintenance_workflow_id = childId;
      status.resolution = { by: p.input.actor, cause: `converted to a maintenance order: ${p.input.justification}`, auto: false };
      await durableAgents.applyAlarmTransition({
        ...common,
        type: 'converted',
        state: 'resolved',
        resolvedBy: p.input.actor,
        resolutionCause: status.resolution.cause,
        maintenanceWorkflowId: childId,
        details: { ...common.details, justification: p.input.justification, maintenance_workflow_id: childId },
        dedupKey: `${workflowId}:resolved`,
      });
    }
    mark();
  }
}
