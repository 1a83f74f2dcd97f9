import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { buildOpenApi } from '../../api/openapi';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 22: a NUL byte in the `operator_id`, `request_id` or `technician` query filters was a 500.
 * This walks every query parameter of every route, from the route table through the same
 * OpenAPI document clients see, and sends values PostgreSQL and the schemas must cope with.
 */

// Raw (already percent-encoded) so values a URL encoder refuses, such as a lone surrogate, go out too.
const PAYLOADS = [
  '%00',
  'a%00b',
  '%ED%A0%80', // a UTF-16 surrogate encoded as UTF-8 (CESU-8): invalid UTF-8
  '%uD800',
  '%', // a broken escape
  'x'.repeat(10_240),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('1; DROP TABLE sensors; --'),
  encodeURIComponent('\\x00'),
  '-1',
  '-99999999999999999999',
  '99999999999999999999999',
  '1e308',
  'NaN',
  '0x7fffffff',
  encodeURIComponent('275760-09-13T00:00:00Z'),
  encodeURIComponent('0000-01-01T00:00:00+14:00'),
  '',
];

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: { format?: string; pattern?: string };
}

let stack: TestStack;
let key: string;
let operations: { method: string; path: string; params: Param[] }[];

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: '1000000', WORKFLOW_STARTS_PER_HOUR: '1000000' });
  key = await stack.key(['admin']);
  const { routes } = createApp({
    config: stack.config,
    sql: stack.sql,
    redis: stack.redis,
    temporal: stack.temporal,
    logger: createLogger('fuzz', 'silent'),
    metrics: createMetrics(),
  });
  const doc = buildOpenApi(routes, { version: 'fuzz' }) as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [] })),
  );
});
afterAll(() => stack.close());

/** A path with plausible values in its placeholders, so the query is what reaches the handler. */
function fill(path: string, params: Param[], override?: { name: string; raw: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override?.name === name) return override.raw;
    const p = params.find((x) => x.name === name);
    return p?.schema.format === 'uuid' ? randomUUID() : 'fuzz-1';
  });
}

async function send(method: string, url: string): Promise<number> {
  const res = await fetch(stack.baseUrl + url, { method, headers: { 'X-API-Key': key } });
  await res.arrayBuffer();
  return res.status;
}

describe('finding: a NUL byte in a query filter is a 500', () => {
  it('walks a route table with the filters the finding named', () => {
    const names = operations.flatMap((o) => o.params.filter((p) => p.in === 'query').map((p) => p.name));
    expect(names).toEqual(expect.arrayContaining(['operator_id', 'request_id', 'technician', 'sensor_id', 'limit']));
  });

  it('answers every bad value of every query parameter of every route with a 4xx, never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const param of op.params.filter((p) => p.in === 'query')) {
        for (const raw of PAYLOADS) {
          const url = `${fill(op.path, op.params)}?${param.name}=${raw}`;
          const status = await send(op.method, url);
          sent += 1;
          if (status >= 500) failures.push(`${status} ${op.method} ${url.slice(0, 120)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('answers a NUL byte in any path parameter with a 4xx', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const param of op.params.filter((p) => p.in === 'path')) {
        const status = await send(op.method, fill(op.path, op.params, { name: param.name, raw: 'a%00b' }));
        if (status >= 500) failures.push(`${status} ${op.method} ${op.path} (${param.name})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the filter and says why, as problem+json 422, for the three filters of the finding', async () => {
    for (const url of [
      '/api/v1/decisions?operator_id=eva%00',
      '/api/v1/decisions?request_id=req%00',
      '/api/v1/maintenance/scheduled?technician=tech%00',
    ]) {
      const res = await fetch(stack.baseUrl + url, { headers: { 'X-API-Key': key } });
      expect(res.status, url).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const field = new URL(stack.baseUrl + url).searchParams.keys().next().value;
      expect((await res.json()).errors).toEqual([expect.objectContaining({ field: `query.${field}` })]);
    }
  });
});
