import type { LineageNode } from './lineage.api';

type Translate = (key: string, params: Record<string, string | number>) => string;

/** A node's one-line summary, built from its record in the reader's language. */
export function nodeSummary(node: LineageNode, t: Translate): string {
  const r = node.record as Record<string, unknown>;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const percent = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '');
  switch (node.kind) {
    case 'workflow':
      return t('lineage.summary.workflow', { type: text(r.type ?? r.workflow_id), status: text(r.status) });
    case 'readings':
      return t('lineage.summary.readings', { count: Number(r.count ?? 0), sensor: text(r.sensor_id) });
    case 'anomalies':
      return t('lineage.summary.anomalies', { count: Number(r.count ?? 0), credible: Number(r.credible ?? 0) });
    case 'drift_check': {
      const p = typeof r.p_value === 'number' ? r.p_value.toPrecision(2) : '–';
      return r.drift_detected ? t('lineage.summary.driftDetected', { p }) : t('lineage.summary.driftNone', { p });
    }
    case 'features':
      return t('lineage.summary.features', { count: Object.keys((r.values as object | null) ?? {}).length });
    case 'model':
      return t('lineage.summary.model', { name: text(r.name), version: text(r.version), stage: text(r.stage_at_prediction) });
    case 'prediction':
      return t('lineage.summary.prediction', { probability: percent(r.probability), threshold: percent(r.threshold) });
    case 'order':
      return t('lineage.summary.order', { priority: text(r.priority), status: text(r.status) });
    case 'decision':
      return t('lineage.summary.decision', { decision: text(r.decision), operator: text(r.operator_id) });
    case 'booking':
      return t('lineage.summary.booking', { technician: text(r.technician_id), status: text(r.status) });
    case 'notification':
      return t('lineage.summary.notification', { channel: text(r.channel), recipient: text(r.recipient), status: text(r.status) });
    case 'report':
      return t('lineage.summary.report', { type: text(r.report_type) });
    case 'detector':
      return t('lineage.summary.detector', { name: text(r.name), version: text(r.version), sensitivity: text(r.sensitivity_now) });
    case 'alarm':
      return t('lineage.summary.alarm', { severity: text(r.severity), start: text(r.start_ts), state: text(r.state) });
    case 'alarm_event':
      return t('lineage.summary.alarmEvent', { type: text(r.type), actor: text(r.actor ?? 'system') });
  }
}
