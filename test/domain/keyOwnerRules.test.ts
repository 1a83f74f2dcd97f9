import { describe, expect, it } from 'vitest';
import { approvalRefusal } from '../../domain/approvalPolicy';
import { ROLE_SCOPES } from '../../domain/roles';
import { effectiveScopes } from '../../domain/scopes';

/** Issue #18: what a user's key may do (key ∩ role), and who may give a four-eyes approval. */
describe('effectiveScopes', () => {
  it("bounds a key by its owner's role, `admin` on either side standing for every scope", () => {
    expect(new Set(effectiveScopes(['admin'], ROLE_SCOPES.planner))).toEqual(new Set(ROLE_SCOPES.planner));
    expect(effectiveScopes(['data:read', 'decisions:write'], ROLE_SCOPES.planner)).toEqual(['data:read']);
    expect(effectiveScopes(['data:read', 'decisions:write'], ROLE_SCOPES.admin)).toEqual(['data:read', 'decisions:write']);
    expect(effectiveScopes(['admin'], ROLE_SCOPES.admin)).toEqual(['admin']);
    expect(effectiveScopes(['governance:write'], ROLE_SCOPES.engineer)).toEqual([]);
    expect(effectiveScopes(['not-a-scope', 'data:read'], ROLE_SCOPES.viewer)).toEqual(['data:read']);
  });
});

describe('approvalRefusal and service accounts', () => {
  const fourEyes = { engineer: true, approvals: 2 as const };
  const ana = { kind: 'user', key_id: 'ana', roles: ['engineer'] };
  const service = { kind: 'api_key', key_id: 'erp' };

  it('lets a service account approve first (as before) but never second', () => {
    expect(approvalRefusal(fourEyes, service, null)).toBeNull();
    expect(approvalRefusal(fourEyes, service, ana)).toMatch(/^second_approver_required:/);
    expect(approvalRefusal(undefined, service, ana)).toBeNull();
  });

  it('still refuses the same person twice and takes a different engineer', () => {
    expect(approvalRefusal(fourEyes, ana, ana)).toMatch(/^second_approver_required:/);
    expect(approvalRefusal(fourEyes, { kind: 'user', key_id: 'carla', roles: ['engineer'] }, ana)).toBeNull();
  });
});
