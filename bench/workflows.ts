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

/** Sum of the activities' own execution time (started → completed) in a workflow history. */
async function activityTime(client: Client, workflowId: string): Promise<{ activities: number; ms: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const started = new Map<string, number>();
  let ms = 0;
  let activities = 0;
  for (const e of history.events ?? []) {
    const t = Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
    if (e.activityTaskStartedEventAttributes) started.set(String(e.activityTaskStartedEventAttributes.scheduledEventId), t);
    const done = e.activityTaskCompletedEventAttributes;
    if (done) {
      ms += t - (started.get(String(done.scheduledEventId)) ?? t);
      activities++;
    }
  }
  return { activities, ms };
}

/** Golden Path wall time with an automatic decision against the sum of its activities; workflows/s with one worker. */
export const workflowSection: BenchSection = {
  name: 'workflows',
  async run(stack) {
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    try {
      const runs: { wall: number; activities: number; activityMs: number }[] = [];
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
        if (i > 0) runs.push({ wall, activities: a.activities, activityMs: a.ms });
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const wall = Math.round(median(runs.map((r) => r.wall)));
      const act = Math.round(median(runs.map((r) => r.activityMs)));

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
