import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../db/decisions';
import { parse } from 'csv-parse/sync';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read', 'workflows:read', 'reports:generate']);
});
afterAll(() => stack.close());

/** Splits CSV text as a spreadsheet would (a parser other than the one under test). */
const readCsv = (csv: string) => (parse(csv, { relax_column_count: true }) as string[][]).map((fields) => ({ fields }));

/** What a spreadsheet evaluates: a cell starting with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Each field of a CSV body, as a spreadsheet would split it. */
function fields(csv: string): string[] {
  return readCsv(csv).flatMap((r) => r.fields);
}

function expectNoFormulaCell(csv: string): void {
  const formulas = fields(csv).filter((f) => FORMULA_START.test(f));
  expect(formulas).toEqual([]);
}

describe('CSV exports with formula payloads stored in the data', () => {
  it('defuses a reading unit and metadata in the readings CSV', async () => {
    const sensorId = `csvi-${randomUUID().slice(0, 8)}`;
    const unit = `-1+cmd|' /C calc'!A0`;
    const metadata = { note: `=HYPERLINK("http://evil.example","x")` };
    const ingested = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      json: { sensor_id: sensorId, value: 2.5, unit, metadata },
    });
    expect(ingested.status).toBe(200);
    const ingested2 = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      json: { sensor_id: sensorId, value: 3.5, unit: `\t@SUM(1+1)*cmd|' /C calc'!A0` },
    });
    expect(ingested2.status).toBe(200);

    const res = await stack.request(`/api/v1/sensors/readings?sensor_id=${sensorId}`, { key, headers: { Accept: 'text/csv' } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expectNoFormulaCell(csv);
    const [header, ...rows] = readCsv(csv).map((r) => r.fields);
    const col = (name: string) => header!.indexOf(name);
    const byValue = new Map(rows.map((r) => [r[col('value')], r]));
    expect(byValue.get('2.5')![col('unit')]).toBe(`'${unit}`);
    expect(JSON.parse(byValue.get('2.5')![col('metadata')]!)).toEqual(metadata);
    expect(byValue.get('3.5')![col('unit')]).toBe(`'\t@SUM(1+1)*cmd|' /C calc'!A0`);
    // Numbers stay numbers.
    expect(csv).toContain(',2.5,');
  });

  it('defuses a decision justification in the decisions CSV and in a run report CSV artifact', async () => {
    const workflowId = `csvi-run-${randomUUID().slice(0, 8)}`;
    // A minus and a digit: the shape the old guard let through.
    const justification = `-2+3+cmd|' /C calc'!A0`;
    const operatorId = `=DDE("cmd";"/C calc";"!A0")`;
    const requestId = `req-${randomUUID()}`;
    await recordDecision(
      {
        requestId,
        decision: 'approved',
        operatorId,
        justification,
        workflowId,
        source: 'api',
        dedupKey: `csvi:${requestId}`,
      },
      stack.sql,
    );

    const decisions = await stack.request(`/api/v1/decisions?request_id=${requestId}&format=csv`, { key });
    expect(decisions.status).toBe(200);
    expect(decisions.headers.get('content-type')).toContain('text/csv');
    const decisionsCsv = await decisions.text();
    expectNoFormulaCell(decisionsCsv);
    expect(fields(decisionsCsv)).toEqual(expect.arrayContaining([`'${justification}`, `'${operatorId}`]));

    const generated = await stack.request('/api/v1/reports/generate', {
      method: 'POST',
      key,
      json: { report_type: 'workflow_run', workflow_id: workflowId },
    });
    expect(generated.status).toBe(201);
    const report = await generated.json();
    const artifact = await stack.request(report.artifacts.csv, { key });
    expect(artifact.status).toBe(200);
    expect(artifact.headers.get('content-type')).toContain('text/csv');
    const reportCsv = await artifact.text();
    expectNoFormulaCell(reportCsv);
    expect(fields(reportCsv)).toEqual(expect.arrayContaining([`'${justification}`, `'${operatorId}`]));
  });
});
