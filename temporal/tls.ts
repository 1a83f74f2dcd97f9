import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from '../config';

export type TemporalSecurityConfig = Pick<
  Config,
  'TEMPORAL_TLS_CA_FILE' | 'TEMPORAL_TLS_CERT_FILE' | 'TEMPORAL_TLS_KEY_FILE' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY_FILE'
>;

/**
 * What a production Temporal frontend demands (SECURITY.md): mTLS with a client certificate, and
 * a bearer token for its authorizer / claim mapper. Nothing set: plain gRPC, as the dev server
 * speaks. Files are read at start-up so a missing one fails fast, naming the variable.
 */
export function temporalConnectionSecurity(config: Partial<TemporalSecurityConfig>): { tls?: TLSConfig; apiKey?: string } {
  const read = (variable: keyof TemporalSecurityConfig, file: string | undefined): Buffer | undefined => {
    if (!file) return undefined;
    try {
      return readFileSync(file);
    } catch (err) {
      throw new Error(`${variable}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const ca = read('TEMPORAL_TLS_CA_FILE', config.TEMPORAL_TLS_CA_FILE);
  const crt = read('TEMPORAL_TLS_CERT_FILE', config.TEMPORAL_TLS_CERT_FILE);
  const key = read('TEMPORAL_TLS_KEY_FILE', config.TEMPORAL_TLS_KEY_FILE);
  if (Boolean(crt) !== Boolean(key)) throw new Error('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together');
  const apiKey = read('TEMPORAL_API_KEY_FILE', config.TEMPORAL_API_KEY_FILE)?.toString('utf8').trim();
  const tls: TLSConfig | undefined =
    ca || crt || config.TEMPORAL_TLS_SERVER_NAME
      ? {
          serverRootCACertificate: ca,
          clientCertPair: crt && key ? { crt, key } : undefined,
          serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
        }
      : undefined;
  return { ...(tls ? { tls } : {}), ...(apiKey ? { apiKey } : {}) };
}
