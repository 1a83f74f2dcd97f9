import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import {
  justificationMessage,
  notificationSubject,
  orderNote,
  orderNoteMessage,
  subjectMessage,
  systemJustification,
} from '../../domain/notificationText';
import { incidentSubject } from '../../workflows/sensorMonitoringRules';
import { valueText } from '../../domain/reportText';
import { renderMessage, type Catalogue } from '../../domain/serverText';

const pt = ptBR as unknown as Catalogue;
const english = en as unknown as Catalogue;
const sp = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };

describe('notification subjects', () => {
  it('keeps the English subjects integrators already receive, word for word', () => {
    // The texts the workflows wrote before subjects had codes: old notifications read back too.
    expect(notificationSubject('notificationReminder', { order: 'MO-7' }).subject).toBe(
      'Reminder: maintenance order MO-7 awaits a decision',
    );
    expect(notificationSubject('notificationOrderOutcome', { order: 'MO-7', status: 'scheduled' }).subject).toBe(
      'Maintenance order MO-7: scheduled',
    );
    expect(notificationSubject('notificationAlarm', { sensor: 'S-1', severity: 'high' }).subject).toBe('Alarm on S-1: high');
    expect(notificationSubject('notificationAlarmEscalated', { level: 2, sensor: 'S-1', severity: 'high' }).subject).toBe(
      'Alarm escalated (level 2) on S-1: high',
    );
  });

  it('reads every subject back into the message it was built from', () => {
    const built = [
      notificationSubject('notificationReminder', { order: 'a1b2-c3' }),
      notificationSubject('notificationOrderOutcome', { order: 'a1b2-c3', status: 'awaiting_approval' }),
      notificationSubject('notificationAlarm', { sensor: 'line-2:press.1', severity: 'critical' }),
      notificationSubject('notificationAlarmEscalated', { level: 1, sensor: 'S-1', severity: 'low' }),
      incidentSubject({ sensorId: 'line-2:press.1', reasons: ['drift'], recentAnomalies: 0, burstWindowMinutes: 60 }),
      incidentSubject({ sensorId: 'S-1', reasons: ['anomaly_burst'], recentAnomalies: 12, burstWindowMinutes: 60 }),
      incidentSubject({ sensorId: 'S-1', reasons: ['drift', 'anomaly_burst'], recentAnomalies: 5, burstWindowMinutes: 15 }),
    ];
    for (const { subject, message } of built) expect(subjectMessage(subject)).toEqual(message);
    expect(subjectMessage('Incident on S-1: something else')).toBeNull();
  });

  it('shows a subject in the reader’s language in report tables, and other text as written', () => {
    expect(valueText(pt, 'Reminder: maintenance order MO-7 awaits a decision', sp, 'subject')).toBe(
      'Lembrete: a ordem de manutenção MO-7 aguarda uma decisão',
    );
    expect(valueText(pt, 'Maintenance order MO-7: awaiting_approval', sp, 'subject')).toBe(
      `Ordem de manutenção MO-7: ${ptBR.serverText.orderStatus.awaiting_approval}`,
    );
    expect(valueText(pt, 'Alarm escalated (level 2) on S-1: critical', sp, 'subject')).toBe(
      `Alarme escalonado (nível 2) em S-1: ${ptBR.alarms.severity.critical}`,
    );
    // The subjects monitoring incidents were always sent with read back too.
    expect(valueText(pt, 'Incident on S-1: distribution drift', sp, 'subject')).toBe('Incidente em S-1: desvio na distribuição');
    expect(valueText(pt, 'Incident on S-1: distribution drift and 9 anomalies in 60 min', sp, 'subject')).toBe(
      'Incidente em S-1: desvio na distribuição e 9 anomalias em 60 min',
    );
    expect(valueText(pt, 'Incident on S-1: 1 anomalies in 60 min', sp, 'subject')).toBe('Incidente em S-1: 1 anomalia em 60 min');
    expect(valueText(pt, 'Incident on S-1: a fire', sp, 'subject')).toBe('Incident on S-1: a fire');
    // Only the subject column is read as a subject.
    expect(valueText(pt, 'Alarm on S-1: high', sp, 'recipient')).toBe('Alarm on S-1: high');
  });

  it('renders each code in English from the catalogue the integrators’ text comes from', () => {
    const { message } = notificationSubject('notificationReminder', { order: 'MO-7' });
    expect(renderMessage(english, message, { locale: 'en', timeZone: 'UTC' })).toBe('Reminder: maintenance order MO-7 awaits a decision');
    const incident = incidentSubject({ sensorId: 'S-1', reasons: ['drift', 'anomaly_burst'], recentAnomalies: 9, burstWindowMinutes: 60 });
    expect(renderMessage(english, incident.message, { locale: 'en', timeZone: 'UTC' })).toBe(incident.subject);
  });
});

