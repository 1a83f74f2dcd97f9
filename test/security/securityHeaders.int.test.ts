import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let adminKey: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
});
afterAll(() => stack.close());

/** The headers every response carries, whatever it is. */
function expectBaseline(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+(.*)/) as [string, string]));
}

describe('security headers on API responses', () => {
  it('marks a response that carries a new API key no-store, with a CSP that allows nothing', async () => {
    const res = await stack.request('/api/v1/admin/api-keys', {
      method: 'POST',
      key: adminKey,
      json: { name: 'headers test', scopes: ['data:read'] },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).key).toMatch(/^sm_/);
    expectBaseline(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('sends the same headers on a read and on a problem+json error', async () => {
    const read = await stack.request('/api/v1/sensors/sensors', { key: adminKey });
    expect(read.status).toBe(200);
    expectBaseline(read);
    expect(read.headers.get('cache-control')).toBe('no-store');

    const missing = await stack.request('/api/v1/no-such-route', { key: adminKey });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expectBaseline(missing);
    expect(missing.headers.get('cache-control')).toBe('no-store');

    const unauthenticated = await stack.request('/api/v1/sensors/sensors');
    expect(unauthenticated.status).toBe(401);
    expectBaseline(unauthenticated);
    expect(unauthenticated.headers.get('cache-control')).toBe('no-store');
  });
});

describe('security headers on the dashboard', () => {
  it('serves index.html with a strict CSP naming a fresh nonce, which the page carries in its csp-nonce meta tag', async () => {
    const [a, b] = await Promise.all([stack.request('/'), stack.request('/explorer')]);
    const nonces: string[] = [];
    for (const res of [a, b]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expectBaseline(res);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('form-action')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      const nonce = /^'self' 'nonce-([A-Za-z0-9+/=]{24})'$/.exec(csp.get('style-src') ?? '')?.[1];
      expect(nonce).toBeDefined();
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await res.text();
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(html).not.toContain('SM_CSP_NONCE_PLACEHOLDER');
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('sends the baseline headers with the static assets', async () => {
    const html = await (await stack.request('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await stack.request(script);
    expect(res.status).toBe(200);
    expectBaseline(res);
    expect((await res.text()).length).toBeGreaterThan(1000);
  });
});

describe('security headers on /docs', () => {
  it('serves Swagger UI with its own CSP, without framing, and without persisting the authorization', async () => {
    const res = await stack.request('/docs');
    expect(res.status).toBe(200);
    expectBaseline(res);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const init = await (await stack.request('/docs/init.js')).text();
    expect(init).toContain('persistAuthorization: false');
  });
});
