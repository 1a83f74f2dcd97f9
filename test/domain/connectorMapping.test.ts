import { describe, expect, it } from 'vitest';
import { SourceMapper, toSensorId } from '../../domain/connectorMapping';
import { parseJsonPayload } from '../../domain/mqttJsonPayload';

describe('SourceMapper', () => {
  const mapper = new SourceMapper([
    { source: 'plant/{site}/{asset}/{sensor}', sensorId: '{site}.{asset}.{sensor}', sensorType: 'vibration' },
    { source: 'plant/s1/press/temp', sensorId: 'press-temp', sensorType: 'temperature', unit: '°C' },
    { source: 'g/{node}:{metric*}', sensorId: '{node}.{metric}', sensorType: 'pressure' },
  ]);

  it('prefers an explicit entry over a pattern, whatever their order', () => {
    expect(mapper.map('plant/s1/press/temp')).toEqual({ sensorId: 'press-temp', sensorType: 'temperature', unit: '°C' });
    expect(mapper.map('plant/s1/press/vib')).toEqual({ sensorId: 's1.press.vib', sensorType: 'vibration', unit: null });
  });

  it('matches one level with {name} and the rest with {name*}, cleaning what a sensor id cannot hold', () => {
    expect(mapper.map('plant/s1/press/vib/extra')).toBeNull();
    expect(mapper.map('g/edge1:Cabinet/Temp 2')).toEqual({ sensorId: 'edge1.Cabinet_Temp_2', sensorType: 'pressure', unit: null });
    expect(mapper.map('g/edge1/dev:x')).toBeNull();
    expect(toSensorId('__a b/c')).toBe('a_b_c');
  });
});

describe('parseJsonPayload', () => {
  it('reads an object with time, quality word and sequence, or a bare number', () => {
    expect(parseJsonPayload(Buffer.from('{"value":"4.5","ts":1767225600000,"quality":"uncertain","seq":3}'))).toEqual({
      ok: true,
      sample: { value: 4.5, ts: new Date(1767225600000), quality: 0.5, seq: 3 },
    });
    expect(parseJsonPayload(' 21.5 ')).toEqual({ ok: true, sample: { value: 21.5 } });
  });

  it('refuses what is not a reading, saying why', () => {
    expect(parseJsonPayload('{"value":null}')).toEqual({ ok: false, error: 'value must be a finite number' });
    expect(parseJsonPayload('{"value":1,"ts":"yesterday"}')).toEqual({
      ok: false,
      error: 'ts must be an ISO 8601 time or epoch milliseconds',
    });
    expect(parseJsonPayload('{"value":1,"quality":2}')).toMatchObject({ ok: false });
    expect(parseJsonPayload('[1]')).toEqual({ ok: false, error: 'payload must be an object or a number' });
    expect(parseJsonPayload('')).toEqual({ ok: false, error: 'empty payload' });
  });
});
