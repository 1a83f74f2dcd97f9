import { describe, expect, it } from 'vitest';
import { BEGIN, END, renderMatrix, renderSecurityDocument, withMatrix } from '../../scripts/securityMatrix';
import { openApiRoutes } from '../../scripts/apiTypes';

/**
 * Issue #22, done-when: "SECURITY.md: the threat model (who may do what: the scope → action
 * matrix, generated from the route table, not written by hand)".
 */
describe('SECURITY.md scope matrix', () => {
  it('matches the route table (run `npm run security:matrix` after changing a route or its scopes)', async () => {
    const { current, expected } = await renderSecurityDocument();
    expect(current).toBe(expected);
  }, 30_000);

  it('lists every API route once, with the scopes the router enforces', () => {
    const routes = openApiRoutes();
    const matrix = renderMatrix(routes);
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(matrix.split('\n').filter((l) => l.startsWith(`| ${r.method.toUpperCase()} | \`${path}\` |`))).toHaveLength(1);
    }
    expect(matrix).toMatch(/\| PATCH \| `\/api\/v1\/maintenance\/orders\/\{id\}` \| `maintenance:schedule`/);
    expect(matrix).toMatch(/\| GET \| `\/api\/v1\/admin\/whoami` \| any valid key \|/);
    expect(matrix).toMatch(/\| GET \| `\/api\/v1\/health` \| public \|/);
  });

  it('notices a hand edit of the generated section', () => {
    const doc = `intro\n${BEGIN}\nold\n${END}\noutro`;
    expect(withMatrix(doc, `${BEGIN}\nnew\n${END}`)).toBe(`intro\n${BEGIN}\nnew\n${END}\noutro`);
    expect(() => withMatrix('no markers', 'x')).toThrow(/markers/);
  });
});
