import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiDocument, renderApiTypes, schemaFile } from '../../scripts/apiTypes';

describe('generated API types', () => {
  it('web/src/api/schema.d.ts matches the route schemas (run `npm run api:types` after changing a route)', async () => {
    const committed = await readFile(schemaFile, 'utf8');
    expect(committed === (await renderApiTypes()), 'schema.d.ts is stale: run `npm run api:types`').toBe(true);
  });

  it('types the success answer of every JSON route', () => {
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(openApiDocument().paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const responses = (op as { responses: Record<string, { content?: unknown }> }).responses;
        const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        // A browser redirect (the OpenID Connect sign-in) answers no JSON at all.
        const redirectOnly = success.length === 0 && Object.keys(responses).some((status) => status.startsWith('3'));
        if (redirectOnly) continue;
        if (success.length === 0 || success.some(([, r]) => r.content === undefined)) untyped.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});
