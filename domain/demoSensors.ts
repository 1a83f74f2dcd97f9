/**
 * Demo sensors: the ones a Golden Path run generates for itself when no `sensor_id` is given,
 * named `gp-<scenario>-<first 8 hex digits of the correlation id>`. They hold nothing but demo
 * readings, so a demo setting (automatic decisions) may act on them and on nothing else.
 */
export const DEMO_SCENARIOS = ['normal', 'drift', 'anomaly'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

const DEMO_SENSOR = /^gp-(normal|drift|anomaly)-[0-9a-f]{8}$/i;

export function demoSensorId(scenario: DemoScenario, correlationId: string): string {
  return `gp-${scenario}-${correlationId.slice(0, 8)}`;
}

export function isDemoSensor(sensorId: string): boolean {
  return DEMO_SENSOR.test(sensorId);
}
