import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings, type KeyValueStore, type Settings } from '../../../web/src/features/settings/settings.store';

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const base: Settings = { apiKey: '', rememberKey: false, locale: 'en', timeZone: '', theme: 'light' };
const LOCAL = 'smart-maintenance.settings';
const SESSION = 'smart-maintenance.apiKey';

function stores() {
  return { local: new MemoryStore(), session: new MemoryStore() };
}

describe('settings storage', () => {
  it('keeps the API key out of localStorage unless it is remembered', () => {
    const { local, session } = stores();
    writeSettings({ ...base, apiKey: 'sm_secret', locale: 'pt-BR' }, local, session);
    expect(JSON.parse(local.getItem(LOCAL)!)).toEqual({ rememberKey: false, locale: 'pt-BR', timeZone: '', theme: 'light' });
    expect(session.getItem(SESSION)).toBe('sm_secret');
    expect(readSettings(local, session, base)).toEqual({ ...base, apiKey: 'sm_secret', locale: 'pt-BR' });
  });

  it('writes the key to localStorage only when remember on this device is ticked, and moves it back when unticked', () => {
    const { local, session } = stores();
    writeSettings({ ...base, apiKey: 'sm_secret', rememberKey: true }, local, session);
    expect(JSON.parse(local.getItem(LOCAL)!)).toMatchObject({ apiKey: 'sm_secret', rememberKey: true });
    expect(session.getItem(SESSION)).toBeNull();
    // A new browser session: sessionStorage is empty, the remembered key is still there.
    expect(readSettings(local, new MemoryStore(), base)).toMatchObject({ apiKey: 'sm_secret', rememberKey: true });

    writeSettings({ ...base, apiKey: 'sm_secret', rememberKey: false }, local, session);
    expect(local.getItem(LOCAL)).not.toContain('sm_secret');
    expect(session.getItem(SESSION)).toBe('sm_secret');
  });

  it('forgets the key everywhere', () => {
    const { local, session } = stores();
    writeSettings({ ...base, apiKey: 'sm_secret', rememberKey: true }, local, session);
    writeSettings({ ...base, apiKey: '', rememberKey: true }, local, session);
    expect(local.getItem(LOCAL)).not.toContain('sm_secret');
    expect(session.getItem(SESSION)).toBeNull();
  });

  it('takes over a key stored before the choice existed, and the next write moves it to sessionStorage', () => {
    const { local, session } = stores();
    local.setItem(LOCAL, JSON.stringify({ apiKey: 'sm_legacy', locale: 'pt-BR', theme: 'dark' }));
    const loaded = readSettings(local, session, base);
    expect(loaded).toEqual({ apiKey: 'sm_legacy', rememberKey: false, locale: 'pt-BR', timeZone: '', theme: 'dark' });
    writeSettings(loaded, local, session);
    expect(local.getItem(LOCAL)).not.toContain('sm_legacy');
    expect(session.getItem(SESSION)).toBe('sm_legacy');
  });
});
