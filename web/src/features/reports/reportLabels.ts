import { useI18n } from 'vue-i18n';

/**
 * Labels for the keys a report carries (summary figures, table columns): the translation when
 * there is one, else the key spelled out in words, so snake_case never reaches the page.
 */
export function useReportLabel(): (key: string) => string {
  const { t, te } = useI18n();
  return (key) => {
    if (te(`reportSummary.${key}`)) return t(`reportSummary.${key}`);
    const words = key.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
}
