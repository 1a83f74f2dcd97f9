/**
 * GET /lineage/{kind}/{id}: the run around a record, readings to report, each node with the
 * workflow and the history event that produced it. The database gives the rows; the workflow's
 * history (read from Temporal, not copied) gives the events and what a signal or update carried.
 */
import {
  lineageAnomalies,
  lineageBookings,
  lineageDecisionIds,
  lineageDecisionRef,
  lineageDriftChecks,
  lineageNotifications,
  lineageOrder,
  lineageOrdersOf,
  lineagePrediction,
  lineagePredictionOfWorkflow,
  lineageReport,
  lineageReportsOfWorkflow,
  readingsByIds,
  readingsOfCorrelation,
  type LineagePrediction,
} from '../db/lineage';
import { getDecision } from '../db/decisions';
import { listOrderTransitions } from '../db/maintenanceOrders';
import { NotFound } from '../domain/errors';
import {
  linkPresent,
  nodeId,
  qualityVerdicts,
  type HistoryEventRef,
  type LineageGraph,
  type LineageKind,
  type LineageNode,
  type LineageNodeKind,
  type LineageRelation,
} from '../domain/lineage';
import { defaultModelRegistry } from '../models';
import { temporalWorkflowUrl } from '../temporal/links';
import type { AppDeps } from './deps';
import { addAlarmChain, alarmOrThrow } from './lineageAlarm';
import { mentions, readRunHistory, type RunHistory } from './runHistory';

type Deps = Pick<AppDeps, 'sql' | 'temporal' | 'config'>;

/** Where a record's lineage starts: the run (workflow), its prediction and its order. */
export interface LineageAnchor {
  workflowId: string | null;
  predictionId: string | null;
  orderId: string | null;
}

/**
 * One resolver per kind. The extension point for a new kind (alarm): add it to LINEAGE_KINDS and
 * here, returning the workflow (and prediction or order) the record belongs to; NotFound when absent.
 */
