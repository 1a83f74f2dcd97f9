/**
 * The parts of a workflow's progress document WorkflowStory does not tell on its own (row counts,
 * periods, ids, reasons…), as label keys and typed values the page puts into words. Nested
 * structures with no short reading (explanations, per-sensor checks' details) stay in the raw JSON.
 */

/** Fields the story shows in its own sections. */
const TOLD = new Set([
  'status',
  'stage',
  'prediction',
  'decision',
  'decision_deadline',
  'maintenance_order_id',
  'report_id',
  'stages',
  'events',
]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type FactValue =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'instant'; value: string }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'enum'; family: EnumFamily; values: string[] }
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number };

export interface Fact {
  key: string;
  value: FactValue;
}

export type EnumFamily = 'orderStatus' | 'reportType' | 'incidentReason';

/** Fields whose values are enumerations, and which labels name them. */
const ENUM_FIELDS: Record<string, EnumFamily> = {
  order_status: 'orderStatus',
  report_type: 'reportType',
  reasons: 'incidentReason',
};

function factValue(key: string, value: unknown): FactValue | null {
  if (value === null || value === undefined || value === '') return null;
  const family = ENUM_FIELDS[key];
  if (family && (typeof value === 'string' || Array.isArray(value))) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    return values.length ? { kind: 'enum', family, values } : null;
  }
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? { kind: 'instant', value } : { kind: 'text', value };
  // A list reads as how many it holds; its items are in the raw JSON.
  if (Array.isArray(value)) return { kind: 'count', value: value.length };
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.from === 'string' && typeof o.to === 'string') return { kind: 'period', from: o.from, to: o.to };
    if (typeof o.name === 'string' && typeof o.version === 'string') return { kind: 'text', value: `${o.name} ${o.version}` };
  }
  return null;
}

export function progressFacts(progress: unknown): Fact[] {
  if (!progress || typeof progress !== 'object' || Array.isArray(progress)) return [];
  const facts: Fact[] = [];
  for (const [key, raw] of Object.entries(progress)) {
    if (TOLD.has(key)) continue;
    const value = factValue(key, raw);
    if (value) facts.push({ key, value });
  }
  return facts;
}
