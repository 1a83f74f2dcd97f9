import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killAllServices, spawnService, startApiProcess } from '../support/processes';
import { call, seedKey, serviceEnv } from '../reliability/harness';

/**
 * Issue #22, abuse and lifecycle, through the real api/server.ts: a seeded key revoked through the
 * API stays revoked across a restart and the start-up log names it (never its key); a weak seed
 * stops the start with an error naming the entry (never its key).
 */

afterAll(() => killAllServices());

describe('API start-up with API_KEYS', () => {
  it('keeps a revoked seeded key revoked after a restart and warns by name', async () => {
    const admin = seedKey('startup-admin', ['admin']);
    const victim = seedKey('startup-victim', ['data:read']);
    const victimName = victim.entry.split('=')[0]!;
    const api = await startApiProcess(serviceEnv('seedrestart', { API_KEYS: [admin.entry, victim.entry].join(';'), LOG_LEVEL: 'info' }));
    expect((await call(`${api.baseUrl}/api/v1/sensors/sensors`, { key: victim.key })).status).toBe(200);
    const keys = JSON.parse((await call(`${api.baseUrl}/api/v1/admin/api-keys`, { key: admin.key })).text) as {
      id: string;
      name: string;
    }[];
    const id = keys.find((k) => k.name === victimName)!.id;
    expect((await call(`${api.baseUrl}/api/v1/admin/api-keys/${id}`, { method: 'DELETE', key: admin.key })).status).toBe(200);

    await api.restart();
    expect((await call(`${api.baseUrl}/api/v1/sensors/sensors`, { key: victim.key })).status).toBe(401);
    const warning = api
      .output()
      .split('\n')
      .find((l) => l.includes('stays revoked'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, key_name: victimName });
    expect(api.output()).not.toContain(victim.key);
  });

  it('refuses to start on a weak seeded key, naming the entry and not the key', async () => {
    const weak = 'short-key-123';
    const proc = spawnService(
      'api/server.ts',
      serviceEnv('seedweak', { API_KEYS: `weak-entry=${weak}@admin`, API_PORT: String(await freePort()), METRICS_PORT: '0' }),
    );
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('API_KEYS entry "weak-entry" has a weak key');
    expect(proc.output()).not.toContain(weak);
  });
});
