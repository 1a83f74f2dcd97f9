import { describe, expect, it } from 'vitest';
import { matchPath } from '../../../web/src/router/matcher';

describe('matchPath', () => {
  it('matches static paths and extracts decoded parameters', () => {
    expect(matchPath('/workflows', '/workflows')).toEqual({});
    expect(matchPath('/workflows/:id', '/workflows/golden-path%2F42')).toEqual({ id: 'golden-path/42' });
  });

  it('rejects paths with other segments or lengths', () => {
    expect(matchPath('/workflows/:id', '/workflows')).toBeUndefined();
    expect(matchPath('/reports', '/debug')).toBeUndefined();
  });
});
