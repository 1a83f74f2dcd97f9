import { describe, expect, it } from 'vitest';
import ptBR from '../../locales/pt-BR.json';
import {
  alarmCountsOf,
  alarmPenalty,
  alarmReasons,
  alarmsBySensor,
  episodeAction,
  healthIndex,
  probabilityTrigger,
  reason,
  rulTrigger,
  trendReasons,
} from '../../domain/assetHealth';
import { msg, renderMessage, type Catalogue } from '../../domain/serverText';
import { englishIn } from '../e2e/serverEnglish';

describe('healthIndex', () => {
  it('scales RUL by the typical life and the probability by its complement, taking the worse', () => {
    expect(healthIndex({ rul: 62.5, typicalLife: 125 }, 0)).toBe(50);
    expect(healthIndex({ rul: 300, typicalLife: 125 }, 0)).toBe(100);
    expect(healthIndex({ failureProbability: 0.2 }, 0)).toBe(80);
    expect(healthIndex({ rul: 100, typicalLife: 125, failureProbability: 0.5 }, 0)).toBe(50);
  });

  it('takes 5 points per anomaly, at most 30, never below 0, and gives no number without a model output', () => {
    expect(healthIndex({ failureProbability: 0 }, 2)).toBe(90);
    expect(healthIndex({ failureProbability: 0 }, 100)).toBe(70);
    expect(healthIndex({ failureProbability: 0.9 }, 10)).toBe(0);
    expect(healthIndex({}, 0)).toBeNull();
  });

  it('takes points per unresolved alarm by severity (2, 5, 10, 20), at most 50, on top of the anomalies', () => {
    expect(healthIndex({ failureProbability: 0 }, 0, { critical: 1 })).toBe(80);
    expect(healthIndex({ failureProbability: 0 }, 0, { low: 1, medium: 1, high: 1 })).toBe(83);
    expect(healthIndex({ failureProbability: 0 }, 0, { critical: 5 })).toBe(50);
    expect(healthIndex({ failureProbability: 0 }, 2, { high: 1 })).toBe(80);
    expect(healthIndex({ failureProbability: 0.6 }, 6, { critical: 3 })).toBe(0);
    expect(alarmPenalty({})).toBe(0);
  });
});

describe('alarm reasons', () => {
  const rows = [
    { sensor_id: 'm.torque', role: 'torque', severity: 'low' as const, n: 2 },
    { sensor_id: 'm.wear', role: 'tool_wear', severity: 'critical' as const, n: 1 },
    { sensor_id: 'm.torque', role: 'torque', severity: 'high' as const, n: 1 },
  ];

  it('counts by severity over the sensors, and gives one reason per sensor, the heaviest first, with its worst severity', () => {
    expect(alarmCountsOf(rows)).toEqual({ low: 2, critical: 1, high: 1 });
    const reasons = alarmReasons(alarmsBySensor(rows));
    expect(reasons.map((r) => [r.sensor_id, r.role, r.value, r.text?.params.severity])).toEqual([
      ['m.wear', 'tool_wear', 1, 'critical'],
      ['m.torque', 'torque', 3, 'high'],
    ]);
    expect(reasons[1]!.message).toBe('3 unresolved alarms on m.torque (worst severity High)');
  });
});

describe('health reasons as message codes', () => {
  const ptFormat = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };
  const reasons = [
    reason('rul', msg('healthRul', { rul: 12.4, level: 0.9, lower: 4.1, upper: 25.3, cycle: 180 })),
    reason('anomalies', msg('healthAnomalies', { count: 4 })),
    reason('stale_role', msg('healthRoleStale', { role: 'torque', sensor: 'm.torque', at: '2026-12-04T21:00:00.000Z' })),
    reason('drift', msg('healthDrift', { sensor: 'm.torque', p_value: 0.00012, psi: 0.31 })),
    ...alarmReasons([{ sensorId: 'm.torque', role: 'torque', alarms: { medium: 2 } }]),
    ...trendReasons([{ role: 's2', sensorId: 'e.s2', values: Array.from({ length: 30 }, (_, i) => 640 + i * 0.1) }]),
  ];

  it('keeps the English for integrators, rendered from the same code and parameters', () => {
    expect(reasons[0]!.message).toBe('RUL 12.4 cycles (90% interval 4.1–25.3) at cycle 180');
    expect(reasons[2]!.message).toBe('torque (m.torque) last read at 12/04/2026, 09:00 PM UTC');
  });

  it('reads in Portuguese with no English left, instants in the reader’s zone', () => {
    const texts = reasons.map((r) => renderMessage(ptBR as unknown as Catalogue, r.text!, ptFormat)!);
    expect(texts.flatMap((text) => englishIn(text).map((phrase) => `"${phrase}" in "${text}"`))).toEqual([]);
    expect(texts[0]).toBe('Vida útil restante 12,4 ciclos (intervalo de 90%: 4,1–25,3) no ciclo 180');
    expect(texts[2]).toContain('18:00');
  });
});

describe('episodeAction', () => {
  const down = rulTrigger(20, 30);
  const jitter = rulTrigger(40, 30);
  const back = rulTrigger(50, 30);

  it('opens (and starts) on the first crossing, and only then', () => {
    expect(episodeAction(null, down)).toEqual({ kind: 'open' });
    expect(episodeAction(null, jitter)).toEqual({ kind: 'none' });
    expect(episodeAction({ started: true }, down)).toEqual({ kind: 'none' });
  });

  it('keeps the episode open while the asset jitters between the trigger and the clear level (hysteresis)', () => {
    expect(episodeAction({ started: true }, jitter)).toEqual({ kind: 'none' });
    expect(episodeAction({ started: true }, back)).toEqual({ kind: 'close' });
  });

  it('starts an open episode that has no flow yet (one held back by the earlier drift rule)', () => {
    expect(episodeAction({ started: false }, down)).toEqual({ kind: 'start' });
    expect(episodeAction({ started: false }, jitter)).toEqual({ kind: 'start' });
  });

  it('decides nothing without an evaluation', () => {
    expect(episodeAction({ started: false }, null)).toEqual({ kind: 'none' });
  });

  it('triggers a failure asset at the model threshold and clears it at 80 % of it', () => {
    expect(probabilityTrigger(0.6, 0.6)).toMatchObject({ triggered: true, cleared: false });
    expect(probabilityTrigger(0.5, 0.6)).toMatchObject({ triggered: false, cleared: false });
    expect(probabilityTrigger(0.47, 0.6)).toMatchObject({ triggered: false, cleared: true });
  });
});

describe('trendReasons', () => {
  it('names the channels that trend most, with their direction, and ignores flat noise', () => {
    const rising = Array.from({ length: 30 }, (_, i) => 640 + i * 0.1 + (i % 2) * 0.05);
    const falling = Array.from({ length: 30 }, (_, i) => 47 - i * 0.02);
    const flat = Array.from({ length: 30 }, (_, i) => 100 + (i % 2 ? 0.3 : -0.3));
    const reasons = trendReasons([
      { role: 's2', sensorId: 'e.s2', values: rising },
      { role: 's11', sensorId: 'e.s11', values: falling },
      { role: 's7', sensorId: 'e.s7', values: flat },
    ]);
    expect(reasons.map((r) => r.role).sort()).toEqual(['s11', 's2']);
    expect(reasons.find((r) => r.role === 's2')!.text?.code).toBe('healthTrendRising');
    expect(reasons.find((r) => r.role === 's11')!.text?.code).toBe('healthTrendFalling');
    expect(reasons.find((r) => r.role === 's2')!.message).toContain('rising');
  });
});
