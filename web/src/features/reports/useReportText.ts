import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import en from '../../../../locales/en.json';
import ptBR from '../../../../locales/pt-BR.json';
import { categoryText, fieldLabel, headingText, seriesText, valueText } from '../../../../domain/reportText';
import type { Catalogue } from '../../../../domain/serverText';
import { readerTimeZone } from '../settings/settings.store';

/**
 * A report's keys, titles and values in the reader's words: the same rules the server uses for
 * the PDF and the API's presentation (domain/reportText.ts), with the dashboard's language.
 */
export function useReportText() {
  const { t, te, locale } = useI18n();
  const catalogue = computed(() => (locale.value === 'pt-BR' ? ptBR : en) as unknown as Catalogue);
  return {
    label: (key: string) => (te(`reportText.field.${key}`) ? t(`reportText.field.${key}`) : fieldLabel(catalogue.value, key)),
    heading: (title: string) => headingText(catalogue.value, en as unknown as Catalogue, title),
    category: (chartId: string, x: string | number) =>
      categoryText(catalogue.value, chartId, x, { locale: locale.value, timeZone: readerTimeZone() }),
    series: (chartId: string, name: string) => seriesText(catalogue.value, chartId, name),
    value: (value: unknown, column?: string) =>
      valueText(catalogue.value, value, { locale: locale.value, timeZone: readerTimeZone() }, column),
  };
}
