import { describe, expect, it } from 'vitest';
import { planRedeliveries, type CommittedPacket, type PacketDelivery } from '../../domain/mqttRedelivery';
import type { NewReading } from '../../domain/reading';

const reading = (key: string): NewReading => ({
  sensorId: 's1',
  ts: new Date('2026-02-01T00:00:00Z'),
  value: 21.5,
  unit: null,
  quality: 1,
  sensorType: 'temperature',
  metadata: {},
  correlationId: null,
  idempotencyKey: key,
});
const bare = (packetId: number, dup: boolean, fingerprint: string, key: string) => ({
  rows: [reading(key)],
  delivery: { packetId, dup, fingerprint, arrivalKeyed: true } satisfies PacketDelivery,
});
const committed = (...entries: CommittedPacket[]) => new Map(entries.map((e) => [e.packetId, e]));
const keys = (rows: NewReading[]) => rows.map((r) => r.idempotencyKey);

describe('planRedeliveries', () => {
  it('skips a DUP message whose packet id was committed with the same topic and payload, and keeps its entry', () => {
    const plan = planRedeliveries(
      [bare(7, true, 'fpA', 'arrival-2')],
      committed({ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-1' }),
    );
    expect(plan).toMatchObject({ rows: [], skippedMessages: 1, skippedRows: 1, remember: [], forget: [], forgetAll: false });
  });

  it('stores a message with DUP = 0 even when its packet id is in the table, and overwrites the entry (the id was reused)', () => {
    const plan = planRedeliveries(
      [bare(7, false, 'fpA', 'arrival-2')],
      committed({ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-1' }),
    );
    expect(keys(plan.rows)).toEqual(['arrival-2']);
    expect(plan.skippedMessages).toBe(0);
    expect(plan.remember).toEqual([{ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-2' }]);
  });

  it('stores a DUP message whose packet id names a different message (the old one was acknowledged, this one never committed)', () => {
    const plan = planRedeliveries(
      [bare(7, true, 'fpB', 'arrival-2')],
      committed({ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-1' }),
    );
    expect(keys(plan.rows)).toEqual(['arrival-2']);
    expect(plan.remember).toEqual([{ packetId: 7, fingerprint: 'fpB', readingKey: 'arrival-2' }]);
  });

  it('stores a DUP message whose packet id is unknown (the crash came before the commit)', () => {
    const plan = planRedeliveries([bare(9, true, 'fpA', 'arrival-1')], committed());
    expect(keys(plan.rows)).toEqual(['arrival-1']);
    expect(plan.remember).toHaveLength(1);
  });

  it('recognises a redelivery of a message earlier in the same, not yet committed batch', () => {
    const plan = planRedeliveries([bare(3, false, 'fpA', 'arrival-1'), bare(3, true, 'fpA', 'arrival-2')], committed());
    expect(keys(plan.rows)).toEqual(['arrival-1']);
    expect(plan.skippedMessages).toBe(1);
    expect(plan.remember).toEqual([{ packetId: 3, fingerprint: 'fpA', readingKey: 'arrival-1' }]);
  });

  it('leaves messages with a natural key to their idempotency key, and drops a known entry their id made stale', () => {
    const natural = { rows: [reading('natural-1')], delivery: { packetId: 7, dup: false, fingerprint: 'fpN', arrivalKeyed: false } };
    const plan = planRedeliveries(
      [natural, { rows: [reading('qos0')] }],
      committed({ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-1' }),
    );
    expect(keys(plan.rows)).toEqual(['natural-1', 'qos0']);
    expect(plan.remember).toEqual([]);
    expect(plan.forget).toEqual([7]);
  });

  it('voids every entry when a new session starts: a DUP of the new session is stored although an old entry matches', () => {
    const plan = planRedeliveries(
      [bare(4, false, 'fpB', 'old-session'), { rows: [], sessionStart: true }, bare(7, true, 'fpA', 'arrival-2')],
      committed({ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-1' }),
    );
    expect(keys(plan.rows)).toEqual(['old-session', 'arrival-2']);
    expect(plan.forgetAll).toBe(true);
    expect(plan.remember).toEqual([{ packetId: 7, fingerprint: 'fpA', readingKey: 'arrival-2' }]);
  });

  it('never skips a message that has no packet id (QoS 0)', () => {
    const plan = planRedeliveries([{ rows: [reading('q0')] }], committed({ packetId: 1, fingerprint: 'fpA', readingKey: 'x' }));
    expect(keys(plan.rows)).toEqual(['q0']);
    expect(plan.skippedMessages).toBe(0);
  });
});
