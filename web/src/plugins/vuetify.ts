// First import on purpose: the base styles declare Vuetify's cascade-layer order (core, then
// components, overrides, utilities). Imported after the component styles, the reset layer lands
// last and wins, so `button { font: inherit }` overrides every button size.
import 'vuetify/styles';
import { toRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { createVuetify } from 'vuetify';
import * as components from 'vuetify/components';
import * as directives from 'vuetify/directives';
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg';
import { createVueI18nAdapter } from 'vuetify/locale/adapters/vue-i18n';
import { useSettingsStore } from '../features/settings/settings.store';
import { i18n } from './i18n';

/**
 * Vuetify's vue-i18n adapter infers the digit-group separator with `n(10000, { part: true })`,
 * but vue-i18n 11 ignores `part` when no format key is given and returns a string, so
 * VNumberInput throws "find is not a function". Ask Intl directly instead.
 */
function createLocaleAdapter() {
  const adapter = createVueI18nAdapter({ i18n: i18n as unknown as Parameters<typeof createVueI18nAdapter>[0]['i18n'], useI18n });
  const numericGroupSeparator = toRef(
    () =>
      new Intl.NumberFormat(i18n.global.locale.value, { useGrouping: true }).formatToParts(10000).find((part) => part.type === 'group')
        ?.value ?? ' ',
  );
  return { ...adapter, numericGroupSeparator };
}

/**
 * The page's CSP nonce, which the API writes into the `csp-nonce` meta tag of every index.html it
 * serves. Vuetify puts it on the <style> element it writes the theme into; without it the page's
 * CSP (`style-src 'self' 'nonce-…'`) would block the theme. Read from the `nonce` property: browsers
 * hide the attribute's value from getAttribute once the page has loaded.
 */
function cspNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>('meta[property=csp-nonce]')?.nonce || undefined;
}

/** Component defaults live here and only here, so pages stay free of repeated styling props. */
export const vuetify = createVuetify({
  components,
  directives,
  icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
  locale: { adapter: createLocaleAdapter() },
  theme: {
    cspNonce: cspNonce(),
    defaultTheme: useSettingsStore().theme,
    themes: {
      light: {
        dark: false,
        colors: {
          primary: '#1565C0',
          secondary: '#455A64',
          success: '#2E7D32',
          warning: '#B26A00',
          error: '#C62828',
          info: '#0277BD',
          // Run outcomes besides success and error, each its own hue, dark enough for text on white.
          rejected: '#455A64',
          escalated: '#5E35B1',
          'timed-out': '#BF360C',
          'no-maintenance': '#00695C',
        },
        // Vuetify's 0.60 leaves grey subtitles just under the 4.5:1 contrast WCAG AA asks for.
        variables: { 'medium-emphasis-opacity': 0.7 },
      },
      dark: {
        dark: true,
        colors: {
          primary: '#90CAF9',
          secondary: '#B0BEC5',
          success: '#81C784',
          warning: '#FFB74D',
          error: '#EF9A9A',
          info: '#81D4FA',
          rejected: '#B0BEC5',
          escalated: '#B39DDB',
          'timed-out': '#FFAB91',
          'no-maintenance': '#80CBC4',
        },
      },
    },
  },
  defaults: {
    VTextField: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto' },
    VTextarea: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto', rows: 3, autoGrow: true },
    VSelect: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto' },
    VAutocomplete: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto' },
    VCombobox: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto' },
    VDateInput: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto' },
    VNumberInput: { variant: 'outlined', density: 'comfortable', hideDetails: 'auto', controlVariant: 'hidden' },
    VCard: { variant: 'flat', border: true, rounded: 'lg' },
    VBtn: { variant: 'flat' },
    VAlert: { variant: 'tonal', density: 'compact' },
    VChip: { size: 'small', variant: 'tonal' },
    VDataTableServer: { density: 'compact', itemsPerPageOptions: [10, 25, 50, 100] },
    VDataTable: { density: 'compact' },
    VProgressLinear: { color: 'primary' },
    // Wide enough for the longest Portuguese label ("Ingestão manual de sensores") untruncated.
    VNavigationDrawer: { width: 288 },
  },
});
