/**
 * Server-produced text as data: a message code plus typed parameters (numbers, ISO instants,
 * enumeration values), never a finished English sentence. The dashboard translates the code
 * through locales/*.json (`serverText.messages.<code>`) and formats each parameter in the reader's
 * locale and time zone; the server renders the same catalogue for the English `message` field it
 * keeps for integrators, and for reports in the requester's language.
 */

/** How a parameter is shown: the formatting is chosen by its kind, never by sniffing its value. */
export type ParamKind =
  | 'count'
  | 'number'
  | 'percent'
  | 'instant'
  | 'text'
  | 'stage'
  | 'scenario'
  | 'priority'
  | 'decision'
  | 'decisionSource'
  | 'orderStatus'
  | 'anomalyMethod'
  | 'unassigned'
  | 'caseOutcome'
  | 'alarmSeverity'
  | 'modelSide'
  | 'timeoutPolicy'
  | 'reasonCounts'
  | 'failure';

/** The enumerations, each with the catalogue section that names its values. */
export const ENUM_SECTIONS = {
  stage: 'stages',
  scenario: 'goldenPath.scenario',
  decision: 'decisions.value',
  priority: 'serverText.priority',
  decisionSource: 'serverText.decisionSource',
  orderStatus: 'serverText.orderStatus',
  anomalyMethod: 'serverText.anomalyMethod',
  unassigned: 'serverText.unassigned',
  caseOutcome: 'serverText.caseOutcome',
  alarmSeverity: 'alarms.severity',
  modelSide: 'reportText.modelSide',
  timeoutPolicy: 'serverText.timeoutPolicy',
  reasonCounts: 'serverText.quarantineReason',
  failure: 'serverText.failure',
} as const satisfies Partial<Record<ParamKind, string>>;

export type EnumKind = keyof typeof ENUM_SECTIONS;

/**
 * Every message the server emits, with the kind of each parameter. A parameter named `count`
 * also chooses the plural form. The templates live in locales/*.json under serverText.messages.
 */
