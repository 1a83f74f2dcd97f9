import { describe, expect, it } from 'vitest';
import { recordToRow } from '../../domain/csvReadings';
import { readingRow, scenarioReadingRow, type ReadingRowContext } from '../../domain/readingRow';
import { BAD_READING_COLUMNS, badReadings, csvCells } from '../support/badReadings';

const now = new Date('2026-03-01T12:00:00Z');
const ctx: ReadingRowContext = { now, maxFutureSkewSeconds: 300, idempotencyKey: 'k1', correlationId: null };

const BAD_READINGS = badReadings('s1', now);
const HEADER = BAD_READING_COLUMNS;
const asCsvRecord = (json: Record<string, unknown>, line: number) => ({ line, fields: csvCells(json) });

describe('readingRow', () => {
  it('maps a valid reading to the row written to sensor_readings, path metadata winning', () => {
    const verdict = readingRow(
      { sensor_id: 's1', value: 2.5, timestamp: '2026-03-01T11:00:00Z', metadata: { a: 1, source: 'x' }, correlation_id: undefined },
      { ...ctx, correlationId: '6f1c0b1e-58a4-4c0e-9c55-2b2a8f3b8b11', metadata: { source: 'csv' } },
    );
    expect(verdict).toEqual({
      ok: true,
      row: {
        sensorId: 's1',
        ts: new Date('2026-03-01T11:00:00Z'),
        value: 2.5,
        unit: null,
        quality: 1,
        sensorType: 'temperature',
        metadata: { a: 1, source: 'csv' },
        correlationId: '6f1c0b1e-58a4-4c0e-9c55-2b2a8f3b8b11',
        idempotencyKey: 'k1',
      },
    });
  });

  it('defaults the timestamp to the ingest time', () => {
    const verdict = readingRow({ sensor_id: 's1', value: 1 }, ctx);
    expect(verdict.ok && verdict.row.ts).toEqual(now);
  });

  it('allows the clock skew but not a second more', () => {
    expect(readingRow({ sensor_id: 's1', value: 1, timestamp: '2026-03-01T12:05:00Z' }, ctx).ok).toBe(true);
    expect(readingRow({ sensor_id: 's1', value: 1, timestamp: '2026-03-01T12:05:01Z' }, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'timestamp', message: 'is more than 300 s in the future', code: 'in_future', params: { seconds: 300 } }],
    });
  });

  it('names an unknown key the way the API does', () => {
    expect(readingRow({ sensor_id: 's1', value: 1, colour: 'red' }, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'colour', message: 'is not a known field', code: 'unknown_field', params: {} }],
    });
  });
});

describe('recordToRow (CSV)', () => {
  for (const bad of BAD_READINGS) {
    it(`refuses ${bad.name} with the field and message a JSON body gets`, () => {
      const json = readingRow(bad.json, ctx);
      const csv = recordToRow(HEADER, asCsvRecord(bad.json, 7), ctx);
      expect(json.ok).toBe(false);
      if (json.ok) return;
      expect(json.errors.map((e) => e.field)).toEqual([bad.field]);
      // A CSV line error keeps the field and English message (the upload report is not translated).
      expect(csv).toEqual({ ok: false, errors: json.errors.map((e) => ({ line: 7, field: e.field, message: e.message })) });
    });
  }

  it('gives a valid record the same row as the same JSON body', () => {
    const json = { sensor_id: 's1', value: 3, timestamp: '2026-03-01T10:00:00Z', sensor_type: 'torque', quality: 0.9 };
    expect(recordToRow(HEADER, asCsvRecord(json, 2), ctx)).toEqual(readingRow(json, ctx));
  });
});

describe('scenarioReadingRow', () => {
  it('writes a generated reading as a torque reading in Nm with the path metadata', () => {
    const ts = new Date('2026-03-01T11:59:00Z');
    const verdict = scenarioReadingRow({ sensorId: 'demo-1', ts, value: 41.5, quality: 0.97 }, { ...ctx, metadata: { history: true } });
    expect(verdict.ok && verdict.row).toMatchObject({
      sensorId: 'demo-1',
      ts,
      sensorType: 'torque',
      unit: 'Nm',
      metadata: { history: true },
    });
  });

  it('refuses a generated reading past the skew as REST would', () => {
    const ts = new Date('2026-03-02T12:00:00Z');
    expect(scenarioReadingRow({ sensorId: 'demo-1', ts, value: 1, quality: 1 }, ctx)).toEqual(
      readingRow({ sensor_id: 'demo-1', value: 1, timestamp: ts.toISOString() }, ctx),
    );
  });
});
