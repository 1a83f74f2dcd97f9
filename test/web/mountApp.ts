import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { createVuetify } from 'vuetify';
import * as components from 'vuetify/components';
import * as directives from 'vuetify/directives';
import { createVueI18nAdapter } from 'vuetify/locale/adapters/vue-i18n';
import { en as vuetifyEn, pt as vuetifyPt } from 'vuetify/locale';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { dateTimeFormats, numberFormats } from '../../web/src/plugins/i18nFormats';

/** Mounts a component with the real locale files, the app's date and number formats (dates in `timeZone`, the process's zone when absent) and a Vuetify instance (plus any plugins given, e.g. a router). */
export function mountWithApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: 'en' | 'pt-BR'; timeZone?: string } = {},
) {
  const i18n = createI18n({
    legacy: false,
    locale: options.locale ?? 'en',
    fallbackLocale: 'en',
    messages: { en: { ...en, $vuetify: vuetifyEn }, 'pt-BR': { ...ptBR, $vuetify: vuetifyPt } },
    numberFormats: { en: numberFormats, 'pt-BR': numberFormats },
    datetimeFormats: { en: dateTimeFormats(options.timeZone), 'pt-BR': dateTimeFormats(options.timeZone) },
  });
  const vuetify = createVuetify({
    components,
    directives,
    locale: { adapter: createVueI18nAdapter({ i18n: i18n as unknown as Parameters<typeof createVueI18nAdapter>[0]['i18n'], useI18n }) },
  });
  const { locale: _locale, timeZone: _timeZone, ...rest } = options;
  return mount(component, {
    ...rest,
    global: { ...rest.global, plugins: [i18n, vuetify, ...(rest.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>);
}
