import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config';
import { demoSensorId, isDemoSensor } from '../../domain/demoSensors';

/** Issue #22, the decision gate: the settings a start request must respect, and what a demo sensor is. */
describe('decision settings', () => {
  it('ships with automatic decisions off and a 60 s floor on decision deadlines', () => {
    const config = parseConfig({});
    expect(config.DEMO_AUTO_DECISIONS).toBe(false);
    expect(config.DECISION_TIMEOUT_MIN_SECONDS).toBe(60);
    expect(config.DECISION_TIMEOUT_POLICY).toBe('escalate');
  });

  it('names the variable when a setting is invalid', () => {
    expect(() => parseConfig({ DEMO_AUTO_DECISIONS: 'maybe' })).toThrow(/DEMO_AUTO_DECISIONS/);
    expect(() => parseConfig({ DECISION_TIMEOUT_MIN_SECONDS: '0' })).toThrow(/DECISION_TIMEOUT_MIN_SECONDS/);
  });
});

describe('demo sensors', () => {
  it('are exactly the sensors a Golden Path generates for itself', () => {
    const generated = demoSensorId('anomaly', '3f2b9c1e-1111-4222-8333-444455556666');
    expect(generated).toBe('gp-anomaly-3f2b9c1e');
    expect(isDemoSensor(generated)).toBe(true);
    for (const real of [
      'line-7-spindle',
      'gp-anomaly',
      'gp-anomaly-3f2b9c1e-x',
      'gp-other-3f2b9c1e',
      'xgp-drift-3f2b9c1e',
      'gp-drift-3f2b9c1',
    ]) {
      expect(isDemoSensor(real), real).toBe(false);
    }
  });
});
