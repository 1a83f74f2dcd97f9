import { describe, expect, it } from 'vitest';
import { localeFromBrowser } from '../../../../web/src/features/settings/settings.store';

describe('localeFromBrowser', () => {
  it('chooses pt-BR for any Portuguese browser language and English otherwise', () => {
    expect(localeFromBrowser(['pt-BR'])).toBe('pt-BR');
    expect(localeFromBrowser(['pt-PT', 'en'])).toBe('pt-BR');
    expect(localeFromBrowser(['en-US', 'pt'])).toBe('pt-BR');
    expect(localeFromBrowser(['de-DE', 'fr'])).toBe('en');
    expect(localeFromBrowser([])).toBe('en');
  });
});
