import { z } from 'zod';
import type { RouteDoc } from './route';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    request_id: { type: 'string' },
    detail_code: { type: 'string', description: 'The case `detail` was built from, for clients that show it in their own words' },
    detail_params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string' },
          message: { type: 'string', description: 'English' },
          code: { type: 'string', description: 'Machine code of the message (absent when the server has none for it)' },
          params: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

/** The OpenAPI 3.1 document, generated from the same schemas that validate the requests. */
export function buildOpenApi(routes: RouteDoc[], info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path, spec } of routes) {
    const oaPath = path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    if (spec.params) {
      const ps = jsonSchema(spec.params, 'input') as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(ps.properties ?? {})) parameters.push({ name, in: 'path', required: true, schema });
    }
    if (spec.query) {
      const qs = jsonSchema(spec.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {})) {
        parameters.push({ name, in: 'query', required: qs.required?.includes(name) ?? false, schema });
      }
    }
    for (const [name, h] of Object.entries(spec.headers ?? {})) {
      parameters.push({ name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } } } : {}),
      };
    }
    responses.default = {
      description: 'Problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    const bodyContentType = spec.bodyKinds?.includes('csv') ? 'text/csv' : 'application/json';
    paths[oaPath] ??= {};
    paths[oaPath][method] = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${method}${oaPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(spec.scopes ? { security: [{ ApiKey: spec.scopes }], 'x-required-scopes': spec.scopes } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { [bodyContentType]: { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Smart Maintenance API',
      version: info.version,
      description: 'Predictive and prescriptive maintenance on durable Temporal workflows. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    components: {
      securitySchemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      schemas: { Problem: problemSchema },
    },
    security: [{ ApiKey: [] }],
    paths,
  };
}
