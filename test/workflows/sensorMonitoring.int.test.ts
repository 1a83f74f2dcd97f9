import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SensorIncidentProgress } from '../../workflows/sensorIncident';
import type { SensorMonitoringProgress } from '../../workflows/sensorMonitoring';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

interface FleetSensor {
  id: string;
  drift: boolean;
  anomalies?: number;
  /** The drift check fails for good (a non-retryable error). */
  broken?: boolean;
}

/** The recording agents, answering for a fleet: its sensors, their drift and their anomaly counts. */
function fleetAgents(fleet: FleetSensor[], checkDelayMs = 0) {
  const agents = recordingAgents({ probability: 0.1 });
  let inFlight = 0;
  const stats = { peakChecks: 0 };
  Object.assign(agents.activities, {
    listActiveSensors: async (args: Record<string, unknown>) => {
      agents.calls.push({ name: 'listActiveSensors', args });
      return {
        sensors: fleet.map((s) => ({ sensor_id: s.id, last_reading_at: new Date().toISOString(), recent_anomalies: s.anomalies ?? 0 })),
        as_of: new Date().toISOString(),
      };
    },
    checkDrift: async (args: Record<string, unknown>) => {
      agents.calls.push({ name: 'checkDrift', args });
      inFlight += 1;
      stats.peakChecks = Math.max(stats.peakChecks, inFlight);
      try {
        if (checkDelayMs) await new Promise((r) => setTimeout(r, checkDelayMs));
        const sensor = fleet.find((s) => s.id === args.sensorId)!;
        if (sensor.broken) throw ApplicationFailure.nonRetryable(`no such sensor ${sensor.id}`, 'InvalidInput');
        return {
          sensor_id: sensor.id,
          status: 'ok',
          drift_detected: sensor.drift,
          ks_statistic: sensor.drift ? 0.71 : 0.08,
          p_value: sensor.drift ? 1e-9 : 0.62,
          psi: sensor.drift ? 1.9 : 0.01,
          message: sensor.drift ? 'distribution changed' : 'no significant change',
        };
      } finally {
        inFlight -= 1;
      }
    },
  });
  return { ...agents, stats };
}

