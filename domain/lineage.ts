/**
 * Lineage: the chain from readings to the report around one decision, as nodes and edges. Each
 * node says which workflow produced it and which event of that workflow's history did; the graph is
 * assembled from the database and the histories (usecases/lineage.ts), never from a copy kept aside.
 */

/**
 * What a lineage can be asked for. Each kind resolves to the run that produced it
 * (usecases/lineage.ts, LINEAGE_ANCHORS); a new kind (alarm) adds an entry here and an anchor there.
 */
export const LINEAGE_KINDS = ['order', 'decision', 'prediction', 'report', 'alarm'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export const LINEAGE_NODE_KINDS = [
  'workflow',
  'readings',
  'detector',
  'alarm',
  'alarm_event',
  'anomalies',
  'drift_check',
  'features',
  'model',
  'prediction',
  'order',
  'decision',
  'booking',
  'notification',
  'report',
] as const;
export type LineageNodeKind = (typeof LINEAGE_NODE_KINDS)[number];

/** The column a node kind is drawn in, left to right: data, then the model, then people and paper. */
export const LINEAGE_COLUMN: Record<LineageNodeKind, number> = {
  workflow: 0,
  readings: 1,
  detector: 2,
  alarm: 3,
  alarm_event: 4,
  anomalies: 2,
  drift_check: 2,
  features: 2,
  model: 3,
  prediction: 4,
  order: 5,
  decision: 6,
  booking: 7,
  notification: 8,
  report: 9,
};

/** The history event that produced a node: an activity's completion, a signal or an update. */
export interface HistoryEventRef {
  workflow_id: string;
  event_id: number;
  event_type: string;
  /** The activity type, signal name or update name. */
  name: string;
  time: string;
  activity_id: string | null;
}

export interface LineageNode {
  /** `<kind>:<record id>`, unique in a graph. */
  id: string;
  kind: LineageNodeKind;
  /** The record's own id (a reading range has the first id). */
  ref: string;
  label: string;
  at: string | null;
  workflow_id: string | null;
  history_event: HistoryEventRef | null;
  /** false when the link was reconstructed because the row predates its recording. */
  recorded: boolean;
  record: Record<string, unknown>;
}

/** How one node led to the next; a code the dashboard translates. */
export const LINEAGE_RELATIONS = [
  'ingested',
  'predicted',
  'scored',
  'tested_for_drift',
  'derived',
  'input',
  'scored_by',
  'passed_to',
  'proposed',
  'decided',
  'superseded_by',
  'made_firm',
  'released',
  'booked',
  'notified',
  'reported_in',
  'raised',
  'handled_by',
  'recorded',
  'converted',
] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

export interface LineageEdge {
  from: string;
  to: string;
  relation: LineageRelation;
}

export interface LineageWorkflow {
  workflow_id: string;
  type: string | null;
  status: string | null;
  start_time: string | null;
  close_time: string | null;
  temporal_url: string;
  /** false when Temporal no longer holds (or could not return) the history: links then lack events. */
  history_available: boolean;
}

export interface LineageGraph {
  subject: { kind: LineageKind; id: string; node_id: string };
  nodes: LineageNode[];
  edges: LineageEdge[];
  workflows: LineageWorkflow[];
}

export const nodeId = (kind: LineageNodeKind, ref: string) => `${kind}:${ref}`;

/** Adds an edge only between nodes present in the graph (a missing link leaves no dangling edge). */
export function linkPresent(graph: Pick<LineageGraph, 'nodes' | 'edges'>, from: string, to: string, relation: LineageRelation): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  if (ids.has(from) && ids.has(to) && !graph.edges.some((e) => e.from === from && e.to === to)) graph.edges.push({ from, to, relation });
}

/** Quarantined readings per reason, and how many passed: the quality verdicts of a reading range. */
export function qualityVerdicts(rows: readonly { quarantine_reason: string | null; quality: number }[]) {
  const quarantined: Record<string, number> = {};
  let valid = 0;
  let qualitySum = 0;
  for (const r of rows) {
    qualitySum += r.quality;
    if (r.quarantine_reason) quarantined[r.quarantine_reason] = (quarantined[r.quarantine_reason] ?? 0) + 1;
    else valid++;
  }
  return { valid, quarantined, mean_quality: rows.length ? Math.round((qualitySum / rows.length) * 1000) / 1000 : null };
}
