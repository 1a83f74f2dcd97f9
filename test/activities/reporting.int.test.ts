import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createReportingActivities } from '../../activities/reporting';
import { getReportCsv, getReportPdf } from '../../db/reports';
import { createSql } from '../../db/sql';
import { reportCsv } from '../../reports/csv';
import { generateReport } from '../../reports/generate';

let sql: postgres.Sql;

/**
 * A random UTC day decades ago: nothing else in the shared test database lives there, so every
 * figure of a report over it is known exactly.
 */
const day = new Date(Date.UTC(1985 + Math.floor(Math.random() * 30), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
const at = (hour: number, minute = 0, second = 0) => new Date(day.getTime() + ((hour * 60 + minute) * 60 + second) * 1000);
const period = { from: at(0).toISOString(), to: at(6).toISOString() };
const run = randomUUID().slice(0, 8);
const sA = `rep-a-${run}`;
const sB = `rep-b-${run}`;
const ids = { o1: randomUUID(), o2: randomUUID(), d1: randomUUID(), d2: randomUUID(), d3: randomUUID() };

async function seed() {
  await sql`insert into sensors (id, type) values (${sA}, 'temperature'), (${sB}, 'vibration')`;
  for (let i = 0; i < 10; i++) {
    const ts = at(0, 5 + i * 6);
    await sql`insert into sensor_readings (sensor_id, ts, value, quality, sensor_type, ingested_at)
              values (${sA}, ${ts}, ${20 + i}, 1, 'temperature', ${new Date(ts.getTime() + 2000)})`;
  }
  for (let i = 0; i < 3; i++) {
    const ts = at(3, 10 + i);
    await sql`insert into sensor_readings (sensor_id, ts, value, quality, sensor_type, ingested_at)
              values (${sB}, ${ts}, ${i + 1}, 0.5, 'vibration', ${new Date(ts.getTime() + 10_000)})`;
  }
  await sql`insert into anomalies (sensor_id, ts, value, score, method, reason, credible) values
    (${sA}, ${at(0, 10)}, 30, 3, 'robust_z', 'z > 3', true),
    (${sA}, ${at(0, 20)}, 31, 5, 'robust_z', 'z > 3', false),
    (${sB}, ${at(3, 11)}, 9, 0.7, 'isolation_forest', 'score > 0.6', null)`;
  await sql`insert into drift_checks (sensor_id, window_minutes, reference_count, recent_count, ks_statistic, p_value, psi, drift_detected, status, created_at) values
    (${sA}, 60, 40, 40, 0.5, 0.001, 0.3, true, 'drift', ${at(2)}),
    (${sB}, 60, 3, 0, null, null, null, false, 'insufficient_data', ${at(4)})`;
  await sql`insert into maintenance_orders (id, sensor_id, status, priority, required_skill, duration_minutes, failure_probability, created_at) values
    (${ids.o1}, ${sA}, 'scheduled', 'urgent', 'mechanical', 60, 0.91, ${at(1)}),
    (${ids.o2}, ${sB}, 'cancelled', 'medium', 'vibration', 30, 0.62, ${at(2)})`;
  await sql`insert into human_decisions (id, request_id, decision, operator_id, justification, order_id, source, supersedes, created_at) values
    (${ids.d1}, ${'req-1-' + run}, 'approved', ${'opA-' + run}, 'ok', ${ids.o1}, 'api', null, ${at(1, 30)}),
    (${ids.d2}, ${'req-2-' + run}, 'rejected', ${'opB-' + run}, 'no', ${ids.o2}, 'api', null, ${at(2, 10)})`;
  await sql`insert into human_decisions (id, request_id, decision, operator_id, justification, order_id, source, supersedes, created_at) values
    (${ids.d3}, ${'req-2-' + run}, 'escalated', ${'opA-' + run}, 'needs a specialist', ${ids.o2}, 'api', ${ids.d2}, ${at(3)})`;
  await sql`insert into notifications (channel, recipient, subject, body, status, dedup_key, created_at) values
    ('webhook', 'ops', 's', '{}', 'sent', ${'n1-' + run}, ${at(1)}),
    ('webhook', 'ops', 's', '{}', 'sent', ${'n2-' + run}, ${at(1)}),
    ('slack', 'ops', 's', '{}', 'failed', ${'n2-' + run}, ${at(1)})`;
  for (let i = 0; i < 4; i++) await sql`insert into events (type, payload, ts) values ('test.report', '{}', ${at(2, i)})`;
}

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  await seed();
});
afterAll(() => sql.end({ timeout: 2 }));

