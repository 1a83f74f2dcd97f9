import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyField, copyReadings } from '../../db/readingsCopy';
import type { NewReading } from '../../domain/reading';

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(inject('databaseUrl'), { max: 4, onnotice: () => {} });
});
afterAll(() => sql.end({ timeout: 2 }));

const sensor = () => `copy-${randomUUID().slice(0, 8)}`;

function reading(sensorId: string, minute: number, extra: Partial<NewReading> = {}): NewReading {
  return {
    sensorId,
    ts: new Date(Date.UTC(2026, 2, 1, 0, minute)),
    value: minute / 3,
    unit: 'mm/s',
    quality: 0.75,
    sensorType: 'vibration',
    metadata: {},
    correlationId: null,
    idempotencyKey: null,
    ...extra,
  };
}

describe('copyField', () => {
  it('escapes what COPY text format treats specially, and writes null as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('plain')).toBe('plain');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\N')).toBe('\\\\N');
  });
});

describe('copyReadings', () => {
  it('round-trips awkward text, JSON, numbers and nulls exactly', async () => {
    const id = sensor();
    const correlationId = randomUUID();
    const metadata = { note: 'tab\there, "quoted", back\\slash, line\nbreak', nested: { ü: ['\\N', 1e-7] } };
    const rows = [
      reading(id, 0, { unit: 'N\\m\t°', metadata, correlationId, value: 5e-324, quality: 1e-40 }),
      reading(id, 1, { unit: null, value: -1.7976931348623157e308, quality: 0 }),
      reading(id, 2, { unit: '\\N', value: 0.1 + 0.2 }),
    ];
    expect(await copyReadings(rows, sql)).toBe(3);
    const stored = await sql<{ unit: string | null; value: number; quality: number; metadata: unknown; correlation_id: string | null }[]>`
      select unit, value, quality, metadata, correlation_id from sensor_readings where sensor_id = ${id} order by ts`;
    expect(stored.map((r) => r.unit)).toEqual(['N\\m\t°', null, '\\N']);
    expect(stored.map((r) => r.value)).toEqual([5e-324, -1.7976931348623157e308, 0.1 + 0.2]);
    expect(stored[0]!.quality).toBe(1e-40);
    expect(stored[0]!.metadata).toEqual(metadata);
    expect(stored[0]!.correlation_id).toBe(correlationId);
    expect(stored[1]!.correlation_id).toBeNull();
  });

  it('registers new sensors and adds to the counters of known ones', async () => {
    const known = sensor();
    const fresh = sensor();
    await copyReadings([reading(known, 10)], sql);
    await copyReadings([reading(known, 5), reading(known, 20), reading(fresh, 7, { sensorType: 'temperature', unit: '°C' })], sql);
    const sensors = await sql<{ id: string; type: string; unit: string; reading_count: bigint; first_ts: Date; last_ts: Date }[]>`
      select id, type, unit, reading_count, first_ts, last_ts from sensors where id in ${sql([known, fresh])} order by id`;
    const byId = Object.fromEntries(sensors.map((s) => [s.id, s]));
    expect(Number(byId[known]!.reading_count)).toBe(3);
    expect(byId[known]!.first_ts.toISOString()).toBe('2026-03-01T00:05:00.000Z');
    expect(byId[known]!.last_ts.toISOString()).toBe('2026-03-01T00:20:00.000Z');
    expect(byId[fresh]).toMatchObject({ type: 'temperature', unit: '°C' });
    expect(Number(byId[fresh]!.reading_count)).toBe(1);
  });

  it('writes nothing, not even the new sensor, when one row is refused', async () => {
    const id = sensor();
    const rows = [reading(id, 0), reading(id, 1), reading(id, 2, { correlationId: 'not-a-uuid' })];
    await expect(copyReadings(rows, sql)).rejects.toThrow(/uuid|aborted/);
    const [count] = await sql<{ n: bigint }[]>`select count(*) as n from sensor_readings where sensor_id = ${id}`;
    expect(Number(count!.n)).toBe(0);
    expect(await sql`select 1 from sensors where id = ${id}`).toHaveLength(0);
  });

  it('fails cleanly when PostgreSQL refuses a row of a large batch, and the pool stays usable', async () => {
    const id = sensor();
    const rows = Array.from({ length: 30_000 }, (_, i) => reading(id, i, i === 10 ? { correlationId: 'not-a-uuid' } : {}));
    const err = await copyReadings(rows, sql).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/uuid|aborted/);
    const [count] = await sql<{ n: bigint }[]>`select count(*) as n from sensor_readings where sensor_id = ${id}`;
    expect(Number(count!.n)).toBe(0);
    // Every connection of the pool still works afterwards.
    await Promise.all(Array.from({ length: 8 }, () => sql`select 1`));
  });

  it('lets concurrent batches over the same sensors finish without deadlock, counting every row', async () => {
    const ids = [sensor(), sensor(), sensor()];
    const batches = Array.from({ length: 6 }, (_, b) =>
      // Each batch names the sensors in a different order.
      Array.from({ length: 300 }, (_, i) => reading(ids[(i + b) % 3]!, b * 300 + i)),
    );
    await Promise.all(batches.map((rows) => copyReadings(rows, sql)));
    const counts = await sql<{ reading_count: bigint }[]>`select reading_count from sensors where id in ${sql(ids)}`;
    expect(counts.map((c) => Number(c.reading_count))).toEqual([600, 600, 600]);
  });

  it('refuses rows with idempotency keys, which COPY cannot de-duplicate', async () => {
    await expect(copyReadings([reading(sensor(), 0, { idempotencyKey: 'k' })], sql)).rejects.toThrow(/idempotency/);
  });
});