export const LINEAGE_ANCHORS: Record<LineageKind, (id: string, deps: Deps) => Promise<LineageAnchor>> = {
  async order(id, deps) {
    const o = await lineageOrder(id, deps.sql);
    if (!o) throw new NotFound(`Maintenance order ${id} does not exist`);
    return { workflowId: o.workflow_id, predictionId: o.prediction_id, orderId: o.id };
  },
  async decision(id, deps) {
    const d = await lineageDecisionRef(id, deps.sql);
    if (!d) throw new NotFound(`Decision ${id} does not exist`);
    const o = d.order_id ? await lineageOrder(d.order_id, deps.sql) : undefined;
    return { workflowId: d.workflow_id ?? o?.workflow_id ?? null, predictionId: o?.prediction_id ?? null, orderId: d.order_id };
  },
  async prediction(id, deps) {
    const p = await lineagePrediction(id, deps.sql);
    if (!p) throw new NotFound(`Prediction ${id} does not exist`);
    return { workflowId: p.workflow_id, predictionId: p.id, orderId: null };
  },
  async report(id, deps) {
    const r = await lineageReport(id, deps.sql);
    if (!r) throw new NotFound(`Report ${id} does not exist`);
    return { workflowId: r.workflow_id, predictionId: null, orderId: null };
  },
  // The alarm's own chain is added by addAlarmChain; the anchor is the maintenance run it became.
  async alarm(id, deps) {
    const a = await alarmOrThrow(id, deps);
    if (!a.maintenance_workflow_id) return { workflowId: null, predictionId: null, orderId: null };
    const [o] = await lineageOrdersOf({ workflowId: a.maintenance_workflow_id, predictionId: null }, deps.sql);
    return { workflowId: a.maintenance_workflow_id, predictionId: o?.prediction_id ?? null, orderId: o?.id ?? null };
  },
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The event that produced a record: an activity whose result names the record's id; else the
 * activity whose id the record's dedup key carries (`<workflow>:<activity id>`); else the first
 * completion of the activity type that writes such records.
 */
function producedBy(
  h: RunHistory | null,
  names: readonly string[],
  o: { id?: string; dedupKey?: string | null } = {},
): HistoryEventRef | null {
  if (!h) return null;
  const candidates = h.events.filter((e) => e.event_type === 'ActivityTaskCompleted' && names.includes(e.name));
  const activityId = o.dedupKey?.startsWith(`${h.workflowId}:`) ? o.dedupKey.slice(h.workflowId.length + 1).split(':')[0] : undefined;
  const hit =
    (o.id !== undefined ? candidates.find((e) => mentions(e.result, o.id!)) : undefined) ??
    (activityId !== undefined ? candidates.find((e) => e.activity_id === activityId) : undefined) ??
    candidates[0];
  return hit ? toRef(h, hit) : null;
}

const toRef = (h: RunHistory, e: RunHistory['events'][number]): HistoryEventRef => ({
  workflow_id: h.workflowId,
  event_id: e.event_id,
  event_type: e.event_type,
  name: e.name,
  time: e.time,
  activity_id: e.activity_id,
});

/** The signal or update that carried a human decision into the workflow (what the database does not keep). */
function carriedBy(h: RunHistory | null, decision: { decision: string; operator_id: string; justification: string }) {
  if (!h) return null;
  const e = h.events.find(
    (x) =>
      (x.name === 'decision' || x.name === 'submitDecision') &&
      x.input.some((i) => {
        const v = i as { decision?: string; operator_id?: string; justification?: string } | null;
        return v?.decision === decision.decision && v.operator_id === decision.operator_id && v.justification === decision.justification;
      }),
  );
  return e ? { ...toRef(h, e), payload: e.input[0] ?? null } : null;
}

async function modelRecord(p: LineagePrediction) {
  // The registry today, beside what was recorded then: a later promotion or a rebuilt artifact shows.
  let current: { stage: string; sha256: string; enabled: boolean } | null = null;
  let formulas: { name: string; formula: string }[] = [];
  try {
    const v = (await defaultModelRegistry().listVersions(p.model)).find((x) => x.version === p.version);
    if (v) {
      current = { stage: v.stage, sha256: v.entry.sha256, enabled: v.enabled };
      formulas = (v.entry.feature_spec?.features ?? []).map((f) => ({ name: f.name, formula: f.formula }));
    }
  } catch {
    // An unknown (retired) model still has its recorded facts.
  }
  return { current, formulas };
}

/** The lineage graph of a record; NotFound when the record does not exist. */
export async function buildLineage(deps: Deps, kind: LineageKind, id: string): Promise<LineageGraph> {
  const anchor = await LINEAGE_ANCHORS[kind](id, deps);
  const { sql } = deps;
  const prediction = anchor.predictionId
    ? await lineagePrediction(anchor.predictionId, sql)
    : anchor.workflowId
      ? await lineagePredictionOfWorkflow(anchor.workflowId, sql)
      : undefined;
  const workflowId = anchor.workflowId ?? prediction?.workflow_id ?? null;
  const orders = await lineageOrdersOf({ workflowId, predictionId: prediction?.id ?? null }, sql);
  if (anchor.orderId && !orders.some((o) => o.id === anchor.orderId)) {
    const o = await lineageOrder(anchor.orderId, sql);
    if (o) orders.push(o);
  }
  const workflowIds = [
    ...new Set([workflowId, prediction?.workflow_id, ...orders.map((o) => o.workflow_id)].filter((w): w is string => !!w)),
  ];
  const histories = new Map<string, RunHistory | null>(
    await Promise.all(workflowIds.map(async (w) => [w, await readRunHistory(deps.temporal.client, w)] as const)),
  );
  const hist = (w: string | null | undefined) => (w ? (histories.get(w) ?? null) : null);

  const graph: LineageGraph = {
    subject: { kind, id, node_id: nodeId(kind, id) },
    nodes: [],
    edges: [],
    workflows: workflowIds.map((w) => {
      const h = hist(w);
      return {
        workflow_id: w,
        type: h?.type ?? null,
        status: h?.status ?? null,
        start_time: h?.startTime ?? null,
        close_time: h?.closeTime ?? null,
        temporal_url: temporalWorkflowUrl(deps.config, w),
        history_available: h !== null,
      };
    }),
  };
  const add = (
    k: LineageNodeKind,
    ref: string,
    n: Omit<LineageNode, 'id' | 'kind' | 'ref' | 'recorded'> & { recorded?: boolean },
  ): string => {
    const nid = nodeId(k, ref);
    graph.nodes.push({ id: nid, kind: k, ref, recorded: true, ...n });
    return nid;
  };

  for (const w of graph.workflows) {
    add('workflow', w.workflow_id, {
      label: w.type ?? w.workflow_id,
      at: w.start_time,
      workflow_id: w.workflow_id,
      history_event: null,
      record: { ...w },
    });
  }

  if (workflowId) {
    const h = hist(workflowId);
    const anomalies = await lineageAnomalies(workflowId, sql);
    if (anomalies.length) {
      add('anomalies', anomalies[0]!.id, {
        label: `${anomalies.length} anomalies`,
        at: iso(anomalies[anomalies.length - 1]!.ts),
        workflow_id: workflowId,
        history_event: producedBy(h, ['detectAnomalies'], { id: anomalies[0]!.id, dedupKey: anomalies[0]!.dedup_key }),
        record: {
          count: anomalies.length,
          credible: anomalies.filter((a) => a.credible).length,
          credibility_event: producedBy(h, ['assessAnomalyCredibility']),
          items: anomalies.map((a) => ({ ...a, ts: iso(a.ts), dedup_key: undefined })),
        },
      });
    }
    for (const d of await lineageDriftChecks(workflowId, sql)) {
      add('drift_check', d.id, {
        label: d.drift_detected ? 'drift detected' : d.status,
        at: iso(d.created_at),
        workflow_id: workflowId,
        history_event: producedBy(h, ['checkDrift'], { dedupKey: d.dedup_key }),
        record: { ...d, created_at: iso(d.created_at), dedup_key: undefined },
      });
    }
  }

  if (prediction) {
    const h = hist(prediction.workflow_id);
    const predictedBy = producedBy(h, ['predictForSensor', 'predictAndStore'], { id: prediction.id, dedupKey: prediction.dedup_key });
    // The readings that fed it: recorded with the prediction since 0010; before, the run's readings.
    const run =
      prediction.sensor_id && prediction.correlation_id
        ? await readingsOfCorrelation(prediction.sensor_id, prediction.correlation_id, sql)
        : [];
    const fed = prediction.input_reading_ids
      ? await readingsByIds(prediction.input_reading_ids, sql)
      : run.filter((r) => !r.quarantine_reason);
    if (fed.length) {
      const all = run.length ? run : fed;
      add('readings', fed[0]!.id, {
        label: `${fed.length} readings of ${prediction.sensor_id ?? 'a sensor'}`,
        at: iso(fed[fed.length - 1]!.ts),
        workflow_id: prediction.workflow_id,
        history_event: producedBy(h, ['ingestScenarioReadings', 'ingestCsvRange']),
        recorded: prediction.input_reading_ids !== null,
        record: {
          sensor_id: prediction.sensor_id,
          correlation_id: prediction.correlation_id,
          count: fed.length,
          ids: fed.map((r) => r.id),
          from: iso(prediction.input_from ?? fed[0]!.ts),
          to: iso(prediction.input_to ?? fed[fed.length - 1]!.ts),
          quality: qualityVerdicts(all),
          excluded: all.filter((r) => r.quarantine_reason).map((r) => ({ id: r.id, ts: iso(r.ts), reason: r.quarantine_reason })),
          verdicts_event: producedBy(h, ['validateReadings']),
        },
      });
    }
    const { current, formulas } = await modelRecord(prediction);
    add('features', prediction.id, {
      label: `${Object.keys(prediction.features).length} features`,
      at: iso(prediction.created_at),
      workflow_id: prediction.workflow_id,
      history_event: predictedBy,
      recorded: prediction.feature_derivation !== null,
      record: { values: prediction.features, derivation: prediction.feature_derivation, engineered: formulas },
    });
    add('model', `${prediction.model}@${prediction.version}`, {
      label: `${prediction.model} v${prediction.version}`,
      at: iso(prediction.created_at),
      workflow_id: prediction.workflow_id,
      history_event: predictedBy,
      recorded: prediction.artifact_sha256 !== null,
      record: {
        name: prediction.model,
        version: prediction.version,
        stage_at_prediction: prediction.stage,
        artifact_sha256: prediction.artifact_sha256,
        threshold: prediction.threshold,
        registry_now: current,
      },
    });
    add('prediction', prediction.id, {
      label: `p = ${prediction.probability.toFixed(3)}`,
      at: iso(prediction.created_at),
      workflow_id: prediction.workflow_id,
      history_event: predictedBy,
      record: {
        id: prediction.id,
        probability: prediction.probability,
        prediction: prediction.prediction,
        threshold:
          prediction.threshold ??
          (predictedBy && (h?.events.find((e) => e.event_id === predictedBy.event_id)?.result as { threshold?: number })?.threshold) ??
          null,
        explanation: prediction.explanation,
        created_at: iso(prediction.created_at),
      },
    });
  }

  const orderIds = orders.map((o) => o.id);
  for (const o of orders) {
    const h = hist(o.workflow_id);
    add('order', o.id, {
      label: `${o.priority} order: ${o.status}`,
      at: iso(o.created_at),
      workflow_id: o.workflow_id,
      history_event: producedBy(h, ['proposeMaintenanceOrder'], { id: o.id }),
      record: {
        ...o,
        window_start: iso(o.window_start),
        window_end: iso(o.window_end),
        created_at: iso(o.created_at),
        updated_at: iso(o.updated_at),
        dedup_key: undefined,
        transitions: (await listOrderTransitions(o.id, sql)).map((t) => ({ ...t, ts: iso(t.ts as unknown as Date) })),
      },
    });
  }
  const decisions = (await Promise.all((await lineageDecisionIds({ orderIds, workflowId }, sql)).map((d) => getDecision(d, sql)))).filter(
    (d) => d !== undefined,
  );
  for (const d of decisions) {
    const h = hist(d.workflow_id);
    add('decision', d.id, {
      label: `${d.decision} by ${d.operator_id}`,
      at: d.created_at,
      workflow_id: d.workflow_id,
      history_event: producedBy(h, ['recordDecision'], { id: d.id, dedupKey: d.dedup_key }),
      record: { ...d, dedup_key: undefined, carried_by_event: carriedBy(h, d) },
    });
  }
  const bookings = await lineageBookings(orderIds, sql);
  for (const b of bookings) {
    const o = orders.find((x) => x.id === b.order_id)!;
    add('booking', b.id, {
      label: `${b.technician_id}: ${b.status}`,
      at: iso(b.created_at),
      workflow_id: o.workflow_id,
      history_event: producedBy(hist(o.workflow_id), ['proposeMaintenanceOrder'], { id: o.id }),
      record: { ...b, start: iso(b.start), end: iso(b.end), created_at: iso(b.created_at), released_at: iso(b.released_at) },
    });
  }
  const notifications = workflowId ? await lineageNotifications(workflowId, sql) : [];
  for (const n of notifications) {
    add('notification', n.id, {
      label: `${n.channel} → ${n.recipient}: ${n.status}`,
      at: iso(n.created_at),
      workflow_id: workflowId,
      history_event: producedBy(hist(workflowId), ['sendNotification'], { id: n.id }),
      record: { ...n, created_at: iso(n.created_at) },
    });
  }
  const reports = workflowId ? await lineageReportsOfWorkflow(workflowId, sql) : [];
  if (kind === 'report' && !reports.some((r) => r.id === id)) reports.push((await lineageReport(id, sql))!);
  for (const r of reports) {
    add('report', r.id, {
      label: r.report_type,
      at: iso(r.created_at),
      workflow_id: r.workflow_id,
      history_event: producedBy(hist(r.workflow_id), ['generateReport'], { id: r.id, dedupKey: r.dedup_key }),
      record: { ...r, created_at: iso(r.created_at), dedup_key: undefined, json: `/api/v1/reports/${r.id}` },
    });
  }

  linkEdges(graph, { workflowId, prediction, orders, decisions, bookings, notifications, reports });
  if (kind === 'alarm') await addAlarmChain(deps, graph, id);
  return graph;
}

function linkEdges(
  graph: LineageGraph,
  run: {
    workflowId: string | null;
    prediction: LineagePrediction | undefined;
    orders: { id: string; workflow_id: string | null }[];
    decisions: { id: string; order_id: string | null; supersedes: string | null; created_at: string }[];
    bookings: { id: string; order_id: string; status: string }[];
    notifications: { id: string; created_at: Date }[];
    reports: { id: string }[];
  },
): void {
  const byKind = (k: LineageNodeKind) => graph.nodes.filter((n) => n.kind === k).map((n) => n.id);
  const link = (from: string, to: string, relation: LineageRelation) => linkPresent(graph, from, to, relation);
  const p = run.prediction;
  for (const w of byKind('workflow')) {
    for (const r of byKind('readings')) link(w, r, 'ingested');
    if (!byKind('readings').length) for (const x of byKind('prediction')) link(w, x, 'predicted');
  }
  for (const r of byKind('readings')) {
    for (const a of byKind('anomalies')) link(r, a, 'scored');
    for (const d of byKind('drift_check')) link(r, d, 'tested_for_drift');
    for (const f of byKind('features')) link(r, f, 'derived');
  }
  if (p) {
    const pid = nodeId('prediction', p.id);
    link(nodeId('features', p.id), pid, 'input');
    link(nodeId('model', `${p.model}@${p.version}`), pid, 'scored_by');
    for (const a of byKind('anomalies')) link(a, pid, 'passed_to');
    for (const d of byKind('drift_check')) link(d, pid, 'passed_to');
  }
  for (const o of run.orders) {
    const oid = nodeId('order', o.id);
    if (p) link(nodeId('prediction', p.id), oid, 'proposed');
    const mine = run.decisions.filter((d) => d.order_id === o.id);
    for (const d of mine)
      link(d.supersedes ? nodeId('decision', d.supersedes) : oid, nodeId('decision', d.id), d.supersedes ? 'superseded_by' : 'decided');
    const last = mine[mine.length - 1];
    for (const b of run.bookings.filter((x) => x.order_id === o.id)) {
      if (last && b.status !== 'tentative')
        link(nodeId('decision', last.id), nodeId('booking', b.id), b.status === 'firm' ? 'made_firm' : 'released');
      else link(oid, nodeId('booking', b.id), 'booked');
    }
    for (const n of run.notifications) {
      const after = last && n.created_at.toISOString() >= last.created_at;
      link(after ? nodeId('decision', last.id) : oid, nodeId('notification', n.id), 'notified');
    }
    for (const r of run.reports) link(oid, nodeId('report', r.id), 'reported_in');
  }
  if (!run.orders.length) {
    const from = p ? nodeId('prediction', p.id) : run.workflowId ? nodeId('workflow', run.workflowId) : null;
    if (from) for (const r of run.reports) link(from, nodeId('report', r.id), 'reported_in');
    if (from) for (const n of run.notifications) link(from, nodeId('notification', n.id), 'notified');
  }
}
