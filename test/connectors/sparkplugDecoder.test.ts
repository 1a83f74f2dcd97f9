import { get as getSparkplug } from 'sparkplug-payload';
import { describe, expect, it } from 'vitest';
import { SparkplugDecoder } from '../../connectors/mqtt/sparkplugDecoder';
import { SourceMapper } from '../../domain/connectorMapping';

const sparkplug = getSparkplug('spBv1.0')!;
const encode = (p: Parameters<typeof sparkplug.encodePayload>[0]) => Buffer.from(sparkplug.encodePayload(p));
const ctx = () => ({ now: new Date('2026-02-01T00:10:00Z'), maxFutureSkewSeconds: 300 });
const t0 = Date.parse('2026-02-01T00:00:00Z');

function decoder() {
  return new SparkplugDecoder(
    'c1',
    new SourceMapper([{ source: 'G/{node}:{metric*}', sensorId: '{node}.{metric}', sensorType: 'temperature' }]),
    ctx,
  );
}

describe('SparkplugDecoder', () => {
  it('asks the edge node for a rebirth when data names an alias it never saw born', () => {
    const d = decoder();
    const out = d.decode('spBv1.0/G/NDATA/edge1', encode({ timestamp: t0, seq: 5, metrics: [{ alias: 9, type: 'Double', value: 1 }] }));
    expect(out.rows).toEqual([]);
    expect(out.preview.error).toMatch(/alias unknown.*rebirth requested/);
    expect(out.rebirth?.topic).toBe('spBv1.0/G/NCMD/edge1');
    const request = sparkplug.decodePayload(out.rebirth!.payload);
    expect(request.metrics).toEqual([expect.objectContaining({ name: 'Node Control/Rebirth', value: true })]);
  });

  it('reports a sequence gap but keeps the values, keyed by source, time and sequence', () => {
    const d = decoder();
    d.decode('spBv1.0/G/NBIRTH/edge1', encode({ timestamp: t0, seq: 0, metrics: [{ name: 'Temp', alias: 1, type: 'Double', value: 20 }] }));
    const ok = d.decode(
      'spBv1.0/G/NDATA/edge1',
      encode({ timestamp: t0 + 1000, seq: 1, metrics: [{ alias: 1, type: 'Double', value: 21 }] }),
    );
    expect(ok.warning).toBeUndefined();
    expect(ok.rows.map((r) => [r.sensorId, r.value, r.idempotencyKey])).toEqual([['edge1.Temp', 21, `spb:c1:G/edge1:Temp:${t0 + 1000}:1`]]);
    const gap = d.decode(
      'spBv1.0/G/NDATA/edge1',
      encode({ timestamp: t0 + 3000, seq: 3, metrics: [{ alias: 1, type: 'Double', value: 23 }] }),
    );
    expect(gap.warning).toBe('Sparkplug sequence gap on G/edge1: expected 2, got 3');
    expect(gap.lostMessages).toBe(1);
    expect(gap.rows).toHaveLength(1);
    // A step back (a redelivery after a reconnect) is remarked on but loses nothing.
    const back = d.decode(
      'spBv1.0/G/NDATA/edge1',
      encode({ timestamp: t0 + 1000, seq: 1, metrics: [{ alias: 1, type: 'Double', value: 21 }] }),
    );
    expect(back.warning).toBe('Sparkplug sequence gap on G/edge1: expected 4, got 1');
    expect(back.lostMessages).toBeUndefined();
    // Across the wrap from 255 to 0.
    d.decode('spBv1.0/G/NDATA/edge1', encode({ timestamp: t0 + 4000, seq: 254, metrics: [{ alias: 1, type: 'Double', value: 24 }] }));
    const wrapped = d.decode(
      'spBv1.0/G/NDATA/edge1',
      encode({ timestamp: t0 + 5000, seq: 2, metrics: [{ alias: 1, type: 'Double', value: 25 }] }),
    );
    expect(wrapped.lostMessages).toBe(3);
  });
});
