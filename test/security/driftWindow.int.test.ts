import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 22: the drift check's pinned reference window could span 1970–2100 and its query had no
 * row limit, so one request could read a sensor's whole history.
 */

const ROW_LIMIT = 50;
let stack: TestStack;
let key: string;
const sensor = `drift-cap-${randomUUID().slice(0, 8)}`;
const now = Date.now();

beforeAll(async () => {
  stack = await startTestStack({ DRIFT_MAX_REFERENCE_DAYS: '30', DRIFT_MAX_ROWS_PER_WINDOW: String(ROW_LIMIT) });
  key = await stack.key(['ml:drift', 'data:ingest']);
  // 240 readings, one every 30 s over the last two hours.
  const readings = Array.from({ length: 240 }, (_, i) => ({
    sensor_id: sensor,
    value: 20 + (i % 7),
    timestamp: new Date(now - (240 - i) * 30_000).toISOString(),
  }));
  const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
  expect(res.status).toBe(200);
});
afterAll(() => stack.close());

const check = (body: Record<string, unknown>) =>
  stack.request('/api/v1/ml/check_drift', { method: 'POST', key, json: { sensor_id: sensor, min_samples: 5, ...body } });

describe('finding: the drift reference window may span 1970-2100', () => {
  it('refuses a 1970-2100 reference window with a 422 problem naming reference_end', async () => {
    const res = await check({ reference_start: '1970-01-01T00:00:00Z', reference_end: '2100-01-01T00:00:00Z' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body.errors).toEqual([
      {
        field: 'reference_end',
        message: expect.stringContaining('at most 30'),
        code: 'reference_window_too_long',
        params: { days: expect.any(Number), maximum: 30 },
      },
    ]);
    expect(body.errors[0].params.days).toBeGreaterThan(47_000);
  });

  it('accepts a window of exactly DRIFT_MAX_REFERENCE_DAYS and refuses one a minute longer', async () => {
    const end = new Date(now - 60 * 60_000);
    const start = new Date(end.getTime() - 30 * 86_400_000);
    expect((await check({ reference_start: start.toISOString(), reference_end: end.toISOString() })).status).toBe(200);
    const longer = new Date(start.getTime() - 60_000);
    expect((await check({ reference_start: longer.toISOString(), reference_end: end.toISOString() })).status).toBe(422);
  });

  it('refuses a reference start without an end with a code the dashboard translates', async () => {
    const res = await check({ reference_start: new Date(now - 86_400_000).toISOString() });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      {
        field: 'reference_end',
        message: 'reference_start and reference_end go together',
        code: 'goes_with',
        params: { other: 'reference_start' },
      },
    ]);
  });
});

describe('finding: the drift query has no row limit', () => {
  it('reads at most DRIFT_MAX_ROWS_PER_WINDOW readings per window and says so in the answer', async () => {
    const res = await check({ window_minutes: 60 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.row_limit).toBe(ROW_LIMIT);
    // 120 readings in each 60-minute window; only the latest 50 were read.
    expect(body.recent).toMatchObject({ count: ROW_LIMIT, truncated: true });
    expect(body.reference).toMatchObject({ count: ROW_LIMIT, truncated: true });
  });

  it('reports an untruncated window when it holds fewer readings than the limit', async () => {
    const body = await (await check({ window_minutes: 10 })).json();
    expect(body.recent).toMatchObject({ count: 20, truncated: false });
  });
});