async function runWith(agents: ReturnType<typeof recordingAgents>, body: (taskQueue: string) => Promise<void>) {
  const taskQueue = `ts-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: agents.activities,
  });
  await worker.runUntil(body(taskQueue));
}

// A plain client, not env.client: awaiting a result through the test client unlocks time skipping,
// and the server may then jump to some far timer and across an hour boundary between the two runs,
// giving the second run a different incident-id hour. Locked, the clock moves in real time only.
const client = () => new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
const run = (taskQueue: string, workflowId: string, input: Record<string, unknown> = {}) =>
  client().workflow.start('sensorMonitoring', { taskQueue, workflowId, args: [input] });

describe('sensorMonitoring on the time-skipping server', () => {
  it('opens one incident per drifting sensor, and none again on a second run in the same hour', async () => {
    const tag = randomUUID().slice(0, 8);
    const fleet = [
      { id: `drift-a-${tag}`, drift: true },
      { id: `calm-${tag}`, drift: false, anomalies: 2 },
      { id: `drift-b-${tag}`, drift: true },
    ];
    const agents = fleetAgents(fleet);
    let first!: SensorMonitoringProgress;
    let second!: SensorMonitoringProgress;
    const incidents: SensorIncidentProgress[] = [];
    await runWith(agents, async (taskQueue) => {
      const handle = await run(taskQueue, `monitoring-${tag}-1`);
      first = (await handle.result()) as SensorMonitoringProgress;
      for (const id of first.incidents_opened) {
        const incident = client().workflow.getHandle(id);
        incidents.push((await incident.result()) as SensorIncidentProgress);
        if (id.startsWith(`incident-drift-a-`)) await maybeRecordHistory(incident, 'sensorIncident-opened');
      }
      await maybeRecordHistory(handle, 'sensorMonitoring-incidents');
      second = (await (await run(taskQueue, `monitoring-${tag}-2`)).result()) as SensorMonitoringProgress;
    });

    expect(first.status).toBe('completed');
    expect(first.sensors_total).toBe(3);
    expect(first.sensors_checked).toBe(3);
    expect(first.drifting).toBe(2);
    expect(first.bursts).toBe(0);
    expect(first.incidents_opened).toHaveLength(2);
    expect(first.incidents_opened.sort()).toEqual([
      expect.stringMatching(new RegExp(`^incident-drift-a-${tag}-\\d{10}$`)),
      expect.stringMatching(new RegExp(`^incident-drift-b-${tag}-\\d{10}$`)),
    ]);
    expect(first.checks.find((c) => c.sensor_id === `calm-${tag}`)).toMatchObject({
      drift: 'ok',
      drift_detected: false,
      incident: null,
      incident_id: null,
    });

    expect(second.status).toBe('completed');
    expect(second.incidents_opened).toEqual([]);
    expect(second.incidents_existing.sort()).toEqual(first.incidents_opened.sort());

    expect(incidents.map((i) => i.status)).toEqual(['notified', 'notified']);
    expect(incidents.every((i) => i.reasons.join() === 'drift' && i.monitoring_workflow_id === `monitoring-${tag}-1`)).toBe(true);
    // Each incident notified once and recorded its event once, across both runs.
    const notices = agents.calls.filter((c) => c.name === 'sendNotification');
    expect(notices.map((c) => c.args.dedupKey).sort()).toEqual(first.incidents_opened.map((id) => `${id}:notice`).sort());
    expect(notices[0]!.args.subject).toMatch(/^Incident on drift-[ab]-.*: distribution drift$/);
    const events = agents.calls.filter((c) => c.name === 'recordBusinessEvent');
    expect(events.map((c) => c.args.type)).toEqual(['incident.opened', 'incident.opened']);
    expect(agents.calls.filter((c) => c.name === 'checkDrift')).toHaveLength(6);
  });

  it('opens an incident for an anomaly burst alone, and reports a sensor whose check fails without failing the run', async () => {
    const tag = randomUUID().slice(0, 8);
    const fleet = [
      { id: `burst-${tag}`, drift: false, anomalies: 7 },
      { id: `quiet-${tag}`, drift: false, anomalies: 6 },
      { id: `broken-${tag}`, drift: false, broken: true },
    ];
    const agents = fleetAgents(fleet);
    let result!: SensorMonitoringProgress;
    await runWith(agents, async (taskQueue) => {
      result = (await (await run(taskQueue, `monitoring-${tag}`, { burstThreshold: 7 })).result()) as SensorMonitoringProgress;
      for (const id of result.incidents_opened) await env.client.workflow.getHandle(id).result();
    });
    expect(result.status).toBe('completed');
    expect(result.bursts).toBe(1);
    expect(result.incidents_opened).toEqual([expect.stringMatching(new RegExp(`^incident-burst-${tag}-\\d{10}$`))]);
    expect(result.checks.find((c) => c.sensor_id === `broken-${tag}`)).toMatchObject({
      drift: 'failed',
      error: `no such sensor broken-${tag}`,
      incident: null,
    });
    // Non-retryable: one attempt only.
    expect(agents.calls.filter((c) => c.name === 'checkDrift' && c.args.sensorId === `broken-${tag}`)).toHaveLength(1);
    const notice = agents.calls.find((c) => c.name === 'sendNotification')!;
    expect(notice.args.subject).toBe(`Incident on burst-${tag}: 7 anomalies in 60 min`);
    expect(notice.args.body).toMatchObject({ reasons: ['anomaly_burst'], drift: null, recent_anomalies: 7, burst_threshold: 7 });
    // The dashboard reads the subject as a code it translates, not as the English sentence.
    expect((notice.args.body as Record<string, unknown>).subject_message).toEqual({
      code: 'notificationIncidentBurst',
      params: { sensor: `burst-${tag}`, count: 7, minutes: 60 },
    });
  });

  it('keeps no more drift checks in flight than its concurrency, and passes its settings to the agents', async () => {
    const tag = randomUUID().slice(0, 8);
    const fleet = Array.from({ length: 9 }, (_, i) => ({ id: `s${i}-${tag}`, drift: false }));
    const agents = fleetAgents(fleet, 50);
    let result!: SensorMonitoringProgress;
    await runWith(agents, async (taskQueue) => {
      result = (await (
        await run(taskQueue, `monitoring-${tag}`, { concurrency: 3, windowMinutes: 30, activeWithinHours: 6 })
      ).result()) as SensorMonitoringProgress;
    });
    expect(result.sensors_checked).toBe(9);
    expect(agents.stats.peakChecks).toBe(3);
    expect(agents.calls.find((c) => c.name === 'listActiveSensors')!.args).toEqual({
      activeWithinHours: 6,
      anomalyWindowMinutes: 60,
      maxSensors: 500,
    });
    expect(agents.calls.find((c) => c.name === 'checkDrift' && c.args.sensorId === `s0-${tag}`)!.args).toEqual({
      sensorId: `s0-${tag}`,
      workflowId: `monitoring-${tag}`,
      windowMinutes: 30,
      pValueThreshold: 0.05,
      minSamples: 30,
    });
  });
});
