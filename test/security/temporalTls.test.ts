import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporalConnectionSecurity } from '../../temporal/tls';

/**
 * Issue #22, done-when: "what the Temporal dev server's lack of authentication means and how
 * production closes it (mTLS and Temporal's authorizer)". The API and the worker can now present
 * a client certificate and a bearer token; without settings they speak plain gRPC (dev server).
 */
describe('temporalConnectionSecurity', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sm-tls-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('uses plain gRPC when nothing is configured (the dev server)', () => {
    expect(temporalConnectionSecurity({})).toEqual({});
  });

  it('presents the client certificate pair, trusts the given CA and sends the authorizer token', () => {
    const security = temporalConnectionSecurity({
      TEMPORAL_TLS_CA_FILE: file('ca.pem', 'CA'),
      TEMPORAL_TLS_CERT_FILE: file('client.pem', 'CERT'),
      TEMPORAL_TLS_KEY_FILE: file('client.key', 'KEY'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
      TEMPORAL_API_KEY_FILE: file('token', 'eyJ.token.sig\n'),
    });
    expect(security.tls?.serverRootCACertificate?.toString()).toBe('CA');
    expect(security.tls?.clientCertPair?.crt.toString()).toBe('CERT');
    expect(security.tls?.clientCertPair?.key.toString()).toBe('KEY');
    expect(security.tls?.serverNameOverride).toBe('temporal-frontend');
    expect(security.apiKey).toBe('eyJ.token.sig');
  });

  it('fails at start-up naming the variable when a file is missing or half a pair is set', () => {
    expect(() => temporalConnectionSecurity({ TEMPORAL_TLS_CA_FILE: path.join(dir, 'nope.pem') })).toThrow(
      /TEMPORAL_TLS_CA_FILE: cannot read/,
    );
    expect(() => temporalConnectionSecurity({ TEMPORAL_TLS_CERT_FILE: file('only.pem', 'CERT') })).toThrow(/go together/);
  });
});
