import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  acknowledgementsAfter,
  alarmEventTotals,
  alarmTimeline,
  getAlarm,
  listAlarms,
  readingsAround,
  unresolvedAlarmCounts,
  type AlarmFilters,
  type AlarmRow,
} from '../db/alarms';
import { setSensorSensitivity } from '../db/detectorState';
import type { Config } from '../config';
import { createTemporalClient } from '../temporal/client';
import { mainTaskQueue } from '../temporal/taskQueues';
import { IllegalTransition, InvalidInput, NotFound, Unavailable } from '../domain/errors';
import type { Identity } from '../domain/identity';
import type { Logger } from '../observability/logger';
import type { AlarmMetricsSource } from '../observability/metrics';
import type { AlarmLifecycleInput, AlarmLifecycleStatus } from '../workflows/alarmLifecycle';
import { DEFAULT_SCORING, scoreSensorReadings } from './alarmScoring';
import type { AppDeps } from './deps';
import { DetectorStateCache } from './detectorStateCache';

type Deps = Pick<AppDeps, 'sql' | 'temporal' | 'config'>;

export const alarmWorkflowId = (alarmId: string) => `alarm-${alarmId}`;

/** An alarm as the API answers it. */
export function alarmView(a: AlarmRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: a.id,
    sensor_id: a.sensor_id,
    source: a.source,
    kind: a.kind,
    severity: a.severity,
    state: a.state,
    start_ts: a.start_ts.toISOString(),
    end_ts: iso(a.end_ts),
    last_anomalous_ts: a.last_anomalous_ts.toISOString(),
    peak_score: a.peak_score,
    peak_value: a.peak_value,
    peak_ts: iso(a.peak_ts),
    readings: a.readings,
    historical: a.historical,
    assigned_to: a.assigned_to,
    escalation_level: a.escalation_level,
    acknowledged_at: iso(a.acknowledged_at),
    acknowledged_by: a.acknowledged_by,
    resolved_at: iso(a.resolved_at),
    resolved_by: a.resolved_by,
    resolution_cause: a.resolution_cause,
    maintenance_workflow_id: a.maintenance_workflow_id,
    workflow_id: a.workflow_id,
    details: a.details,
    created_at: a.created_at.toISOString(),
  };
}
export type AlarmView = ReturnType<typeof alarmView>;

