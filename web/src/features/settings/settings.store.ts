import { reactive, watch } from 'vue';

/** What the browser remembers between visits. Only the API key is a secret, and it never leaves this origin. */
export interface Settings {
  apiKey: string;
  locale: SupportedLocale;
  theme: 'light' | 'dark';
}

export const supportedLocales = ['en', 'pt-BR'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

const storageKey = 'smart-maintenance.settings';

/** Brazilian and European Portuguese readers both get pt-BR; everyone else gets English. */
export function localeFromBrowser(languages: readonly string[]): SupportedLocale {
  return languages.some((lang) => lang.toLowerCase().startsWith('pt')) ? 'pt-BR' : 'en';
}

function prefersDark(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

function defaults(): Settings {
  const languages =
    typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  return { apiKey: '', locale: localeFromBrowser(languages), theme: prefersDark() ? 'dark' : 'light' };
}

function load(): Settings {
  const base = defaults();
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return base;
    const saved = JSON.parse(raw) as Partial<Settings>;
    return {
      apiKey: typeof saved.apiKey === 'string' ? saved.apiKey : base.apiKey,
      locale: supportedLocales.includes(saved.locale as SupportedLocale) ? (saved.locale as SupportedLocale) : base.locale,
      theme: saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : base.theme,
    };
  } catch {
    // A corrupted entry or a browser with storage disabled must not keep the dashboard from starting.
    return base;
  }
}

const settings = reactive<Settings>(load());

watch(
  settings,
  (value) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Private mode may refuse storage; the settings then last for this tab only.
    }
  },
  { deep: true },
);

export function useSettingsStore(): Settings {
  return settings;
}
