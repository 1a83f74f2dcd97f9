/**
 * What the API reads about sensors and their readings. Plain queries today, re-exported so that
 * routes depend on the use-case layer and a rule added here (tenancy, masking) reaches every caller.
 */
export { listReadings } from '../db/readings';
export { listSensors } from '../db/sensors';
export { sensorHistory, sensorWindow } from '../db/quality';
