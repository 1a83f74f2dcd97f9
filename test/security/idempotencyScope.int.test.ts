import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 22: Idempotency-Key was global, so another client's key was blocked with 409, or a second
 * API key replaying the same body received the first client's answer. Records are scoped by key.
 */

let stack: TestStack;
let alice: string;
let bob: string;

beforeAll(async () => {
  stack = await startTestStack();
  [alice, bob] = await Promise.all([stack.key(['data:ingest']), stack.key(['data:ingest'])]);
});
afterAll(() => stack.close());

const ingest = (key: string, idem: string, body: unknown) =>
  stack.request('/api/v1/data/ingest', { method: 'POST', key, headers: { 'Idempotency-Key': idem }, json: body });

async function readingsOf(sensor: string): Promise<number> {
  const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = ${sensor}`;
  return row!.n;
}

describe('finding: Idempotency-Key is global across API keys', () => {
  it('gives two keys using the same Idempotency-Key with the same body independent results', async () => {
    const idem = `shared-${randomUUID()}`;
    const body = { sensor_id: `idem-${randomUUID().slice(0, 8)}`, value: 1.5 };
    const a = await ingest(alice, idem, body);
    const b = await ingest(bob, idem, body);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    const [ra, rb] = [await a.json(), await b.json()];
    expect(rb.reading.id).not.toBe(ra.reading.id);
    expect(await readingsOf(body.sensor_id)).toBe(2);
  });

  it('does not block another key that uses the same Idempotency-Key with a different body', async () => {
    const idem = `shared-${randomUUID()}`;
    const sensor = `idem-${randomUUID().slice(0, 8)}`;
    expect((await ingest(alice, idem, { sensor_id: sensor, value: 1 })).status).toBe(200);
    const other = await ingest(bob, idem, { sensor_id: sensor, value: 2 });
    expect(other.status).toBe(200);
    expect((await other.json()).reading.value).toBe(2);
  });

  it('still replays for the same key, from PostgreSQL too once Redis forgot, and still refuses its different body with 409', async () => {
    const idem = `own-${randomUUID()}`;
    const body = { sensor_id: `idem-${randomUUID().slice(0, 8)}`, value: 3 };
    const first = await (await ingest(alice, idem, body)).json();
    const replay = await ingest(alice, idem, body);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).reading.id).toBe(first.reading.id);

    await stack.redis.del(...(await stack.redis.keys(`${stack.config.REDIS_PREFIX}idem:*/${idem}`)));
    const fromPostgres = await ingest(alice, idem, body);
    expect(fromPostgres.headers.get('idempotent-replayed')).toBe('true');
    expect((await fromPostgres.json()).reading.id).toBe(first.reading.id);

    const reused = await ingest(alice, idem, { ...body, value: 4 });
    expect(reused.status).toBe(409);
    expect((await reused.json()).code).toBe('idempotency_key_reused');
    expect(await readingsOf(body.sensor_id)).toBe(1);
  });

  it('keeps idempotency records stored before scoping (no owner) and unique among themselves', async () => {
    const idem = `legacy-${randomUUID()}`;
    const insert = () => stack.sql`
      insert into idempotency_records (key, route, request_hash, status, response)
      values (${idem}, 'POST /api/v1/data/ingest', 'h', 200, '{}'::jsonb)`;
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: '23505' });
  });
});
