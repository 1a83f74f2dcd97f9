import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

/** The OpenAPI document shows the original system's fields and bodies beside today's (issue 16). */
let stack: TestStack;
type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; $ref?: string };
let doc: { paths: Record<string, Record<string, Record<string, unknown>>> };

beforeAll(async () => {
  stack = await startTestStack();
  doc = await (await stack.request('/api/v1/openapi.json')).json();
});
afterAll(() => stack.close());

/** Every property name anywhere in a schema (through arrays and unions), to the given depth. */
function names(s: Schema | undefined, depth = 3): Set<string> {
  const out = new Set<string>();
  if (!s || depth < 0) return out;
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.add(k);
    for (const n of names(v, depth - 1)) out.add(`${k}.${n}`);
  }
  for (const sub of [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const n of names(sub, depth)) out.add(n);
  return out;
}
const content = (x: unknown) => (x as { content: Record<string, { schema: Schema }> }).content['application/json']!.schema;
const answer = (path: string, method: string, status: string) =>
  names(content((doc.paths[`/api/v1${path}`]![method]!.responses as Record<string, unknown>)[status]));
const body = (path: string) => names(content(doc.paths[`/api/v1${path}`]!.post!.requestBody));

describe("the OpenAPI document (original and today's fields)", () => {
  it.each([
    ['/data/ingest', 'post', '200', ['reading', 'event_id', 'sensor_id', 'correlation_id']],
    ['/sensors/readings', 'get', '200', ['metadata', 'sensor_metadata', 'ingested_at', 'ingestion_timestamp']],
    ['/ml/models', 'get', '200', ['models', 'count', 'models.versions.current_stage', 'models.versions.stage']],
    ['/ml/models/{name}/versions', 'get', '200', ['model_name', 'versions.version', 'versions.current_stage', 'versions.stage']],
    ['/ml/models/{name}/latest', 'get', '200', ['resolved_version', 'version', 'current_stage', 'model_name']],
    ['/ml/predict', 'post', '200', ['model_info.name', 'model_info.model_name', 'model_info.version', 'model_info.model_version']],
    ['/ml/predict/batch', 'post', '200', ['predictions.probability', 'predictions.model_info.model_name', 'count']],
    ['/ml/check_drift', 'post', '200', ['recent', 'recent_count', 'reference', 'baseline_count', 'timestamp', 'evaluated_at']],
    ['/ml/detect_anomaly', 'post', '200', ['anomalies', 'anomalies_detected', 'anomalies_detected.sensor_id', 'analysis_timestamp']],
    [
      '/maintenance/scheduled',
      'get',
      '200',
      ['window_start', 'scheduled_start_time', 'technician_id', 'assigned_technician_id', 'correlation_id'],
    ],
    ['/maintenance/schedule', 'post', '201', ['correlation_id', 'report', 'maintenance_type']],
    ['/simulate/drift-event', 'post', '200', ['readings_ingested', 'events_generated', 'simulation_id', 'message']],
    ['/reports/generate', 'post', '200', ['id', 'report_id', 'body', 'content', 'created_at', 'generated_at', 'metadata']],
  ])('%s %s answers both names', (path, method, status, fields) => {
    const got = answer(path, method, status);
    for (const f of fields) expect(got, f).toContain(f);
  });

  it.each([
    ['/ml/detect_anomaly', ['readings', 'sensor_readings', 'sensitivity']],
    ['/simulate/drift-event', ['noise', 'noise_level', 'drift_magnitude']],
    ['/simulate/normal-data', ['interval_seconds', 'duration_minutes']],
    ['/reports/generate', ['report_type', 'format', 'parameters.detail_level']],
    [
      '/maintenance/schedule',
      [
        'failure_probability',
        'equipment_id',
        'predicted_failure_date',
        'time_to_failure_days',
        'maintenance_type',
        'prediction_confidence',
        'include_report',
        'correlation_id',
      ],
    ],
    ['/ml/predict/batch', ['rows', 'rows.Torque_Nm', 'model_name']],
  ])('%s takes the original body', (path, fields) => {
    const got = body(path);
    for (const f of fields) expect(got, f).toContain(f);
  });

  it('documents the day filters of /decisions and the correlation filter of /maintenance/scheduled', () => {
    const params = (p: string) => (doc.paths[`/api/v1${p}`]!.get!.parameters as { name: string }[]).map((x) => x.name);
    expect(params('/decisions')).toEqual(expect.arrayContaining(['start_date', 'end_date', 'from', 'to']));
    expect(params('/maintenance/scheduled')).toEqual(expect.arrayContaining(['correlation_id', 'limit']));
  });
});
