import { useI18n } from 'vue-i18n';
import {
  ENUM_SECTIONS,
  EVENT_TYPES,
  isMessageCode,
  paramKind,
  type EnumKind,
  type ParamKind,
  type ParamValue,
} from '../../../domain/serverText';
import { justificationMessage, orderNoteMessage } from '../../../domain/notificationText';

/** A message as the API sends it: English text for integrators plus the code and parameters we translate. */
export interface ServerTextMessage {
  message: string;
  code?: string | null;
  params?: Record<string, ParamValue>;
}

/**
 * Turns what the server says (message codes with parameters, event codes, enumeration values)
 * into the reader's language, with numbers in their locale and every instant in their time zone.
 * The English `message` is shown only for a code this dashboard does not know (a newer server).
 */
export function useServerText() {
  const { t, te, n, d } = useI18n();

  function enumValue(kind: EnumKind, value: string): string {
    const key = `${ENUM_SECTIONS[kind]}.${value}`;
    return te(key) ? t(key) : value.replace(/_/g, ' ');
  }

  function instant(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : d(date, 'zoned');
  }

  function param(kind: ParamKind, value: ParamValue): string {
    if (value === null || value === undefined) return t('serverText.none');
    if (kind === 'reasonCounts') {
      const entries = typeof value === 'object' ? Object.entries(value) : [];
      if (!entries.length) return t('serverText.noIssues');
      return entries.map(([reason, count]) => `${enumValue('reasonCounts', reason)}: ${n(count, 'integer')}`).join(', ');
    }
    if (typeof value === 'object') return JSON.stringify(value);
    switch (kind) {
      case 'count':
        return typeof value === 'number' ? n(value, 'integer') : String(value);
      case 'number':
        return typeof value === 'number' ? n(value, 'significant') : String(value);
      case 'percent':
        return typeof value === 'number' ? n(value, 'percent') : String(value);
      case 'instant':
        return instant(String(value));
      case 'text':
        return String(value);
      default:
        return enumValue(kind, String(value));
    }
  }

  function message(m: ServerTextMessage): string {
    if (!m.code || !isMessageCode(m.code)) return m.message;
    const code = m.code;
    const params = m.params ?? {};
    const named = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, param(paramKind(code, name), value)]));
    const count = params.count;
    return typeof count === 'number' ? t(`serverText.messages.${code}`, named, count) : t(`serverText.messages.${code}`, named);
  }

  function eventType(type: string): string {
    return (EVENT_TYPES as readonly string[]).includes(type) ? t(`serverText.events.${type}`) : type.replace(/_/g, ' ');
  }

  /** A decision's justification: the system's own (automatic, deadline passed) in the reader's words, a person's as typed. */
  function justification(text: string): string {
    const known = justificationMessage(text);
    return known ? message({ message: text, ...known }) : text;
  }

  /** A note on an order's status history: the system's own in the reader's words, a person's as typed. */
  function orderNote(text: string): string {
    const known = orderNoteMessage(text);
    return known ? message({ message: text, ...known }) : text;
  }

  return { message, eventType, enumValue, instant, justification, orderNote };
}
