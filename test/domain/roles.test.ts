import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { ROLES, ROLE_SCOPES, scopesForRoles } from '../../domain/roles';
import { hasScopes } from '../../domain/scopes';

/** The documented role table row, as README and SECURITY.md must show it. */
const row = (role: (typeof ROLES)[number]) => `| \`${role}\` | ${ROLE_SCOPES[role].map((s) => `\`${s}\``).join(', ')} |`;

describe('roles', () => {
  it.each(['README.md', 'SECURITY.md'])('are documented in %s exactly as the code grants them', (file) => {
    const text = readFileSync(path.join(projectRoot, file), 'utf8');
    for (const role of ROLES) expect(text, role).toContain(row(role));
  });

  it('let an operator decide but not schedule, and a planner schedule but not decide', () => {
    expect(hasScopes(scopesForRoles(['operator']), ['decisions:write'])).toBe(true);
    expect(hasScopes(scopesForRoles(['operator']), ['maintenance:schedule'])).toBe(false);
    expect(hasScopes(scopesForRoles(['planner']), ['maintenance:schedule'])).toBe(true);
    expect(hasScopes(scopesForRoles(['planner']), ['decisions:write'])).toBe(false);
    expect(hasScopes(scopesForRoles(['viewer']), ['workflows:write'])).toBe(false);
  });

  it('combine roles as the union of their scopes, without repeats', () => {
    const both = scopesForRoles(['planner', 'operator']);
    expect(new Set(both).size).toBe(both.length);
    expect(hasScopes(both, ['maintenance:schedule', 'decisions:write'])).toBe(true);
  });
});
