/**
 * The alarm's part of a lineage: the readings of its span with their quality verdicts, the detector
 * that judged them, the alarm, its lifecycle workflow and timeline (who acknowledged, escalated,
 * resolved) and, when it was converted, the maintenance run the rest of the graph already holds.
 */
import { getAlarm, type AlarmRow } from '../db/alarms';
import { getDetectorState } from '../db/detectorState';
import { lineageAlarmEvents, lineageNotifications, readingsOfSpan } from '../db/lineage';
import { NotFound } from '../domain/errors';
import { linkPresent, nodeId, qualityVerdicts, type HistoryEventRef, type LineageGraph, type LineageNode } from '../domain/lineage';
import { DEFAULT_CONFIG } from '../stats/streaming/anomalyDetector';
import { temporalWorkflowUrl } from '../temporal/links';
import { DEFAULT_SCORING } from './alarmScoring';
import type { AppDeps } from './deps';
import { readRunHistory, type RunHistory } from './runHistory';

type Deps = Pick<AppDeps, 'sql' | 'temporal' | 'config'>;

/** Readings listed by id in the node; the span's counts and verdicts cover all of them. */
const SPAN_READINGS_LIMIT = 2000;

/** The update that carried an operator's step into the lifecycle, per timeline entry type. */
const CARRIED_BY: Record<string, string> = { acknowledged: 'acknowledgeAlarm', resolved: 'resolveAlarm', converted: 'convertAlarm' };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const mentionsKey = (input: unknown, key: string) => (input as { dedupKey?: string } | undefined)?.dedupKey === key;

export async function alarmOrThrow(id: string, deps: Pick<AppDeps, 'sql'>): Promise<AlarmRow> {
  const alarm = await getAlarm(id, deps.sql);
  if (!alarm) throw new NotFound(`Alarm ${id} does not exist`);
  return alarm;
}

function eventRef(h: RunHistory, e: RunHistory['events'][number]): HistoryEventRef {
  return {
    workflow_id: h.workflowId,
    event_id: e.event_id,
    event_type: e.event_type,
    name: e.name,
    time: e.time,
    activity_id: e.activity_id,
  };
}

