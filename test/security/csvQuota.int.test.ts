import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../db/apiKeys';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 22 (from the code): a CSV upload was stored whole in PostgreSQL, kept forever, with no
 * per-key quota.
 */

const QUOTA = 4_000;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ CSV_DAILY_QUOTA_BYTES: String(QUOTA), CSV_UPLOAD_RETENTION_HOURS: '24' });
  await stack.startWorker();
});
afterAll(() => stack.close());

/** A valid file of about `bytes` bytes for a fresh sensor. */
function csvOf(bytes: number): string {
  const sensor = `csvq-${randomUUID().slice(0, 8)}`;
  const lines = ['sensor_id,value,timestamp,sensor_type'];
  for (let i = 0; lines.join('\n').length < bytes; i++) {
    lines.push(`${sensor},${i}.5,${new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()},vibration`);
  }
  return lines.join('\n');
}

const upload = (key: string, csv: string) =>
  stack.request('/api/v1/data/ingest/csv', { method: 'POST', key, headers: { 'Content-Type': 'text/csv' }, body: csv });

async function waitForClose(key: string, workflowId: string) {
  for (let i = 0; i < 300; i++) {
    const body = await (await stack.request(`/api/v1/workflows/${workflowId}`, { key })).json();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${workflowId} did not finish`);
}

async function stored(uploadId: string) {
  const [row] = await stack.sql<{ has_content: boolean; size_bytes: number; released: Date | null }[]>`
    select content is not null as has_content, size_bytes, content_released_at as released from csv_uploads where id = ${uploadId}`;
  return row!;
}

describe('finding: CSV uploads have no per-key quota', () => {
  it('refuses the upload that would pass CSV_DAILY_QUOTA_BYTES in 24 hours with 429 problem+json, per key', async () => {
    const key = await stack.key(['data:ingest', 'workflows:read']);
    const other = await stack.key(['data:ingest']);
    expect((await upload(key, csvOf(1_800))).status).toBe(202);
    expect((await upload(key, csvOf(1_800))).status).toBe(202);
    const refused = await upload(key, csvOf(1_800));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    const body = await refused.json();
    expect(body).toMatchObject({ code: 'csv_quota_exceeded', quota_bytes: QUOTA });
    expect(body.used_bytes).toBeGreaterThanOrEqual(3_600);
    // Nothing of the refused file was stored.
    const [count] = await stack.sql<{ n: number }[]>`
      select count(*)::int as n from csv_uploads u join api_keys k on k.id = u.api_key_id where k.key_hash = ${hashApiKey(key)}`;
    expect(count!.n).toBe(2);
    // The quota is the key's own.
    expect((await upload(other, csvOf(1_800))).status).toBe(202);
  });
});

describe('finding: CSV uploads are kept in PostgreSQL forever', () => {
  it('releases the stored file once its workflow ingested every row, keeping the upload record', async () => {
    const key = await stack.key(['data:ingest', 'workflows:read', 'data:read']);
    const csv = csvOf(1_000);
    const started = await (await upload(key, csv)).json();
    const closed = await waitForClose(key, started.workflow_id);
    expect(closed.status).toBe('completed');
    expect(closed.progress).toMatchObject({ rows_total: started.rows_total, inserted: started.rows_total });
    const row = await stored(started.upload_id);
    expect(row).toMatchObject({ has_content: false, size_bytes: Buffer.byteLength(csv) });
    expect(row.released).toBeInstanceOf(Date);
  });

  it('releases files older than CSV_UPLOAD_RETENTION_HOURS that no workflow released', async () => {
    const key = await stack.key(['data:ingest']);
    const stale = randomUUID();
    await stack.sql`
      insert into csv_uploads (id, filename, content, size_bytes, sha256, line_count, created_at)
      values (${stale}, 'stale.csv', 'sensor_id,value', 15, 'x', 0, now() - interval '25 hours')`;
    expect((await stored(stale)).has_content).toBe(true);
    expect((await upload(key, csvOf(200))).status).toBe(202);
    expect((await stored(stale)).has_content).toBe(false);
  });
});
