import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { englishText } from '../../domain/englishText';
import { MESSAGE_CODES, SERVER_MESSAGES, msg, renderMessage, type Catalogue, type ParamValue } from '../../domain/serverText';
import { englishIn, englishServerPhrases } from './serverEnglish';

/** A sample value for each parameter kind, so every message can be rendered in both languages. */
const SAMPLE: Record<string, ParamValue> = {
  count: 3,
  number: 0.0123,
  percent: 0.42,
  instant: '2026-12-04T21:00:00.000Z',
  text: 'S-1',
  stage: 'anomaly_detection',
  scenario: 'drift',
  priority: 'very_urgent',
  decision: 'approved',
  decisionSource: 'timeout_policy',
  orderStatus: 'awaiting_approval',
  anomalyMethod: 'robust_zscore',
  unassigned: 'no_slot_before_deadline',
  caseOutcome: 'order_approved',
  alarmSeverity: 'critical',
  reasonCounts: { out_of_range: 2 },
};

const sample = (code: (typeof MESSAGE_CODES)[number]) =>
  msg(code, Object.fromEntries(Object.entries(SERVER_MESSAGES[code]).map(([name, kind]) => [name, SAMPLE[kind]!])) as never);

describe('the scan for server English on a Portuguese page', () => {
  it('finds every English server message the way the server writes it', () => {
    const missed = MESSAGE_CODES.filter((code) => englishIn(englishText(sample(code))).length === 0);
    expect(missed).toEqual([]);
  });

  it('finds raw codes and English enumeration names', () => {
    expect(englishIn('Etapa: stage_complete')).toEqual(['stage_complete']);
    expect(englishIn('Prioridade very urgent')).toContain('very urgent');
    expect(englishIn('Prioridade very_urgent')).toEqual(['very_urgent']);
  });

  it('finds nothing in the Portuguese rendering of any message', () => {
    const pt = ptBR as unknown as Catalogue;
    const found = MESSAGE_CODES.flatMap((code) => {
      const text = renderMessage(pt, sample(code), { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' })!;
      return englishIn(text).map((phrase) => `${code}: "${phrase}" in "${text}"`);
    });
    expect(found).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(englishIn('modelo rf v3')).toEqual([]);
    expect(englishServerPhrases()).toContain(en.serverText.events.stage_complete);
  });
});