/** Starts an alarm's lifecycle; one already started is left as it is. */
export async function startAlarmLifecycle(
  deps: Pick<AppDeps, 'temporal'>,
  a: Pick<AlarmRow, 'id' | 'sensor_id' | 'severity' | 'start_ts'>,
) {
  const input: AlarmLifecycleInput = { alarmId: a.id, sensorId: a.sensor_id, severity: a.severity, raisedAt: a.start_ts.toISOString() };
  try {
    await deps.temporal.client.workflow.start('alarmLifecycle', {
      taskQueue: deps.temporal.taskQueue,
      workflowId: alarmWorkflowId(a.id),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [input],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * The live path from a reading to an alarm: after an ingest commits, the sensor is scored here,
 * off the request (the answer does not wait), and each alarm raised gets its lifecycle workflow.
 * A kicked sensor waits `lingerMs` first, so the readings that arrive meanwhile share its pass (a
 * REST ingest brings one reading, and a pass cost about the same for one as for fifty: measured
 * 1.5-1.7 ms of CPU against 1.8-1.9 ms). Kicks for
 * a sensor that is already waiting or being scored only ask for one more pass, and at most
 * `maxConcurrent` passes run at once (the rest wait in arrival order): under an ingest burst over
 * many sensors the scoring queues instead of taking the pool's connections from the ingests.
 * A crash loses nothing: unscored readings stay after the sensor's cursor for the next pass or the
 * monitoring sweep, which also starts any live alarm's lifecycle that did not start.
 */
export class AlarmRaiser {
  /** Sensors kicked within the current linger window; they join `waiting` when it ends. */
  private readonly lingering = new Set<string>();
  private lingerTimer: NodeJS.Timeout | undefined;
  /** Sensors waiting for a pass, in arrival order. */
  private readonly waiting = new Set<string>();
  /** Sensors being scored; true when another pass was asked for meanwhile. */
  private readonly scoring = new Map<string, boolean>();
  private idleWaiters: (() => void)[] = [];
  /** The detector states this raiser saved last: the next pass on a sensor does not reload them. */
  readonly states = new DetectorStateCache();

  constructor(
    private readonly deps: Pick<AppDeps, 'sql' | 'temporal' | 'config'> & { logger?: Logger },
    private readonly maxConcurrent = 2,
    /** Adds at most this much to a reading's way to an open alarm (the goal is 5 s at p99). */
    private readonly lingerMs = 50,
  ) {}

  kick(sensorIds: Iterable<string>): void {
    for (const id of new Set(sensorIds)) {
      if (this.scoring.has(id)) this.scoring.set(id, true);
      else if (!this.waiting.has(id)) this.linger(id);
    }
    this.pump();
  }

  /** Resolves once nothing lingers, waits or runs (tests, shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.lingering.size === 0 && this.waiting.size === 0 && this.scoring.size === 0;
  }

  private linger(sensorId: string): void {
    if (this.lingerMs <= 0) {
      this.waiting.add(sensorId);
      return;
    }
    this.lingering.add(sensorId);
    this.lingerTimer ??= setTimeout(() => {
      this.lingerTimer = undefined;
      for (const id of this.lingering) this.waiting.add(id);
      this.lingering.clear();
      this.pump();
    }, this.lingerMs);
  }

  private pump(): void {
    while (this.scoring.size < this.maxConcurrent && this.waiting.size > 0) {
      const sensorId = this.waiting.values().next().value!;
      this.waiting.delete(sensorId);
      this.scoring.set(sensorId, false);
      void this.pass(sensorId);
    }
    if (this.isIdle()) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async pass(sensorId: string): Promise<void> {
    try {
      const r = await scoreSensorReadings(
        this.deps.sql,
        sensorId,
        { ...DEFAULT_SCORING, minQuality: this.deps.config.QUALITY_THRESHOLD },
        this.states,
      );
      for (const a of r.opened) await startAlarmLifecycle(this.deps, a);
    } catch (err) {
      this.deps.logger?.warn({ err, sensorId }, 'scoring after ingest failed; the monitoring sweep will catch up');
    }
    const again = this.scoring.get(sensorId);
    this.scoring.delete(sensorId);
    if (again) this.linger(sensorId);
    this.pump();
  }
}

/**
 * An AlarmRaiser for a process of its own (the connectors), with its own Temporal client for the
 * lifecycles it starts; `close` waits for the passes under way, then drops the connection.
 */
export function standaloneAlarmRaiser(deps: Pick<AppDeps, 'sql'> & { config: Config; logger?: Logger }) {
  const temporal = createTemporalClient(deps.config);
  const raiser = new AlarmRaiser({ ...deps, temporal: { ...temporal, taskQueue: mainTaskQueue(deps.config) } });
  return {
    raiser,
    async close(): Promise<void> {
      await raiser.idle();
      await temporal.connection.close().catch(() => undefined);
    },
  };
}

export async function listAlarmViews(deps: Pick<AppDeps, 'sql'>, f: AlarmFilters) {
  const { items, total } = await listAlarms(f, deps.sql);
  return { items: items.map(alarmView), total };
}

/** The alarm with the readings around it (its span and as long again either side) and its timeline. */
export async function alarmDetail(deps: Pick<AppDeps, 'sql'>, id: string) {
  const alarm = await getAlarm(id, deps.sql);
  if (!alarm) throw new NotFound(`Alarm ${id} does not exist`);
  const start = alarm.start_ts.getTime();
  const end = (alarm.end_ts ?? alarm.last_anomalous_ts).getTime();
  const margin = Math.max(30 * 60_000, end - start);
  const readings = await readingsAround(alarm.sensor_id, new Date(start - margin), new Date(end + margin), 2000, deps.sql);
  const timeline = await alarmTimeline(id, deps.sql);
  return {
    ...alarmView(alarm),
    readings: readings.map((r) => ({ ts: r.ts.toISOString(), value: r.value })),
    timeline: timeline.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), details: e.details })),
  };
}

export type AlarmAction =
  | { action: 'acknowledge'; note?: string; assigned_to?: string }
  | { action: 'resolve'; cause: string; note?: string }
  | { action: 'convert'; justification: string; note?: string };

const UPDATE_NAMES = { acknowledge: 'acknowledgeAlarm', resolve: 'resolveAlarm', convert: 'convertAlarm' } as const;

/**
 * An operator's step on an alarm, sent to its lifecycle workflow as an update: the workflow decides
 * (409 on a bad transition) and records it before the answer. A resolved alarm is refused here
 * already; an open one whose lifecycle never started gets it now.
 */
export async function actOnAlarm(deps: Deps, id: string, act: AlarmAction, who: Identity) {
  const alarm = await getAlarm(id, deps.sql);
  if (!alarm) throw new NotFound(`Alarm ${id} does not exist`);
  if (alarm.state === 'resolved')
    throw new IllegalTransition(`Alarm ${id} is already resolved; it cannot be ${act.action}d`, { state: alarm.state });
  const actor = who.key_name ?? 'system';
  const { action, ...rest } = act;
  const input = { ...rest, actor, ...(action === 'convert' ? { identity: who } : {}) };
  const handle = deps.temporal.client.workflow.getHandle(alarmWorkflowId(id));
  try {
    if (!alarm.workflow_id) await startAlarmLifecycle(deps, alarm);
    await handle.executeUpdate<AlarmLifecycleStatus, [typeof input]>(UPDATE_NAMES[action], { args: [input] });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message?: string } | undefined;
      const message = (cause?.message ?? err.message).replace(/^\w+:\s*/, '');
      if (cause?.type === 'InvalidInput') throw new InvalidInput([{ field: 'body', message }], message);
      throw new IllegalTransition(message, { action });
    }
    if (err instanceof WorkflowNotFoundError) throw new IllegalTransition(`Alarm ${id} has no running lifecycle`, { action });
    throw new Unavailable('Temporal is unreachable; the alarm was not changed', 5, { cause: err });
  }
  return alarmView((await getAlarm(id, deps.sql))!);
}

export async function setSensitivity(deps: Pick<AppDeps, 'sql'>, sensorId: string, sensitivity: number) {
  const row = await setSensorSensitivity(sensorId, sensitivity, deps.sql);
  if (!row) throw new NotFound(`Sensor ${sensorId} does not exist`);
  return row;
}

/** The alarm series' source for Prometheus (observability/metrics.ts). */
export function alarmMetricsSource(deps: Pick<AppDeps, 'sql'>): AlarmMetricsSource {
  return {
    unresolved: () => unresolvedAlarmCounts(deps.sql),
    eventTotals: () => alarmEventTotals(deps.sql),
    acknowledgedAfter: (id) => acknowledgementsAfter(id, deps.sql),
  };
}