describe('system justifications', () => {
  it('keeps the English the audit trail always held, word for word', () => {
    expect(systemJustification('justificationAuto')).toBe('Automatic decision requested when the run was started');
    expect(systemJustification('justificationTimeout', { deadline: '2026-12-04T21:00:00.000Z', policy: 'escalate' })).toBe(
      'No decision before the deadline (2026-12-04T21:00:00.000Z); policy: escalate',
    );
  });

  it('shows the system’s justifications in the reader’s words and zone, and a person’s as typed', () => {
    const timeout = systemJustification('justificationTimeout', { deadline: '2026-12-04T21:00:00.000Z', policy: 'auto_approve' });
    expect(justificationMessage(timeout)).toEqual({
      code: 'justificationTimeout',
      params: { deadline: '2026-12-04T21:00:00.000Z', policy: 'auto_approve' },
    });
    expect(valueText(pt, timeout, sp, 'justification')).toBe(
      'Nenhuma decisão antes do prazo (04/12/2026, 18:00 BRT); política: aprovar automaticamente',
    );
    expect(valueText(pt, systemJustification('justificationAuto'), sp, 'justification')).toBe(
      'Decisão automática pedida ao iniciar a execução',
    );
    expect(justificationMessage('Vibration confirmed on the walk-round')).toBeNull();
    expect(valueText(pt, 'Vibration confirmed on the walk-round', sp, 'justification')).toBe('Vibration confirmed on the walk-round');
  });
});

describe('system notes on an order\u2019s status history', () => {
  it('keeps the English notes word for word and reads them back, a person\u2019s note staying as typed', () => {
    expect(orderNote('noteDecisionFromWorkflow', { workflow: 'golden-path-1' })).toBe('decision from workflow golden-path-1');
    expect(orderNote('noteBookingFirm')).toBe('booking made firm');
    expect(orderNoteMessage('decision from workflow golden-path-1')).toEqual({
      code: 'noteDecisionFromWorkflow',
      params: { workflow: 'golden-path-1' },
    });
    expect(orderNoteMessage('decision')).toEqual({ code: 'noteDecision', params: {} });
    expect(orderNoteMessage('planned tentatively')).toEqual({ code: 'notePlannedTentatively', params: {} });
    expect(orderNoteMessage('Guard loose, tightened on site')).toBeNull();
    const note = orderNoteMessage('booking made firm')!;
    expect(renderMessage(pt, note, sp)).toBe('reserva confirmada');
  });

  it('reads a not-planned note back into the planner\u2019s code, so the reader gets the reason in their words', () => {
    const reason = 'no technician has skill underwater-welding at level 2 or above.';
    const text = orderNote('noteUnplanned', { code: 'no_skill', reason });
    // The English reason stays in the stored note for integrators.
    expect(text).toBe(`not planned (no_skill): ${reason}`);
    const note = orderNoteMessage(text)!;
    expect(note).toEqual({ code: 'noteUnplanned', params: { code: 'no_skill', reason } });
    expect(renderMessage(pt, note, sp)).toBe(`n\u00e3o planejada: ${ptBR.serverText.unassigned.no_skill}`);
    expect(renderMessage(english, note, sp)).toBe(`not planned: ${en.serverText.unassigned.no_skill}`);
    // A note written before the code existed still reads as it did.
    expect(orderNoteMessage(`not planned: ${reason}`)).toEqual({ code: 'noteNotPlanned', params: { reason } });
  });
});
