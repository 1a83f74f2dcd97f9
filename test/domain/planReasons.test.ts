import { describe, expect, it } from 'vitest';
import ptBR from '../../locales/pt-BR.json';
import { planReasonMessages } from '../../domain/planReasons';
import { renderMessage, type Catalogue } from '../../domain/serverText';

const explanation = {
  skill: { name: 'vibration', requiredLevel: 2, technicianLevel: 3 },
  shift: { start: '2026-12-05T11:00:00.000Z', end: '2026-12-05T19:00:00.000Z' },
  effectiveDeadline: '2026-12-06T12:00:00.000Z',
  deadlineWasPast: false,
  continuity: 'same_technician',
  siteMatch: true,
  technicianLoadHours: 6.5,
  failureProbabilityBeforeEnd: 0.0421,
  hoursBeforeDeadline: 20.25,
  feasibleSlotsConsidered: 14,
  qualifiedTechnicians: 3,
  alternatives: [{ technicianId: 'T-2', start: '2026-12-05T13:00:00.000Z', end: '2026-12-05T15:00:00.000Z', extraCost: 4 }],
};

const inPortuguese = (messages: ReturnType<typeof planReasonMessages>) =>
  messages.map((m) => renderMessage(ptBR as unknown as Catalogue, m, { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }));

describe('planReasonMessages', () => {
  it("explains a plan from its stored explanation, in the reader's language and zone", () => {
    expect(inPortuguese(planReasonMessages(explanation, 'Ana Souza'))).toEqual([
      'Ana Souza tem vibration no nível 3 (o serviço exige pelo menos 2)',
      'Cabe no turno de Ana Souza, de 05/12/2026, 08:00 BRT a 05/12/2026, 16:00 BRT, sem sobrepor outra reserva',
      'Termina 20,3 h antes do prazo 06/12/2026, 09:00 BRT',
      'Probabilidade de falha antes de o serviço terminar: 4,2%',
      'Ana Souza fez a última manutenção neste equipamento',
      'Ana Souza terá 6,5 h reservadas no horizonte de planejamento',
      'O mais barato de 14 horários viáveis entre 3 técnicos qualificados',
    ]);
  });

  it('says why an order is not planned, and gives what it can from an older or missing explanation', () => {
    expect(inPortuguese(planReasonMessages(null, null, 'no_skill'))).toEqual([
      'Não planejada: nenhum técnico tem a competência; uma pessoa precisa planejar esta ordem',
    ]);
    expect(planReasonMessages(null, 'Ana')).toEqual([]);
    expect(planReasonMessages({ continuity: 'same_technician' }, 'Ana').map((m) => m.code)).toEqual(['planContinuity']);
  });
});
