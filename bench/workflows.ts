import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { BenchSection } from './benchSection';
import { BENCH_KEY } from './stack';

const headers = { 'Content-Type': 'application/json', 'X-API-Key': BENCH_KEY };

async function waitForStatus(baseUrl: string, correlationId: string, wanted: string[]): Promise<{ status: string }> {
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/demo/golden-path/status/${correlationId}`, { headers });
    if (res.ok) {
      const doc = (await res.json()) as { status: string };
      if (wanted.includes(doc.status)) return doc;
    } else await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Where a run's time went, from its history: the activities' own time (started → completed), the
 * time activity tasks waited to be picked up (scheduled → started), the workflow tasks (scheduled
 * → completed: the server handing the next step to the worker and the worker running the workflow
 * code), and the history's span from the first event to the last.
 */
async function activityTime(
  client: Client,
  workflowId: string,
): Promise<{ activities: number; ms: number; queuedMs: number; workflowTaskMs: number; workflowTasks: number; historyMs: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const scheduled = new Map<string, number>();
  const started = new Map<string, number>();
  let ms = 0;
  let queuedMs = 0;
  let activities = 0;
  let workflowTaskMs = 0;
  let workflowTasks = 0;
  let wftScheduled = 0;
  let first: number | undefined;
  let last = 0;
  for (const e of history.events ?? []) {
    const t = Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
    first ??= t;
    last = t;
    if (e.activityTaskScheduledEventAttributes) scheduled.set(String(e.eventId), t);
    const st = e.activityTaskStartedEventAttributes;
    if (st) {
      started.set(String(st.scheduledEventId), t);
      queuedMs += t - (scheduled.get(String(st.scheduledEventId)) ?? t);
    }
    const done = e.activityTaskCompletedEventAttributes;
    if (done) {
      ms += t - (started.get(String(done.scheduledEventId)) ?? t);
      activities++;
    }
    if (e.workflowTaskScheduledEventAttributes) wftScheduled = t;
    if (e.workflowTaskCompletedEventAttributes) {
      workflowTaskMs += t - wftScheduled;
      workflowTasks++;
    }
  }
  return { activities, ms, queuedMs, workflowTaskMs, workflowTasks, historyMs: last - (first ?? last) };
}

/** Golden Path wall time with an automatic decision against the sum of its activities; workflows/s with one worker. */
export const workflowSection: BenchSection = {
  name: 'workflows',
  async run(stack) {
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    try {
      const runs: {
        wall: number;
        activities: number;
        activityMs: number;
        queuedMs: number;
        workflowTaskMs: number;
        workflowTasks: number;
        historyMs: number;
      }[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        const res = await fetch(`${stack.baseUrl}/api/v1/demo/golden-path`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ sensor_events: 20, scenario: 'anomaly', auto_decision: 'approved' }),
        });
        const started = (await res.json()) as { correlation_id: string; workflow_id: string };
        await waitForStatus(stack.baseUrl, started.correlation_id, ['completed', 'failed', 'timed_out']);
        const wall = performance.now() - t0;
        const a = await activityTime(client, started.workflow_id);
        if (i > 0) runs.push({ wall, activityMs: a.ms, ...a });
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const wall = Math.round(median(runs.map((r) => r.wall)));
      const act = Math.round(median(runs.map((r) => r.activityMs)));
      const med = (pick: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(pick)));

      // Throughput: many short real workflows (prediction-to-maintenance on a healthy machine:
      // predict, store, no action) started at once against the one worker.
      const n = 60;
      const body = (i: number) =>
        JSON.stringify({
          sensor_id: `wfps-${i % 6}`,
          features: {
            Air_temperature_K: 298.1,
            Process_temperature_K: 308.6,
            Rotational_speed_rpm: 1551,
            Torque_Nm: 42.8,
            Tool_wear_min: 0,
            Type: 'M',
          },
        });
      const t1 = performance.now();
      const ids = await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const r = await fetch(`${stack.baseUrl}/api/v1/workflows/predictionToMaintenance`, { method: 'POST', headers, body: body(i) });
          return ((await r.json()) as { workflow_id: string }).workflow_id;
        }),
      );
      await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
      const seconds = (performance.now() - t1) / 1000;
      const wps = Math.round((n / seconds) * 10) / 10;
      return {
        json: {
          golden_path: { runs, median_wall_ms: wall, median_activity_ms: act, activities: runs[0]?.activities },
          workflows_per_second: { n, seconds, wps, id: randomUUID() },
        },
        rows: [
          [
            'Golden Path wall time (20 events, automatic decision)',
            `${wall} ms (median of ${runs.length})`,
            `activities' own time ${act} ms over ${runs[0]?.activities} activities (×${Math.round((wall / Math.max(1, act)) * 10) / 10})`,
          ],
          [
            'Golden Path: where the wall time goes (medians)',
            `history ${med((r) => r.historyMs)} ms of ${wall} ms wall`,
            `activities running ${act} ms, activity tasks waiting ${med((r) => r.queuedMs)} ms, ` +
              `${med((r) => r.workflowTasks)} workflow tasks ${med((r) => r.workflowTaskMs)} ms; the rest is the start request and status polling`,
          ],
          [
            'workflows completed per second, 1 worker',
            `${wps} /s`,
            `${n} prediction-to-maintenance runs in ${Math.round(seconds * 10) / 10} s`,
          ],
        ],
      };
    } finally {
      await connection.close();
    }
  },
};
