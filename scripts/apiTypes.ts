import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { buildOpenApi } from '../api/openapi';
import type { RouteDoc } from '../api/route';
import { parseConfig, projectRoot } from '../config';
import { createLogger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';

export const schemaFile = path.join(projectRoot, 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * The API's OpenAPI document as TypeScript types, for the dashboard's openapi-fetch client.
 * Generated from the route schemas by \`npm run api:types\`; do not edit by hand.
 */
`;

/**
 * The route table the server serves, built in-process: building the app only registers routes, so
 * connections that are never opened stand in for the real ones. The OpenAPI document the server
 * publishes at /openapi.json and SECURITY.md's scope matrix are both made from it.
 */
export function openApiRoutes(): RouteDoc[] {
  const never = new Proxy({}, { get: () => () => Promise.reject(new Error('no connection while generating types')) });
  const deps = {
    config: parseConfig({}),
    sql: never,
    redis: never,
    temporal: { connection: never, client: never, taskQueue: 'api-types' },
    logger: createLogger('api-types', 'silent'),
    metrics: createMetrics(),
  } as unknown as AppDeps;
  return createApp(deps).routes;
}

export function openApiDocument(): ReturnType<typeof buildOpenApi> {
  return buildOpenApi(openApiRoutes(), { version: '0.1.0' });
}

/** web/src/api/schema.d.ts as it should read: openapi-typescript's output, formatted by prettier. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { alphabetize: true });
  const options = await prettier.resolveConfig(schemaFile);
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: schemaFile });
}
