import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerBusinessMetrics } from '../../activities/metricsCollector';
import { projectRoot } from '../../config';
import { createMetrics } from '../../observability/metrics';

interface Panel {
  type: string;
  title: string;
  datasource?: { uid?: string };
  targets?: { expr: string; datasource?: { uid?: string } }[];
}

const dashboard = JSON.parse(readFileSync(path.join(projectRoot, 'deploy', 'grafana', 'smart-maintenance.json'), 'utf8')) as {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
};
const panels = dashboard.panels.filter((p) => p.type !== 'row');

/** Every metric name the API and a worker really expose, read from their registries. */
async function exposedNames(): Promise<Set<string>> {
  const worker = new Registry();
  collectDefaultMetrics({ register: worker, prefix: 'sm_worker_' });
  registerBusinessMetrics(worker);
  const api = createMetrics().registry;
  const names = [...(await api.getMetricsAsJSON()), ...(await worker.getMetricsAsJSON())].map((m) => m.name);
  return new Set(names);
}

describe('deploy/grafana/smart-maintenance.json', () => {
  it('selects its Prometheus data source through a variable used by every panel and query', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      for (const t of p.targets ?? []) expect(t.datasource?.uid, p.title).toBe('${datasource}');
    }
  });

  it('queries only metrics the API and the workers expose', async () => {
    const exposed = await exposedNames();
    const used = new Set(panels.flatMap((p) => (p.targets ?? []).flatMap((t) => t.expr.match(/\bsm_[a-z0-9_]+/g) ?? [])));
    const unknown = [...used].filter((n) => !exposed.has(n) && !exposed.has(n.replace(/_(bucket|count|sum)$/, '')));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(14);
  });

  it('covers the API, workflow, business and process views', () => {
    const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    for (const metric of [
      'sm_http_requests_total',
      'sm_http_request_duration_seconds_bucket',
      'sm_readings_ingested_total',
      'sm_dependency_up',
      'sm_workflow_stage_duration_seconds_bucket',
      'sm_decisions_total',
      'sm_orders_total',
      'sm_notifications_total',
      'sm_process_resident_memory_bytes',
      'sm_worker_process_resident_memory_bytes',
    ]) {
      expect(exprs, metric).toContain(metric);
    }
    expect(exprs).toContain('histogram_quantile(0.95, sum by (le, route)');
    expect(exprs).toContain('status=~"5.."');
  });
});