/** Adds the alarm's chain to a graph that already holds the converted maintenance run, if any. */
export async function addAlarmChain(deps: Deps, graph: LineageGraph, alarmId: string): Promise<void> {
  const { sql } = deps;
  const alarm = await alarmOrThrow(alarmId, deps);
  const ids = new Set(graph.nodes.map((n) => n.id));
  const add = (n: Omit<LineageNode, 'id' | 'recorded'> & { recorded?: boolean }): string => {
    const id = nodeId(n.kind, n.ref);
    if (!ids.has(id)) {
      graph.nodes.push({ id, recorded: true, ...n });
      ids.add(id);
    }
    return id;
  };

  const to = alarm.end_ts ?? alarm.last_anomalous_ts;
  const span = await readingsOfSpan(alarm.sensor_id, alarm.start_ts, to, SPAN_READINGS_LIMIT, sql);
  const readingsNode = span.length
    ? add({
        kind: 'readings',
        ref: span[0]!.id,
        label: `${span.length} readings of ${alarm.sensor_id}`,
        at: iso(span[span.length - 1]!.ts),
        workflow_id: null,
        history_event: null,
        record: {
          sensor_id: alarm.sensor_id,
          count: span.length,
          ids: span.map((r) => r.id),
          from: iso(alarm.start_ts),
          to: iso(to),
          quality: qualityVerdicts(span),
          // The scorer skips these: they were never evidence for the alarm.
          excluded: span
            .filter((r) => r.quarantine_reason || r.quality < DEFAULT_SCORING.minQuality)
            .map((r) => ({ id: r.id, ts: iso(r.ts), quality: r.quality, reason: r.quarantine_reason })),
          min_quality: DEFAULT_SCORING.minQuality,
        },
      })
    : null;

  let detectorNode: string | null = null;
  if (alarm.source === 'streaming') {
    const state = await getDetectorState(alarm.sensor_id, sql);
    detectorNode = add({
      kind: 'detector',
      ref: `streaming@${alarm.sensor_id}`,
      label: `streaming detector v${state?.state_version ?? 1}`,
      at: iso(alarm.start_ts),
      workflow_id: null,
      history_event: null,
      record: {
        name: 'streaming',
        version: state?.state_version ?? 1,
        config: DEFAULT_CONFIG,
        // Recorded with the alarm when it was raised; the sensitivity is the dial as it stands now.
        threshold_at_raise: typeof alarm.details.threshold === 'number' ? alarm.details.threshold : null,
        sensitivity_now: state?.sensitivity ?? null,
        readings_learned: state ? Number(state.readings) : 0,
        last_scored_ts: iso(state?.last_ts),
      },
    });
  }

  const alarmNode = add({
    kind: 'alarm',
    ref: alarm.id,
    label: `${alarm.severity} ${alarm.kind} alarm: ${alarm.state}`,
    at: iso(alarm.start_ts),
    workflow_id: alarm.workflow_id,
    history_event: null,
    record: {
      id: alarm.id,
      sensor_id: alarm.sensor_id,
      source: alarm.source,
      kind: alarm.kind,
      severity: alarm.severity,
      state: alarm.state,
      start_ts: iso(alarm.start_ts),
      peak_ts: iso(alarm.peak_ts),
      peak_score: alarm.peak_score,
      peak_value: alarm.peak_value,
      end_ts: iso(alarm.end_ts),
      last_anomalous_ts: iso(alarm.last_anomalous_ts),
      readings: alarm.readings,
      historical: alarm.historical,
      acknowledged_by: alarm.acknowledged_by,
      resolved_by: alarm.resolved_by,
      resolution_cause: alarm.resolution_cause,
      maintenance_workflow_id: alarm.maintenance_workflow_id,
      details: alarm.details,
    },
  });
  if (readingsNode && detectorNode) {
    linkPresent(graph, readingsNode, detectorNode, 'scored');
    linkPresent(graph, detectorNode, alarmNode, 'raised');
  } else if (readingsNode) linkPresent(graph, readingsNode, alarmNode, 'raised');
  else if (detectorNode) linkPresent(graph, detectorNode, alarmNode, 'raised');

  const h = alarm.workflow_id ? await readRunHistory(deps.temporal.client, alarm.workflow_id) : null;
  let lifecycleNode: string | null = null;
  if (alarm.workflow_id) {
    const w = {
      workflow_id: alarm.workflow_id,
      type: h?.type ?? null,
      status: h?.status ?? null,
      start_time: h?.startTime ?? null,
      close_time: h?.closeTime ?? null,
      temporal_url: temporalWorkflowUrl(deps.config, alarm.workflow_id),
      history_available: h !== null,
    };
    if (!graph.workflows.some((x) => x.workflow_id === w.workflow_id)) graph.workflows.push(w);
    lifecycleNode = add({
      kind: 'workflow',
      ref: w.workflow_id,
      label: w.type ?? w.workflow_id,
      at: w.start_time,
      workflow_id: w.workflow_id,
      history_event: null,
      record: { ...w },
    });
    linkPresent(graph, alarmNode, lifecycleNode, 'handled_by');
    // Who was paged, and at which escalation level.
    for (const n of await lineageNotifications(alarm.workflow_id, sql)) {
      const sent = h?.events.find(
        (x) => x.event_type === 'ActivityTaskCompleted' && x.name === 'sendNotification' && mentionsKey(x.input[0], n.dedup_key),
      );
      const nid = add({
        kind: 'notification',
        ref: n.id,
        label: `${n.channel} → ${n.recipient}: ${n.status}`,
        at: iso(n.created_at),
        workflow_id: alarm.workflow_id,
        history_event: h && sent ? eventRef(h, sent) : null,
        record: { ...n, created_at: iso(n.created_at) },
      });
      linkPresent(graph, lifecycleNode, nid, 'notified');
    }
  }

  for (const e of await lineageAlarmEvents(alarm.id, sql)) {
    const written = h?.events.find(
      (x) =>
        x.event_type === 'ActivityTaskCompleted' &&
        x.name === 'applyAlarmTransition' &&
        (x.input[0] as { dedupKey?: string } | undefined)?.dedupKey === e.dedup_key,
    );
    const carried = CARRIED_BY[e.type]
      ? h?.events.find((x) => x.name === CARRIED_BY[e.type] && (x.input[0] as { actor?: string } | undefined)?.actor === e.actor)
      : undefined;
    const eventNode = add({
      kind: 'alarm_event',
      ref: e.id,
      label: `${e.type}${e.actor ? ` by ${e.actor}` : ''}`,
      at: iso(e.at),
      workflow_id: written ? alarm.workflow_id : null,
      history_event: h && written ? eventRef(h, written) : null,
      record: {
        id: e.id,
        type: e.type,
        actor: e.actor,
        at: iso(e.at),
        details: e.details,
        carried_by_event: h && carried ? { ...eventRef(h, carried), payload: carried.input[0] ?? null } : null,
      },
    });
    linkPresent(graph, written && lifecycleNode ? lifecycleNode : alarmNode, eventNode, 'recorded');
    if (e.type === 'converted' && alarm.maintenance_workflow_id)
      linkPresent(graph, eventNode, nodeId('workflow', alarm.maintenance_workflow_id), 'converted');
  }
}