const hourly = (counts: number[]) => counts.map((y, h) => ({ x: at(h).toISOString(), y }));

describe('system_health report', () => {
  it('counts readings, sensors, anomalies, drift, notifications and events of the period from the database', async () => {
    const report = await generateReport(sql, { reportType: 'system_health', ...period });
    expect(report.body.period).toEqual(period);
    expect(report.body.summary).toMatchObject({
      readings: 13,
      sensors_reporting: 2,
      anomalies: 3,
      drift_checks: 2,
      drift_detected: 1,
      predictions: 0,
      open_orders: 1,
      notifications_sent: 2,
      notifications_failed: 1,
      notification_failure_rate: 0.333,
      events: 4,
      last_reading: at(3, 12).toISOString(),
    });
    expect(report.body.charts.find((c) => c.id === 'readings')!.series[0]!.points).toEqual(hourly([10, 0, 0, 3, 0, 0]));
    expect(report.body.charts.find((c) => c.id === 'anomalies')!.series[0]!.points).toEqual(hourly([2, 0, 0, 1, 0, 0]));
    const sensors = report.body.tables[0]!;
    expect(sensors.rows.filter((r) => r[0] === sA || r[0] === sB)).toEqual([
      [sA, 'temperature', 10, 1, at(0, 59).toISOString(), 2, 'drift'],
      [sB, 'vibration', 3, 0.5, at(3, 12).toISOString(), 1, 'insufficient_data'],
    ]);
    expect(report.body.tables[1]!.rows).toEqual([
      ['slack', 'failed', 1],
      ['webhook', 'sent', 2],
    ]);
  });
});

describe('anomaly_summary report', () => {
  it('breaks anomalies down by sensor and method with credibility, and summarises drift checks', async () => {
    const { body } = await generateReport(sql, { reportType: 'anomaly_summary', ...period });
    expect(body.summary).toEqual({
      anomalies: 3,
      sensors_affected: 2,
      credible: 1,
      not_credible: 1,
      unjudged: 1,
      mean_score: 2.9,
      max_score: 5,
      drift_checks: 2,
      drift_detected: 1,
      drift_insufficient_data: 1,
    });
    expect(body.charts.find((c) => c.id === 'by_method')!.series[0]!.points).toEqual([
      { x: 'robust_z', y: 2 },
      { x: 'isolation_forest', y: 1 },
    ]);
    expect(body.tables[0]!.rows).toEqual([
      [sA, 'robust_z', 2, 4, 5, 1, at(0, 10).toISOString(), at(0, 20).toISOString()],
      [sB, 'isolation_forest', 1, 0.7, 0.7, 0, at(3, 11).toISOString(), at(3, 11).toISOString()],
    ]);
    expect(body.tables[1]!.rows).toEqual([
      [sA, 1, 1, 'drift', 0.5, 0.001, 0.3, at(2).toISOString()],
      [sB, 1, 0, 'insufficient_data', null, null, null, at(4).toISOString()],
    ]);
  });
});

describe('ingestion_activity report', () => {
  it('measures what was ingested when, its quality and the ingestion lag', async () => {
    const { body } = await generateReport(sql, { reportType: 'ingestion_activity', ...period });
    expect(body.summary).toEqual({
      readings: 13,
      sensors: 2,
      readings_per_hour: 2.17,
      peak_hour: at(0).toISOString(),
      peak_hour_readings: 10,
      mean_quality: 0.885,
      'low_quality_below_0.8': 3,
      median_ingestion_lag_seconds: 2,
      p95_ingestion_lag_seconds: 10,
      csv_uploads: 0,
      csv_bytes: 0,
    });
    expect(body.tables[0]!.rows).toEqual([
      [sA, 'temperature', 10, at(0, 5).toISOString(), at(0, 59).toISOString(), 20, 24.5, 29, 1, 0],
      [sB, 'vibration', 3, at(3, 10).toISOString(), at(3, 12).toISOString(), 1, 2, 3, 0.5, 3],
    ]);
  });

  it('averages readings near the float8 limit without overflowing (a sensor may send 1.7e308)', async () => {
    // A day of its own, so the figures of the test above stay exact.
    const hugeDay = new Date(day.getTime() + 10 * 86_400_000);
    const huge = `rep-huge-${run}`;
    await sql`insert into sensors (id, type) values (${huge}, 'pressure')`;
    for (let i = 0; i < 2; i++) {
      const ts = new Date(hugeDay.getTime() + i * 60_000);
      await sql`insert into sensor_readings (sensor_id, ts, value, quality, sensor_type, ingested_at)
                values (${huge}, ${ts}, ${1.7e308}, 1, 'pressure', ${ts})`;
    }
    const { body } = await generateReport(sql, {
      reportType: 'ingestion_activity',
      from: hugeDay.toISOString(),
      to: new Date(hugeDay.getTime() + 3_600_000).toISOString(),
    });
    const row = body.tables[0]!.rows.find((r) => r[0] === huge)!;
    expect(row.slice(5, 8)).toEqual([1.7e308, 1.7e308, 1.7e308]);
  });
});

