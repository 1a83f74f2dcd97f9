import { useI18n } from 'vue-i18n';

/**
 * Words for the Stage and BusinessStatus search attributes the workflows set: the translation when
 * there is one (Golden Path stages, run statuses), else the value spelled out without underscores.
 */
export function useBusinessLabel(): (value: unknown, kind?: 'business' | 'stage') => string {
  const { t, te } = useI18n();
  return (value, kind = 'business') => {
    if (value === undefined || value === null || value === '') return t('common.none');
    const text = String(value);
    const keys =
      kind === 'stage' ? [`stages.${text}`, `workflowStory.stage.${text}`] : [`workflowStory.business.${text}`, `runStatus.${text}`];
    const key = keys.find((k) => te(k));
    return key ? t(key) : text.replace(/_/g, ' ');
  };
}
