import { useI18n } from 'vue-i18n';
import { fieldErrorKey } from '../../../domain/fieldErrorText';
import type { ApiError, FieldError } from '../api/apiError';

/**
 * The server's field messages and problem details in the reader's language: a known code through
 * `errors.field.<key>` / `errors.detail.<code>`, numbers in their locale; the server's English
 * text for a code this dashboard has no words for (a newer server, or a message with no code).
 */
export function useErrorText() {
  const { t, te, n, d } = useI18n();

  function values(params: Record<string, string | number | boolean | null>, key: string): Record<string, string> {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => {
        if (name === 'expected' && typeof value === 'string')
          return [name, te(`errors.expected.${value}`) ? t(`errors.expected.${value}`) : value];
        // A date's bound comes as epoch milliseconds.
        if (typeof value === 'number' && key.endsWith('.date')) return [name, d(new Date(value), 'zoned')];
        if (typeof value === 'number') return [name, n(value, 'decimal')];
        return [name, String(value ?? '')];
      }),
    );
  }

  function fieldMessage(e: FieldError): string {
    const key = fieldErrorKey(e);
    const path = key && `errors.field.${key}`;
    return path && te(path) ? t(path, values(e.params ?? {}, key)) : e.message;
  }

  function detail(error: ApiError): string {
    const path = error.detailCode && `errors.detail.${error.detailCode}`;
    return path && te(path) ? t(path, values(error.detailParams, error.detailCode!)) : error.detail;
  }

  return { fieldMessage, detail };
}
