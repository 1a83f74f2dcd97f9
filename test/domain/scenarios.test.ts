import { describe, expect, it } from 'vitest';
import { demoMachineFeatures, generateScenario, seedFrom } from '../../domain/scenarios';

describe('generateScenario', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = generateScenario('anomaly', { count: 40, seed: seedFrom('run-1') });
    expect(generateScenario('anomaly', { count: 40, seed: seedFrom('run-1') })).toEqual(a);
    expect(generateScenario('anomaly', { count: 40, seed: seedFrom('run-2') })).not.toEqual(a);
  });

  it('places upward spikes outside the first quarter and never on a poor-quality slot', () => {
    for (let s = 0; s < 200; s++) {
      const r = generateScenario('anomaly', { count: 20, seed: s });
      const spikes = r.filter((x) => x.injected === 'spike');
      expect(spikes).toHaveLength(2);
      for (const x of spikes) {
        expect(x.index).toBeGreaterThanOrEqual(5);
        expect(x.quality).toBeGreaterThanOrEqual(0.9);
        expect(x.value).toBeGreaterThan(46);
      }
    }
  });

  it('drifts only in the second half of a drift run', () => {
    const r = generateScenario('drift', { count: 40, seed: 3 });
    expect(r.slice(0, 20).every((x) => x.injected !== 'drift')).toBe(true);
    expect(r.slice(20).every((x) => x.injected === 'drift')).toBe(true);
    expect(r[39]!.value - 40).toBeGreaterThan(8);
  });
});

describe('demoMachineFeatures', () => {
  it('derives peak torque and constant-power speed, and the scenario tool wear', () => {
    const f = demoMachineFeatures('drift', [40, 41, 42, 50, 52]);
    expect(f).toMatchObject({ Torque_Nm: 52, Tool_wear_min: 225, Type: 'L' });
    expect(f.Rotational_speed_rpm).toBe(Math.round((6300 * 60) / (2 * Math.PI * 52)));
    expect(demoMachineFeatures('normal', [40]).Tool_wear_min).toBe(40);
  });
});
