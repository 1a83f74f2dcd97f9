import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../../api/redis';
import { readingInputSchema, type NewReading } from '../../domain/reading';
import { ingestSingle } from '../../usecases/ingestion';
import { TEST_REDIS_URL } from '../support/testEnv';
import { SingleReadingWriter } from '../../usecases/singleReadingWriter';

let sql: postgres.Sql;
let inserts = 0;
beforeAll(() => {
  // Counts the insert statements really sent, to see readings share them.
  sql = postgres(inject('databaseUrl'), {
    max: 4,
    onnotice: () => {},
    debug: (_conn, query) => {
      if (query.includes('insert into sensor_readings')) inserts += 1;
    },
  });
});
afterAll(() => sql.end({ timeout: 2 }));

function reading(sensorId: string, value: number, key: string | null = null, correlationId: string | null = null): NewReading {
  return {
    sensorId,
    ts: new Date(Date.UTC(2026, 1, 1, 0, 0, value)),
    value,
    unit: 'mm/s',
    quality: 1,
    sensorType: 'vibration',
    metadata: { n: value },
    correlationId,
    idempotencyKey: key,
  };
}

// Idempotency records are scoped by API key (issue 22); any owner id will do here.
const OWNER = '00000000-0000-4000-8000-000000000001';
const claimFor = (key: string) => ({ apiKeyId: OWNER, key, route: 'POST /api/v1/data/ingest', requestHash: `hash-${key}` });

describe('SingleReadingWriter', () => {
  it('writes concurrent readings in shared statements, each caller getting its own committed row', async () => {
    const run = randomUUID().slice(0, 8);
    const writer = new SingleReadingWriter(sql);
    const before = inserts;
    // Every third reading carries an idempotency key; the others are matched by their order.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const key = i % 3 === 0 ? `w-${run}-${i}` : null;
        return writer.write(reading(`w-${run}-${i % 4}`, i, key ? `ingest:${key}` : null), key ? claimFor(key) : null);
      }),
    );
    const statements = inserts - before;
    expect(statements).toBeGreaterThanOrEqual(1);
    expect(statements).toBeLessThan(60);
    results.forEach((r, i) => {
      expect(r, `reading ${i}`).toBeDefined();
      expect(r!.value).toBe(i);
      expect(r!.sensor_id).toBe(`w-${run}-${i % 4}`);
      expect(r!.metadata).toEqual({ n: i });
    });
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id like ${`w-${run}-%`}`;
    expect(n).toBe(60);
    const records = await sql<{ key: string; reading_id: string }[]>`
      select key, response->>'reading_id' as reading_id from idempotency_records where key like ${`w-${run}-%`}`;
    expect(records).toHaveLength(20);
    for (const rec of records) {
      const i = Number(rec.key.split('-').at(-1));
      expect(rec.reading_id).toBe(results[i]!.id);
    }
    const sensors = await sql<{ reading_count: string }[]>`select reading_count from sensors where id like ${`w-${run}-%`}`;
    expect(sensors.map((s) => Number(s.reading_count))).toEqual([15, 15, 15, 15]);
  });

  it('writes one row for a key sent twice at once; the second caller learns it was already stored', async () => {
    const run = randomUUID().slice(0, 8);
    const writer = new SingleReadingWriter(sql);
    const key = `dup-${run}`;
    const [a, b] = await Promise.all([
      writer.write(reading(`dup-${run}`, 1, `ingest:${key}`), claimFor(key)),
      writer.write(reading(`dup-${run}`, 1, `ingest:${key}`), claimFor(key)),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = ${`dup-${run}`}`;
    expect(n).toBe(1);
  });

  it('fails only the reading PostgreSQL refuses, not the others that shared its statement', async () => {
    const run = randomUUID().slice(0, 8);
    const writer = new SingleReadingWriter(sql, { maxInFlight: 1, maxBatch: 256 });
    // The first write occupies the only slot, so the next three queue and go out together.
    const first = writer.write(reading(`iso-${run}`, 0), null);
    const queued = [
      writer.write(reading(`iso-${run}`, 1), null),
      // Not a UUID: the shared statement fails on it as a whole.
      writer.write(reading(`iso-${run}`, 2, null, 'not-a-uuid'), null),
      writer.write(reading(`iso-${run}`, 3), null),
    ];
    const settled = await Promise.allSettled([first, ...queued]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const values = await sql<{ value: number }[]>`select value from sensor_readings where sensor_id = ${`iso-${run}`} order by value`;
    expect(values.map((v) => v.value)).toEqual([0, 1, 3]);
  });
});

describe('single ingest idempotency', () => {
  it('answers a replay from Redis while PostgreSQL is unreachable, and a new key with the error', async () => {
    const redis = createRedis(TEST_REDIS_URL);
    await redis.connect();
    const live = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    const down = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    await down.end();
    const prefix = `test:idem-${randomUUID().slice(0, 8)}:`;
    const deps = (s: postgres.Sql) => ({ sql: s, redis, redisPrefix: prefix, idempotencyTtlSeconds: 60 });
    const body = { sensor_id: `pgdown-${randomUUID().slice(0, 8)}`, value: 3 };
    const parsed = readingInputSchema.parse(body);
    const opts = { idempotencyKey: randomUUID(), apiKeyId: OWNER, maxFutureSkewSeconds: 300 };
    try {
      const original = await ingestSingle(deps(live), body, parsed, opts);
      // The cache write is not awaited by ingestSingle; give it its round trip.
      await redis.ping();
      const replay = await ingestSingle(deps(down), body, parsed, opts);
      expect(replay.replayed).toBe(true);
      expect(replay.body.reading.id).toBe(original.body.reading.id);
      await expect(ingestSingle(deps(down), body, parsed, { ...opts, idempotencyKey: randomUUID() })).rejects.toThrow();
    } finally {
      await live.end();
      await redis.quit();
    }
  });
});
