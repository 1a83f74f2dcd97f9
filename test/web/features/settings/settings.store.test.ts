import { describe, expect, it } from 'vitest';
import { localeFromBrowser, readerTimeZone, readSettings, SITE_TIME_ZONE } from '../../../../web/src/features/settings/settings.store';

describe('localeFromBrowser', () => {
  it('chooses pt-BR for any Portuguese browser language and English otherwise', () => {
    expect(localeFromBrowser(['pt-BR'])).toBe('pt-BR');
    expect(localeFromBrowser(['pt-PT', 'en'])).toBe('pt-BR');
    expect(localeFromBrowser(['en-US', 'pt'])).toBe('pt-BR');
    expect(localeFromBrowser(['de-DE', 'fr'])).toBe('en');
    expect(localeFromBrowser([])).toBe('en');
  });
});

describe('readerTimeZone', () => {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  it('follows the page’s site with the "site" setting, and the browser on a page about no site', () => {
    expect(readerTimeZone({ timeZone: SITE_TIME_ZONE }, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(readerTimeZone({ timeZone: SITE_TIME_ZONE }, '')).toBe(browser);
  });

  it('keeps an explicit zone or the browser’s whatever the page’s site', () => {
    expect(readerTimeZone({ timeZone: 'Europe/Lisbon' }, 'Asia/Tokyo')).toBe('Europe/Lisbon');
    expect(readerTimeZone({ timeZone: '' }, 'Asia/Tokyo')).toBe(browser);
  });
});

describe('readSettings', () => {
  const store = (entries: Record<string, string>) => ({
    getItem: (k: string) => entries[k] ?? null,
    setItem: () => {},
    removeItem: () => {},
  });
  const base = { apiKey: '', rememberKey: false, locale: 'en', timeZone: '', theme: 'light' } as const;
  it('keeps the "site" choice across reloads and drops a zone that is not one', () => {
    const saved = (timeZone: string) => store({ 'smart-maintenance.settings': JSON.stringify({ timeZone }) });
    expect(readSettings(saved(SITE_TIME_ZONE), store({}), base).timeZone).toBe(SITE_TIME_ZONE);
    expect(readSettings(saved('Nowhere/Town'), store({}), base).timeZone).toBe('');
  });
});
