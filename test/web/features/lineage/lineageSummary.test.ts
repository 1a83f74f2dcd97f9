import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '../../../../locales/en.json';
import ptBR from '../../../../locales/pt-BR.json';
import type { LineageNode } from '../../../../web/src/features/lineage/lineage.api';
import { nodeSummary } from '../../../../web/src/features/lineage/lineageSummary';

const node = (kind: LineageNode['kind'], record: Record<string, unknown>) =>
  ({ id: `${kind}:x`, kind, ref: 'x', label: '', at: null, workflow_id: null, history_event: null, recorded: true, record }) as LineageNode;

describe('lineage node summaries of an alarm chain', () => {
  for (const [locale, messages] of [
    ['en', en],
    ['pt-BR', ptBR],
  ] as const) {
    const i18n = createI18n({ legacy: false, locale, messages: { [locale]: messages } });
    const t = (key: string, params: Record<string, string | number>) => i18n.global.t(key, params);
    it(`says what the detector, the alarm and a timeline entry were in ${locale}`, () => {
      const detector = nodeSummary(node('detector', { name: 'streaming', version: 1, sensitivity_now: 0.7 }), t);
      expect(detector).toContain('streaming');
      expect(detector).toContain('0.7');
      const alarm = nodeSummary(node('alarm', { severity: 'high', start_ts: '2026-01-01T00:00:00.000Z', state: 'resolved' }), t);
      expect(alarm).toContain('high');
      expect(alarm).toContain('resolved');
      expect(nodeSummary(node('alarm_event', { type: 'acknowledged', actor: 'eva' }), t)).toContain('eva');
      expect(nodeSummary(node('alarm_event', { type: 'raised', actor: null }), t)).toContain('system');
      for (const k of ['detector', 'alarm', 'alarm_event'] as const) expect(i18n.global.te(`lineage.kind.${k}`)).toBe(true);
      expect(i18n.global.te('lineage.subject.alarm')).toBe(true);
    });
  }
});
