/**
 * Readings every ingest path must refuse (REST single and batch, CSV, the demo generators), with
 * the field the refusal names. Values are ones both JSON and a CSV cell can carry, so the same
 * reading can be sent down each path. `now` is the ingest time the paths will use.
 */
export function badReadings(sensorId: string, now: Date) {
  const dayAhead = new Date(now.getTime() + 86_400_000).toISOString();
  return [
    { name: 'a far-future timestamp', json: { sensor_id: sensorId, value: 1, timestamp: dayAhead }, field: 'timestamp' },
    { name: 'a pre-epoch timestamp', json: { sensor_id: sensorId, value: 1, timestamp: '1969-12-31T00:00:00Z' }, field: 'timestamp' },
    { name: 'an unknown sensor type', json: { sensor_id: sensorId, value: 1, sensor_type: 'warp_core' }, field: 'sensor_type' },
    { name: 'quality above 1', json: { sensor_id: sensorId, value: 1, quality: 1.5 }, field: 'quality' },
    { name: 'a non-finite value', json: { sensor_id: sensorId, value: 'NaN' }, field: 'value' },
  ];
}

/** The CSV columns the readings above use, and one reading as a CSV line of them. */
export const BAD_READING_COLUMNS = ['sensor_id', 'value', 'timestamp', 'sensor_type', 'quality'];
export const csvCells = (json: Record<string, unknown>) => BAD_READING_COLUMNS.map((h) => String(json[h] ?? ''));
