import { fillTemplate, paramKind, type MessageCode, type MessageParams, type ServerMessage } from './serverText';

/**
 * Notification subjects as code plus parameters. A notification keeps its English subject (what
 * webhooks, Slack and the log show integrators) and carries the code and parameters beside it in
 * its body; the dashboard and the reports read the subject back into a message and show it in the
 * reader's language (serverText.messages.<code>). The workflows build each subject from these
 * templates, so reading it back always matches.
 */
export const NOTIFICATION_SUBJECTS = {
  // The longer incident subject first: read back, it must not be taken for the burst alone.
  notificationIncidentDriftAndBurst: 'Incident on {sensor}: distribution drift and {count} anomalies in {minutes} min',
  notificationIncidentDrift: 'Incident on {sensor}: distribution drift',
  notificationIncidentBurst: 'Incident on {sensor}: {count} anomalies in {minutes} min',
  notificationReminder: 'Reminder: maintenance order {order} awaits a decision',
  notificationOrderOutcome: 'Maintenance order {order}: {status}',
  notificationAlarmEscalated: 'Alarm escalated (level {level}) on {sensor}: {severity}',
  notificationAlarm: 'Alarm on {sensor}: {severity}',
} as const satisfies Partial<Record<MessageCode, string>>;

export type NotificationCode = keyof typeof NOTIFICATION_SUBJECTS;

type SubjectParams<C extends NotificationCode> = Record<
  (typeof NOTIFICATION_SUBJECTS)[C] extends string ? ExtractNames<(typeof NOTIFICATION_SUBJECTS)[C]> : never,
  string | number
>;
type ExtractNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | ExtractNames<Rest> : never;

/** A subject in English plus the message it stands for, for the notification's body. */
export function notificationSubject<C extends NotificationCode>(
  code: C,
  params: SubjectParams<C>,
): { subject: string; message: ServerMessage } {
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return { subject: fillTemplate(NOTIFICATION_SUBJECTS[code], values), message: { code, params: params as MessageParams } };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads English texts built from `templates` back into the messages they stand for. */
function templateReader(templates: Partial<Record<MessageCode, string>>): (text: string) => ServerMessage | null {
  const patterns = (Object.entries(templates) as [MessageCode, string][]).map(([code, template]) => {
    const names: string[] = [];
    const source = escape(template).replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
      names.push(name);
      // A count is digits only, so a sensor name never swallows the words before a number.
      return paramKind(code, name) === 'count' ? '(\\d+)' : '(.+?)';
    });
    return { code, names, pattern: new RegExp(`^${source}$`) };
  });
  return (text) => {
    for (const { code, names, pattern } of patterns) {
      const match = pattern.exec(text);
      if (!match) continue;
      const params: MessageParams = {};
      names.forEach((name, i) => {
        const raw = match[i + 1]!;
        params[name] = paramKind(code, name) === 'count' && /^\d+$/.test(raw) ? Number(raw) : raw;
      });
      return { code, params };
    }
    return null;
  };
}

/** The message an English subject stands for, or null for a subject of another kind (kept as written). */
export const subjectMessage = templateReader(NOTIFICATION_SUBJECTS);

/**
 * The justifications the workflows write for a decision no person typed (an automatic decision,
 * a deadline passed). Stored in English in the audit trail like any justification; the dashboard
 * and the reports read them back into messages in the reader's language and zone.
 */
export const DECISION_JUSTIFICATIONS = {
  justificationAuto: 'Automatic decision requested when the run was started',
  justificationTimeout: 'No decision before the deadline ({deadline}); policy: {policy}',
  justificationTimeoutDrifted: 'No decision before the deadline ({deadline}); inputs drifted, so policy {policy} cannot approve: escalated',
} as const satisfies Partial<Record<MessageCode, string>>;

/** A system justification in English, built from its template so reading it back always matches. */
export function systemJustification(code: keyof typeof DECISION_JUSTIFICATIONS, params: Record<string, string> = {}): string {
  return fillTemplate(DECISION_JUSTIFICATIONS[code], params);
}

/** The message a justification stands for when the system wrote it, else null (a person's words, kept as written). */
export const justificationMessage = templateReader(DECISION_JUSTIFICATIONS);

/**
 * The notes the system writes on an order's status history. Stored in English like any note; the
 * dashboard reads them back into messages in the reader's language (a person's note stays as typed).
 */
export const ORDER_NOTES = {
  noteDecisionFromWorkflow: 'decision from workflow {workflow}',
  noteDecision: 'decision',
  notePlannedTentatively: 'planned tentatively',
  // The planner's code first, so the note reads back into the reader's words; the English reason
  // after it is for integrators. Notes written before the code was added read as noteNotPlanned.
  noteUnplanned: 'not planned ({code}): {reason}',
  noteNotPlanned: 'not planned: {reason}',
  noteBookingFirm: 'booking made firm',
} as const satisfies Partial<Record<MessageCode, string>>;

/** A system note in English, built from its template so reading it back always matches. */
export function orderNote(code: keyof typeof ORDER_NOTES, params: Record<string, string> = {}): string {
  return fillTemplate(ORDER_NOTES[code], params);
}

/** The message a status-history note stands for when the system wrote it, else null. */
export const orderNoteMessage = templateReader(ORDER_NOTES);
