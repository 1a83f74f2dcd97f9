import { reactive, ref, watch } from 'vue';
import { browserTimeZone, isTimeZone } from '../../browser/zonedTime';

/**
 * The dashboard's settings. Language, time zone, theme and the "remember" choice live in localStorage. The API
 * key is the one secret: by default it is kept in sessionStorage (this tab, until it closes) and
 * reaches localStorage only when the user ticks "remember on this device".
 */
export interface Settings {
  apiKey: string;
  /** The user's explicit choice to keep the key in localStorage across browser restarts. */
  rememberKey: boolean;
  locale: SupportedLocale;
  /**
   * The IANA zone every time is shown and entered in (e.g. a plant's); '' follows the browser's;
   * SITE_TIME_ZONE follows the site of the asset or order on screen (the browser's elsewhere).
   */
  timeZone: string;
  theme: 'light' | 'dark';
}

/** The time-zone setting that reads an asset's or an order's times on its site's clock. */
export const SITE_TIME_ZONE = 'site';

export const supportedLocales = ['en', 'pt-BR'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

const storageKey = 'smart-maintenance.settings';
/** The key's sessionStorage entry while it is not remembered. */
const sessionKeyName = 'smart-maintenance.apiKey';

/** The part of the Storage API the settings use, so tests can pass a fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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
  return { apiKey: '', rememberKey: false, locale: localeFromBrowser(languages), timeZone: '', theme: prefersDark() ? 'dark' : 'light' };
}

/**
 * Reads the settings. An entry written before the "remember" choice existed holds a key without
 * `rememberKey`: that key is taken over, and the next write moves it to sessionStorage.
 */
export function readSettings(local: KeyValueStore, session: KeyValueStore, base: Settings): Settings {
  const raw = local.getItem(storageKey);
  const saved = (raw ? JSON.parse(raw) : {}) as Partial<Settings>;
  const rememberKey = saved.rememberKey === true;
  const legacyKey = saved.rememberKey === undefined && typeof saved.apiKey === 'string' ? saved.apiKey : undefined;
  const apiKey = rememberKey ? saved.apiKey : (legacyKey ?? session.getItem(sessionKeyName));
  return {
    apiKey: typeof apiKey === 'string' ? apiKey : base.apiKey,
    rememberKey,
    locale: supportedLocales.includes(saved.locale as SupportedLocale) ? (saved.locale as SupportedLocale) : base.locale,
    timeZone: saved.timeZone === SITE_TIME_ZONE || isTimeZone(saved.timeZone) ? saved.timeZone : base.timeZone,
    theme: saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : base.theme,
  };
}

/** Writes the settings: the key goes to localStorage only when remembered, else to sessionStorage. */
export function writeSettings(value: Settings, local: KeyValueStore, session: KeyValueStore): void {
  const { apiKey, rememberKey, locale, timeZone, theme } = value;
  const kept = { rememberKey, locale, timeZone, theme };
  local.setItem(storageKey, JSON.stringify(rememberKey && apiKey ? { apiKey, ...kept } : kept));
  if (!rememberKey && apiKey) session.setItem(sessionKeyName, apiKey);
  else session.removeItem(sessionKeyName);
}

/** True for an entry written before the "remember" choice existed that still holds a key. */
function hasLegacyKey(local: KeyValueStore): boolean {
  const saved = JSON.parse(local.getItem(storageKey) ?? '{}') as Partial<Settings>;
  return saved.rememberKey === undefined && typeof saved.apiKey === 'string';
}

function load(): Settings {
  const base = defaults();
  try {
    const loaded = readSettings(localStorage, sessionStorage, base);
    // Moves a key stored before the choice existed out of localStorage at once.
    if (hasLegacyKey(localStorage)) writeSettings(loaded, localStorage, sessionStorage);
    return loaded;
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
      writeSettings(value, localStorage, sessionStorage);
    } catch {
      // Private mode may refuse storage; the settings then last for this tab only.
    }
  },
  { deep: true },
);

export function useSettingsStore(): Settings {
  return settings;
}

/**
 * The zone of the site the page on screen is about (an asset's, a work order's); '' on other pages.
 * Pages set it through useSiteTimeZone.
 */
export const pageSiteZone = ref('');

/**
 * The zone the reader sees times in: their choice; with SITE_TIME_ZONE, the page's site's zone;
 * else (or on a page about no site) the browser's. Reactive in a computed.
 */
export function readerTimeZone(value: Pick<Settings, 'timeZone'> = settings, siteZone: string = pageSiteZone.value): string {
  if (value.timeZone === SITE_TIME_ZONE) return siteZone || browserTimeZone();
  return value.timeZone || browserTimeZone();
}
