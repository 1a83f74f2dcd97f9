import type { SensorType } from './sensors.api';

/** A sensible unit to prefill per sensor type; SI symbols are the same in both languages. */
export const defaultUnits: Record<SensorType, string> = {
  temperature: '°C',
  air_temperature: 'K',
  process_temperature: 'K',
  vibration: 'mm/s',
  pressure: 'bar',
  humidity: '%',
  voltage: 'V',
  current: 'A',
  power: 'kW',
  flow: 'L/min',
  rotational_speed: 'rpm',
  torque: 'Nm',
  tool_wear: 'min',
  acoustic: 'dB',
};