export const SERVER_MESSAGES = {
  ingested: { count: 'count', sensor: 'text', scenario: 'scenario' },
  ingestedWithHistory: { count: 'count', sensor: 'text', scenario: 'scenario', history: 'count' },
  validated: { count: 'count', valid: 'count', quarantined: 'count', reasons: 'reasonCounts' },
  analysed: { count: 'count', anomalies: 'count', method: 'anomalyMethod' },
  analysedWithAlarms: { count: 'count', anomalies: 'count', method: 'anomalyMethod', alarms: 'number' },
  judgedDrift: { count: 'count', credible: 'count', p_value: 'number' },
  judgedNoDrift: { count: 'count', credible: 'count', p_value: 'number' },
  judgedDriftUnknown: { count: 'count', credible: 'count' },
  predicted: { probability: 'percent', threshold: 'percent', model: 'text', version: 'text' },
  noMaintenance: {},
  noOrderToDecide: {},
  orderProposed: { order: 'text', priority: 'priority' },
  orderPlanned: {
    order: 'text',
    priority: 'priority',
    technician: 'text',
    window_start: 'instant',
    window_end: 'instant',
  },
  orderUnplanned: { order: 'text', priority: 'priority', reason: 'unassigned' },
  waitingForDecision: {},
  decisionDisabled: {},
  decisionRequested: { request: 'text', deadline: 'instant' },
  decided: { decision: 'decision', operator: 'text', source: 'decisionSource', status: 'orderStatus' },
  stageStarted: { stage: 'stage' },
  stageFailed: { error: 'text' },
  // A failure of ours (domain/runFailure.ts): the reader gets its kind in words, integrators the English beside it.
  stageFailedKnown: { failure: 'failure' },
  teamNotified: { status: 'orderStatus' },
  reportStored: { report: 'text' },
  workflowFailed: { error: 'text' },
  workflowFailedKnown: { failure: 'failure' },
  similarCase: { sensor: 'text', at: 'instant', probability: 'percent' },
  planSkill: { technician: 'text', skill: 'text', level: 'count', required: 'count' },
  planShift: { technician: 'text', shift_start: 'instant', shift_end: 'instant' },
  planDeadline: { hours: 'number', deadline: 'instant' },
  planDeadlinePassed: { hours: 'number', deadline: 'instant' },
  planRisk: { probability: 'percent' },
  planContinuity: { technician: 'text' },
  planLoad: { technician: 'text', hours: 'number' },
  planCheapest: { count: 'count', qualified: 'count' },
  planOnlyChoice: { count: 'count' },
  planUnassigned: { reason: 'unassigned' },
  // Notification subjects (domain/notificationText.ts): the English subject stays in the
  // notification for integrators; the dashboard and reports show it through these.
  notificationReminder: { order: 'text' },
  notificationOrderOutcome: { order: 'text', status: 'orderStatus' },
  notificationAlarm: { sensor: 'text', severity: 'alarmSeverity' },
  notificationAlarmEscalated: { level: 'count', sensor: 'text', severity: 'alarmSeverity' },
  // An asset's health reasons (domain/assetHealth.ts, usecases/assetHealth.ts).
  healthRul: { rul: 'number', level: 'percent', lower: 'number', upper: 'number', cycle: 'count' },
  healthFailureProbability: { probability: 'percent', threshold: 'percent' },
  healthTrendRising: { role: 'text', sensor: 'text', count: 'count' },
  healthTrendFalling: { role: 'text', sensor: 'text', count: 'count' },
  healthNoSensorInRole: { role: 'text' },
  healthNoReadingInRole: { role: 'text' },
  healthRoleNoReading: { role: 'text', sensor: 'text' },
  healthRoleStale: { role: 'text', sensor: 'text', at: 'instant' },
  healthNoCommonInstant: {},
  healthCycleStale: { at: 'instant' },
  healthAnomalies: { count: 'count' },
  healthAlarms: { count: 'count', sensor: 'text', severity: 'alarmSeverity' },
  healthDrift: { sensor: 'text', p_value: 'number', psi: 'number' },
  healthModelUnavailable: { model: 'text' },
  // Justifications the workflows write for decisions no person typed (domain/notificationText.ts).
  justificationAuto: {},
  justificationTimeout: { deadline: 'instant', policy: 'timeoutPolicy' },
  justificationTimeoutDrifted: { deadline: 'instant', policy: 'timeoutPolicy' },
  // Notes the system writes on an order's status history.
  noteDecisionFromWorkflow: { workflow: 'text' },
  noteDecision: {},
  notePlannedTentatively: {},
  noteNotPlanned: { reason: 'text' },
  // The stored note also holds the planner's English `reason` (domain/notificationText.ts); the
  // reader is told the code's meaning instead.
  noteUnplanned: { code: 'unassigned' },
  noteBookingFirm: {},
  notificationIncidentDrift: { sensor: 'text' },
  notificationIncidentBurst: { sensor: 'text', count: 'count', minutes: 'count' },
  notificationIncidentDriftAndBurst: { sensor: 'text', count: 'count', minutes: 'count' },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type MessageCode = keyof typeof SERVER_MESSAGES;
export const MESSAGE_CODES = Object.keys(SERVER_MESSAGES) as MessageCode[];

export type ParamValue = string | number | boolean | null | Record<string, number>;
export type MessageParams = Record<string, ParamValue>;

/** A message as the API carries it. */
export interface ServerMessage {
  code: MessageCode;
  params: MessageParams;
}

/** Event types of the Golden Path's event log; named in serverText.events. */
export const EVENT_TYPES = [
  'stage_started',
  'stage_complete',
  'stage_failed',
  'stage_skipped',
  'decision_requested',
  'notification_sent',
  'report_stored',
  'workflow_failed',
] as const;

/** Builds a message, checked against the catalogue's parameter names at compile time. */
export function msg<C extends MessageCode>(code: C, params: { [K in keyof (typeof SERVER_MESSAGES)[C]]: ParamValue }): ServerMessage {
  return { code, params: params as MessageParams };
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(SERVER_MESSAGES, code);
}

export function paramKind(code: MessageCode, param: string): ParamKind {
  return ((SERVER_MESSAGES[code] as Record<string, ParamKind>)[param] ?? 'text') as ParamKind;
}

// ---------------------------------------------------------------------------------------------
// The catalogue syntax the locales use (vue-i18n's, the subset we write): `{name}` placeholders
// and `a | b` (one / other) or `a | b | c` (zero / one / other) plural branches.

/** A nested message tree as locales/*.json hold it. */
export type Catalogue = { [key: string]: string | Catalogue };

/** The message at a dotted path, or undefined. */
export function lookup(catalogue: Catalogue, path: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** vue-i18n's default plural choice, so the server and the dashboard pick the same branch. */
export function pluralIndex(count: number, branches: number): number {
  const n = Math.abs(count);
  if (branches === 2) return n === 1 ? 0 : 1;
  return Math.min(n, 2);
}

/** Picks the plural branch for `count` (when the template has branches) and fills the placeholders. */
export function fillTemplate(template: string, values: Record<string, string>, count?: number): string {
  const branches = template.split('|').map((b) => b.trim());
  const chosen = branches.length > 1 ? branches[Math.min(pluralIndex(count ?? 0, branches.length), branches.length - 1)]! : template;
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** How a reader's locale and time zone turn values into text. */
export interface ValueFormat {
  locale: string;
  timeZone: string;
}

export function formatNumber(value: number, fmt: ValueFormat, style: 'count' | 'number' | 'percent'): string {
  const options: Intl.NumberFormatOptions =
    style === 'percent'
      ? { style: 'percent', maximumFractionDigits: 1 }
      : style === 'count'
        ? { maximumFractionDigits: 0 }
        : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat(fmt.locale, options).format(value);
}

/** An instant in the reader's zone, with the zone's short name so the reader knows which clock it is. */
export function formatInstant(iso: string, fmt: ValueFormat): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(fmt.locale, {
    timeZone: fmt.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** An enumeration value's label, or the value in words when the catalogue does not know it. */
export function enumLabel(catalogue: Catalogue, kind: EnumKind, value: string): string {
  return lookup(catalogue, `${ENUM_SECTIONS[kind]}.${value}`) ?? value.replace(/_/g, ' ');
}

/** One parameter as text in the reader's language, locale and zone. */
export function formatParam(catalogue: Catalogue, kind: ParamKind, value: ParamValue, fmt: ValueFormat): string {
  if (value === null || value === undefined) return lookup(catalogue, 'serverText.none') ?? '—';
  if (kind === 'reasonCounts') {
    const entries = typeof value === 'object' ? Object.entries(value) : [];
    if (!entries.length) return lookup(catalogue, 'serverText.noIssues') ?? '';
    return entries.map(([reason, n]) => `${enumLabel(catalogue, 'reasonCounts', reason)}: ${formatNumber(n, fmt, 'count')}`).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  switch (kind) {
    case 'count':
    case 'number':
    case 'percent':
      return typeof value === 'number' ? formatNumber(value, fmt, kind) : String(value);
    case 'instant':
      return formatInstant(String(value), fmt);
    case 'text':
      return String(value);
    default:
      return enumLabel(catalogue, kind, String(value));
  }
}

/**
 * A message in the catalogue's language. An unknown code (a newer server's, or a broken one)
 * yields null, so the caller can fall back to the text the server sent.
 */
export function renderMessage(catalogue: Catalogue, message: { code: string; params: MessageParams }, fmt: ValueFormat): string | null {
  if (!isMessageCode(message.code)) return null;
  const template = lookup(catalogue, `serverText.messages.${message.code}`);
  if (template === undefined) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params)) {
    values[name] = formatParam(catalogue, paramKind(message.code, name), value, fmt);
  }
  const count = message.params.count;
  return fillTemplate(template, values, typeof count === 'number' ? count : undefined);
}
