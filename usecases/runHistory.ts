import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
type Ts = { seconds?: unknown; nanos?: number | null } | null | undefined;

/** One history event that can produce a record: an activity's completion, a signal, an accepted update. */
export interface RunHistoryEvent {
  event_id: number;
  /** As Temporal Web names it: ActivityTaskCompleted, WorkflowExecutionSignaled, WorkflowExecutionUpdateAccepted. */
  event_type: string;
  /** The activity type, signal name or update name. */
  name: string;
  time: string;
  activity_id: string | null;
  input: unknown[];
  result: unknown;
}

export interface RunHistory {
  workflowId: string;
  type: string | null;
  status: string | null;
  startTime: string | null;
  closeTime: string | null;
  events: RunHistoryEvent[];
}

const decode = (p: Payloads): unknown[] => (p?.payloads ?? []).map((x) => defaultPayloadConverter.fromPayload(x));
const toIso = (t: Ts): string => new Date(Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6)).toISOString();
const typeName = (t: number | null | undefined): string => {
  const raw = temporal.api.enums.v1.EventType[t ?? 0] ?? 'EVENT_TYPE_UNSPECIFIED';
  return raw
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
};

const CLOSED: Record<string, string> = {
  WorkflowExecutionCompleted: 'completed',
  WorkflowExecutionFailed: 'failed',
  WorkflowExecutionTimedOut: 'timed_out',
  WorkflowExecutionCanceled: 'canceled',
  WorkflowExecutionTerminated: 'terminated',
  WorkflowExecutionContinuedAsNew: 'continued_as_new',
};

/**
 * A workflow's history reduced to the events that produce records, read from Temporal (the
 * lineage's source where the database is silent). null when Temporal no longer knows the workflow
 * or cannot be reached: the lineage then shows the rows without their events.
 */
export async function readRunHistory(client: Client, workflowId: string): Promise<RunHistory | null> {
  let history: temporal.api.history.v1.IHistory;
  try {
    history = await client.workflow.getHandle(workflowId).fetchHistory();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    // Temporal being away must not hide the rows the database holds.
    return null;
  }
  const scheduled = new Map<number, temporal.api.history.v1.IActivityTaskScheduledEventAttributes>();
  const out: RunHistory = { workflowId, type: null, status: 'running', startTime: null, closeTime: null, events: [] };
  for (const ev of history.events ?? []) {
    const id = Number(ev.eventId);
    const type = typeName(ev.eventType);
    const time = toIso(ev.eventTime);
    if (ev.workflowExecutionStartedEventAttributes) {
      out.type = ev.workflowExecutionStartedEventAttributes.workflowType?.name ?? null;
      out.startTime = time;
    } else if (ev.activityTaskScheduledEventAttributes) {
      scheduled.set(id, ev.activityTaskScheduledEventAttributes);
    } else if (ev.activityTaskCompletedEventAttributes) {
      const a = ev.activityTaskCompletedEventAttributes;
      const s = scheduled.get(Number(a.scheduledEventId));
      out.events.push({
        event_id: id,
        event_type: type,
        name: s?.activityType?.name ?? 'unknown',
        time,
        activity_id: s?.activityId ?? null,
        input: decode(s?.input),
        result: decode(a.result)[0] ?? null,
      });
    } else if (ev.workflowExecutionSignaledEventAttributes) {
      const a = ev.workflowExecutionSignaledEventAttributes;
      out.events.push({
        event_id: id,
        event_type: type,
        name: a.signalName ?? '',
        time,
        activity_id: null,
        input: decode(a.input),
        result: null,
      });
    } else if (ev.workflowExecutionUpdateAcceptedEventAttributes) {
      const req = ev.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest?.input;
      out.events.push({
        event_id: id,
        event_type: type,
        name: req?.name ?? '',
        time,
        activity_id: null,
        input: decode(req?.args),
        result: null,
      });
    } else if (CLOSED[type]) {
      out.status = CLOSED[type]!;
      out.closeTime = time;
    }
  }
  return out;
}

/** True when `value` holds `needle` anywhere (a string or number field, at any depth). */
export function mentions(value: unknown, needle: string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value) === needle;
  if (Array.isArray(value)) return value.some((v) => mentions(v, needle));
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some((v) => mentions(v, needle));
  return false;
}
