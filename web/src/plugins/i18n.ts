import { createI18n } from 'vue-i18n';
import { en as vuetifyEn, pt as vuetifyPt } from 'vuetify/locale';
import en from '../../../locales/en.json';
import ptBR from '../../../locales/pt-BR.json';
import { useSettingsStore, type SupportedLocale } from '../features/settings/settings.store';

/** en.json is the source of truth; this type makes pt-BR.json and key lookups follow it. */
export type MessageSchema = typeof en;

declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

const dateTimeFormat = {
  short: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
} as const;

const numberFormat = {
  decimal: { style: 'decimal', maximumFractionDigits: 3 },
  integer: { style: 'decimal', maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 1 },
  milliseconds: { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 1 },
  seconds: { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 },
} as const;

const settings = useSettingsStore();

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
  numberFormats: { en: numberFormat, 'pt-BR': numberFormat },
});

/** Switches the UI language and the <html lang> attribute screen readers use. */
export function setLocale(locale: SupportedLocale): void {
  settings.locale = locale;
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}
