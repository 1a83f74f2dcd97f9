import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { englishText } from '../../domain/englishText';
import {
  ENUM_SECTIONS,
  EVENT_TYPES,
  MESSAGE_CODES,
  SERVER_MESSAGES,
  fillTemplate,
  lookup,
  msg,
  renderMessage,
  type Catalogue,
} from '../../domain/serverText';

const catalogues = { en: en as unknown as Catalogue, 'pt-BR': ptBR as unknown as Catalogue };
const saoPaulo = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };

describe('server messages', () => {
  it('chooses the plural form by count in both languages', () => {
    const one = msg('ingested', { count: 1, sensor: 'S-1', scenario: 'drift' });
    const two = msg('ingested', { count: 2, sensor: 'S-1', scenario: 'drift' });
    expect(englishText(one)).toBe('1 reading stored for S-1 (Gradual drift)');
    expect(englishText(two)).toBe('2 readings stored for S-1 (Gradual drift)');
    expect(renderMessage(catalogues['pt-BR'], one, saoPaulo)).toBe('1 leitura gravada para S-1 (Deriva gradual)');
    expect(renderMessage(catalogues['pt-BR'], two, saoPaulo)).toBe('2 leituras gravadas para S-1 (Deriva gradual)');
  });

  it('formats an instant in the reader’s zone and locale, with the zone named', () => {
    const m = msg('decisionRequested', { request: 'dr-1', deadline: '2026-12-04T21:00:00.000Z' });
    expect(renderMessage(catalogues['pt-BR'], m, saoPaulo)).toBe('Decisão dr-1 solicitada; prazo 04/12/2026, 18:00 BRT');
    // Integrators reading the English text get UTC, said as such.
    expect(englishText(m)).toBe('Decision dr-1 requested; deadline 12/04/2026, 09:00 PM UTC');
  });

  it('translates enumeration values and reason counts, and formats numbers in the locale', () => {
    const planned = msg('orderPlanned', {
      order: 'o-1',
      priority: 'very_urgent',
      technician: 'Ana',
      window_start: '2026-12-05T12:00:00Z',
      window_end: '2026-12-05T14:30:00Z',
    });
    expect(renderMessage(catalogues['pt-BR'], planned, saoPaulo)).toBe(
      'Ordem o-1, prioridade muito urgente: planejada provisoriamente para Ana de 05/12/2026, 09:00 BRT a 05/12/2026, 11:30 BRT; aguardando aprovação',
    );
    const checked = msg('validated', { count: 40, valid: 38, quarantined: 2, reasons: { out_of_range: 1, stale: 1 } });
    expect(renderMessage(catalogues['pt-BR'], checked, saoPaulo)).toBe(
      '40 leituras verificadas: 38 válidas, 2 em quarentena (fora da faixa: 1, desatualizada: 1)',
    );
    expect(englishText(msg('validated', { count: 5, valid: 5, quarantined: 0, reasons: {} }))).toBe(
      '5 readings checked: 5 valid, 0 quarantined (no issues)',
    );
    const predicted = msg('predicted', { probability: 0.8123, threshold: 0.5, model: 'rf', version: '3' });
    expect(renderMessage(catalogues['pt-BR'], predicted, saoPaulo)).toBe('Probabilidade de falha 81,2% (limiar 50%, modelo rf v3)');
  });

  it('gives an unknown code back as null, so the caller shows the server’s text', () => {
    expect(renderMessage(catalogues.en, { code: 'fromANewerServer', params: {} }, saoPaulo)).toBeNull();
  });

  it('has a template for every code in both languages, with exactly the declared parameters', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const code of MESSAGE_CODES) {
        const template = lookup(catalogue, `serverText.messages.${code}`);
        expect(template, `${lang} ${code}`).toBeTypeOf('string');
        const used = [...new Set([...template!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
        expect(used, `${lang} ${code}`).toEqual(Object.keys(SERVER_MESSAGES[code]).sort());
        // A plural message must be chosen by `count`.
        if (template!.includes('|')) expect(used, `${lang} ${code}`).toContain('count');
      }
      for (const type of EVENT_TYPES) expect(lookup(catalogue, `serverText.events.${type}`), `${lang} ${type}`).toBeTypeOf('string');
    }
  });

  it('keeps no serverText key that the server does not use', () => {
    const sections = new Set(Object.values(ENUM_SECTIONS).filter((s) => s.startsWith('serverText.')));
    const known = new Set(['messages', 'events', 'noIssues', 'none', ...[...sections].map((s) => s.slice('serverText.'.length))]);
    expect(Object.keys(en.serverText).filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(en.serverText.messages).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it('picks the same plural branch as vue-i18n, so the server and the dashboard agree', () => {
    const i18n = createI18n({ legacy: false, locale: 'pt-BR', messages: { en, 'pt-BR': ptBR } });
    const template = ptBR.serverText.messages.analysed;
    for (const count of [0, 1, 2, 7]) {
      const values = { count: String(count), anomalies: '0', method: 'm' };
      expect(fillTemplate(template, values, count)).toBe(i18n.global.t('serverText.messages.analysed', values, count));
    }
  });
});
