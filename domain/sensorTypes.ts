/**
 * The sensor types the platform understands, with their canonical unit and the physically
 * plausible range the validation agent enforces. A reading outside the range is not rejected at
 * the API (it may be a real fault) but is flagged and quarantined by validation.
 */
export const SENSOR_TYPES = {
  temperature: { unit: '°C', min: -60, max: 400 },
  air_temperature: { unit: 'K', min: 250, max: 350 },
  process_temperature: { unit: 'K', min: 250, max: 400 },
  vibration: { unit: 'mm/s', min: 0, max: 200 },
  pressure: { unit: 'bar', min: 0, max: 1000 },
  humidity: { unit: '%', min: 0, max: 100 },
  voltage: { unit: 'V', min: 0, max: 1000 },
  current: { unit: 'A', min: 0, max: 1000 },
  power: { unit: 'kW', min: 0, max: 10000 },
  flow: { unit: 'L/min', min: 0, max: 100000 },
  rotational_speed: { unit: 'rpm', min: 0, max: 20000 },
  torque: { unit: 'Nm', min: 0, max: 5000 },
  tool_wear: { unit: 'min', min: 0, max: 10000 },
  acoustic: { unit: 'dB', min: 0, max: 200 },
} as const;

export type SensorType = keyof typeof SENSOR_TYPES;
export const sensorTypeNames = Object.keys(SENSOR_TYPES) as [SensorType, ...SensorType[]];

/**
 * Sensor identifiers: a letter or digit, then letters, digits, `_`, `-`, `.` or `:`, at most 64
 * characters. Anything else (spaces, quotes, semicolons) is rejected at the edge.
 */
export const SENSOR_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
