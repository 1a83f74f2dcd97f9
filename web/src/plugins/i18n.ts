import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { en as vuetifyEn, pt as vuetifyPt } from 'vuetify/locale';
import en from '../../../locales/en.json';
import ptBR from '../../../locales/pt-BR.json';
import { readerTimeZone, supportedLocales, useSettingsStore, type SupportedLocale } from '../features/settings/settings.store';
import { dateTimeFormats, numberFormats } from './i18nFormats';

/** en.json is the source of truth; this type makes pt-BR.json and key lookups follow it. */
export type MessageSchema = typeof en;

declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

const settings = useSettingsStore();

const dateTimeFormat = dateTimeFormats(readerTimeZone(settings));

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: settings.locale,
  fallbackLocale: 'en',
  // Vuetify's own strings (pagination, "No data available"...) resolve through vue-i18n under `$vuetify`.
  messages: {
    en: { ...en, $vuetify: vuetifyEn },
    'pt-BR': { ...ptBR, $vuetify: vuetifyPt },
  },
  datetimeFormats: { en: dateTimeFormat, 'pt-BR': dateTimeFormat },
  numberFormats: { en: numberFormats, 'pt-BR': numberFormats },
});

/** Switches the UI language and the <html lang> attribute screen readers use. */
export function setLocale(locale: SupportedLocale): void {
  settings.locale = locale;
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}

/**
 * Shows every time in `zone` ('' for the browser's): every `$d` goes through these formats, so
 * replacing them re-renders the dates on screen; the date-and-time fields and the report requests
 * read the same setting (readerTimeZone).
 */
export function setTimeZone(zone: string): void {
  settings.timeZone = zone;
  applyTimeZone(readerTimeZone(settings));
}

function applyTimeZone(zone: string): void {
  const formats = dateTimeFormats(zone);
  for (const locale of supportedLocales) i18n.global.setDateTimeFormat(locale, formats);
}

// With the "site" setting the zone changes as the reader moves between assets of different sites.
watch(() => readerTimeZone(settings), applyTimeZone);