describe('maintenance_decisions report', () => {
  it('reports orders by status and priority, decisions by outcome and operator, corrections and the wait for a decision', async () => {
    const { body } = await generateReport(sql, { reportType: 'maintenance_decisions', ...period });
    expect(body.summary).toEqual({
      orders_created: 2,
      orders_with_technician: 0,
      decisions: 3,
      approved: 1,
      rejected: 1,
      escalated: 1,
      approval_rate: 0.333,
      corrections: 1,
      decided_by_timeout_policy: 0,
      median_minutes_to_first_decision: 20,
    });
    expect(body.charts.find((c) => c.id === 'orders_by_status')!.series[0]!.points).toEqual([
      { x: 'cancelled', y: 1 },
      { x: 'scheduled', y: 1 },
    ]);
    const perHour = body.charts.find((c) => c.id === 'decisions')!.series;
    expect(perHour.map((s) => [s.name, s.points.map((p) => p.y)])).toEqual([
      ['approved', [0, 1, 0, 0, 0, 0]],
      ['rejected', [0, 0, 1, 0, 0, 0]],
      ['escalated', [0, 0, 0, 1, 0, 0]],
    ]);
    expect(body.tables[0]!.rows).toEqual([
      [`opA-${run}`, 2, 1, 0, 1, 1],
      [`opB-${run}`, 1, 0, 1, 0, 0],
    ]);
    // The order's decision is the one in force: the rejection was corrected to an escalation.
    expect(body.tables[1]!.rows.map((r) => [r[0], r[2], r[7]])).toEqual([
      [ids.o2, 'cancelled', 'escalated'],
      [ids.o1, 'scheduled', 'approved'],
    ]);
  });
});

describe('generateReport storage', () => {
  it('stores the CSV of the tables and a PDF, and returns the stored report for a repeated dedup key', async () => {
    const dedupKey = `rep-${randomUUID()}`;
    const first = await generateReport(sql, { reportType: 'anomaly_summary', ...period, dedupKey });
    const second = await generateReport(sql, { reportType: 'anomaly_summary', ...period, dedupKey });
    expect(second.id).toBe(first.id);
    expect((await getReportCsv(first.id, sql))!.csv).toBe(reportCsv(first.body));
    const pdf = (await getReportPdf(first.id, sql))!.pdf!;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.parameters).toEqual({ ...period, bucket: 'hour' });
  });
});

describe('ReportingAgent.generateReport', () => {
  const env = (activityId: string) =>
    new MockActivityEnvironment(
      { activityId, workflowExecution: { workflowId: `report-${run}`, runId: randomUUID() } },
      { logger: new DefaultLogger('ERROR') },
    );

  it('stores one report per workflow and activity id, so a retry does not write a second', async () => {
    const agent = createReportingActivities({ sql });
    const input = { reportType: 'ingestion_activity' as const, ...period };
    type Result = Awaited<ReturnType<typeof agent.generateReport>>;
    const a = (await env('7').run(agent.generateReport, input)) as Result;
    const b = (await env('7').run(agent.generateReport, input)) as Result;
    const c = (await env('8').run(agent.generateReport, input)) as Result;
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(a.body.summary.readings).toBe(13);
    const [row] = await sql`select dedup_key from reports where id = ${a.id}`;
    expect(row!.dedup_key).toBe(`report:report-${run}:7`);
  });

  it('refuses a reversed period or an unknown type as non-retryable', async () => {
    const agent = createReportingActivities({ sql });
    const reversed = await agent.generateReport({ reportType: 'system_health', from: period.to, to: period.from }).catch((e: unknown) => e);
    expect((reversed as ApplicationFailure).nonRetryable).toBe(true);
    expect((reversed as ApplicationFailure).message).toBe('from must be before to');
    const unknown = await agent.generateReport({ reportType: 'random' as 'system_health' }).catch((e: unknown) => e);
    expect((unknown as ApplicationFailure).type).toBe('InvalidInput');
  });
});
