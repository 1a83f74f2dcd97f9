import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setTimeZone } from '../../../web/src/plugins/i18n';
import { toIsoOrUndefined, toLocalInput } from '../../../web/src/features/explorer/explorer.store';
import { readerTimeZone, readSettings, useSettingsStore } from '../../../web/src/features/settings/settings.store';
import { browserTimeZone } from '../../../web/src/browser/zonedTime';

/** The technician window's start in a Golden Path message: 21:00 UTC is 18:00 in São Paulo. */
const windowStart = new Date('2026-12-04T21:00:00.000Z');

afterEach(() => {
  setTimeZone('');
  i18n.global.locale.value = 'en';
});

describe('the time zone setting', () => {
  it('formats every date in the chosen zone, in the chosen language', () => {
    // The language alone (setLocale also sets <html lang>, which needs a DOM).
    i18n.global.locale.value = 'pt-BR';
    setTimeZone('America/Sao_Paulo');
    expect(i18n.global.d(windowStart, 'zoned')).toBe('04/12/2026, 18:00 BRT');
    expect(i18n.global.d(windowStart, 'time')).toBe('18:00:00');
    setTimeZone('Europe/Lisbon');
    // The cached formatters are replaced, not reused from the previous zone.
    // (The zone's abbreviation is ICU's choice, WET or GMT+0 by version.)
    expect(i18n.global.d(windowStart, 'zoned')).toMatch(/^04\/12\/2026, 21:00 \S+$/);
    expect(i18n.global.d(windowStart, 'short')).toBe('04/12/2026, 21:00');
    i18n.global.locale.value = 'en';
    expect(i18n.global.d(windowStart, 'short')).toBe('12/04/2026, 09:00 PM');
  });

  it('goes back to the browser zone when the choice is cleared', () => {
    setTimeZone('Asia/Kolkata');
    expect(readerTimeZone()).toBe('Asia/Kolkata');
    setTimeZone('');
    expect(readerTimeZone()).toBe(browserTimeZone());
    expect(i18n.global.d(windowStart, 'time')).toBe(
      new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(windowStart),
    );
  });

  it('reads and writes the date-and-time fields on the chosen clock', () => {
    setTimeZone('America/Sao_Paulo');
    expect(toIsoOrUndefined('2026-12-04T18:00:00')).toBe('2026-12-04T21:00:00.000Z');
    expect(toLocalInput(windowStart)).toBe('2026-12-04T18:00:00');
    setTimeZone('Europe/Lisbon');
    expect(toIsoOrUndefined('2026-12-04T18:00:00')).toBe('2026-12-04T18:00:00.000Z');
    expect(toIsoOrUndefined('')).toBeUndefined();
  });

  it('is kept with the other settings, and an unknown zone falls back to the browser', () => {
    setTimeZone('Europe/Lisbon');
    expect(useSettingsStore().timeZone).toBe('Europe/Lisbon');
    const store = (saved: object) => ({ getItem: () => JSON.stringify(saved), setItem: () => {}, removeItem: () => {} });
    const base = { apiKey: '', rememberKey: false, locale: 'en' as const, timeZone: '', theme: 'light' as const };
    expect(readSettings(store({ timeZone: 'Europe/Lisbon' }), store({}), base).timeZone).toBe('Europe/Lisbon');
    expect(readSettings(store({ timeZone: 'Mars/Olympus' }), store({}), base).timeZone).toBe('');
  });
});
