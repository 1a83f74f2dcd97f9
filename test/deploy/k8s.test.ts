import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { ensurePythonTool, KUBERNETES_VALIDATE } from './pythonTools';

const k8sDir = path.join(projectRoot, 'deploy', 'k8s');
// kustomization.yaml is kustomize's own format, not a Kubernetes resource.
const manifests = readdirSync(k8sDir)
  .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
  .sort();
let validator: { path?: string; reason?: string } = {};

beforeAll(() => {
  validator = ensurePythonTool(KUBERNETES_VALIDATE);
  if (!validator.path) console.warn(`[k8s.test] schema validation skipped: ${validator.reason}`);
}, 180_000);

function validate(files: string[]) {
  return spawnSync(validator.path!, ['--strict', ...files], { encoding: 'utf8' });
}

function text(file: string): string {
  return readFileSync(path.join(k8sDir, file), 'utf8');
}

describe('deploy/k8s manifests', () => {
  it('has every piece: namespace, config, secret template, migrate job, API, workers with autoscaler and budget', () => {
    expect(manifests).toEqual([
      'api.yaml',
      'configmap.yaml',
      'connectors.yaml',
      'migrate-job.yaml',
      'namespace.yaml',
      'secret.example.yaml',
      'temporal-search-attributes-job.yaml',
      'worker.yaml',
    ]);
    const kinds = manifests.flatMap((f) => [...text(f).matchAll(/^kind: (\w+)$/gm)].map((m) => `${m[1]}`)).sort();
    expect(kinds).toEqual([
      'ConfigMap',
      'Deployment',
      'Deployment',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Job',
      'Job',
      'Namespace',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'PodDisruptionBudget',
      'Secret',
      'Service',
      'Service',
    ]);
  });

  it('validates every manifest offline against the Kubernetes schemas, strictly', ({ skip }) => {
    if (!validator.path) skip(validator.reason);
    const result = validate(manifests.map((f) => path.join(k8sDir, f)));
    expect(result.stdout + result.stderr).not.toMatch(/ERROR|WARN/);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/passed for resource/g)).toHaveLength(14);
  });

  it('is strict enough to reject a misspelt field (the validator itself works)', ({ skip }) => {
    if (!validator.path) skip(validator.reason);
    const broken = path.join(mkdtempSync(path.join(tmpdir(), 'sm-k8s-')), 'worker.yaml');
    writeFileSync(broken, text('worker.yaml').replace('minReplicas: 2', 'minReplica: 2'));
    const result = validate([broken]);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('minReplica');
  });

  it('scales workers with an HPA on CPU and task-queue backlog from 2 to 10 and never evicts more than one at a time', () => {
    const worker = text('worker.yaml');
    expect(worker).toMatch(/minReplicas: 2\n\s+maxReplicas: 10/);
    expect(worker).toMatch(/name: cpu\n\s+target:\n\s+type: Utilization/);
    // The backlog metrics come from the SDK exporter, which the pod and the Service must expose.
    for (const kind of ['activity', 'workflow_task']) {
      expect(worker).toMatch(new RegExp(`type: Pods\\n\\s+pods:\\n\\s+metric:\\n\\s+name: temporal_${kind}_schedule_to_start_p95_ms\\n`));
    }
    expect(worker).toMatch(/- name: sdk-metrics\n\s+containerPort: 9465/);
    expect(worker).toMatch(/- name: sdk-metrics\n\s+port: 9465\n\s+targetPort: sdk-metrics/);
    expect(worker).toMatch(/kind: PodDisruptionBudget[\s\S]*maxUnavailable: 1/);
    // The HPA owns the replica count; a replicas field would fight it on every apply.
    expect(worker.split('---')[0]).not.toMatch(/^\s+replicas:/m);
  });

  it('probes the API: readiness on /health/db, liveness on a dependency-free endpoint', () => {
    const api = text('api.yaml');
    expect(api).toMatch(/readinessProbe:\n\s+httpGet:\n\s+path: \/health\/db/);
    expect(api).toMatch(/livenessProbe:\n\s+httpGet:\n\s+path: \/metrics\n\s+port: metrics/);
  });

  it('runs one connector process, replaced not rolled, ready on /health and live on a dependency-free endpoint', () => {
    const connectors = text('connectors.yaml');
    expect(connectors).toMatch(/replicas: 1\n/);
    expect(connectors).toMatch(/strategy:\n\s+type: Recreate/);
    expect(connectors).toMatch(/readinessProbe:\n\s+httpGet:\n\s+path: \/health\n\s+port: metrics/);
    expect(connectors).toMatch(/livenessProbe:\n\s+httpGet:\n\s+path: \/metrics\n\s+port: metrics/);
    expect(connectors).toMatch(/- name: metrics\n\s+containerPort: 9466/);
    expect(text('configmap.yaml')).toMatch(/CONNECTORS_METRICS_HOST: 0\.0\.0\.0\n\s+CONNECTORS_METRICS_PORT: '9466'/);
    expect(text('kustomization.yaml')).toMatch(/^\s+- connectors\.yaml$/m);
  });

  it('runs every pod non-root on a read-only root file system with requests and limits', () => {
    for (const file of ['api.yaml', 'worker.yaml', 'connectors.yaml', 'migrate-job.yaml', 'temporal-search-attributes-job.yaml']) {
      const doc = text(file);
      const containers = (doc.match(/^\s+- name: \S+\n\s+image: /gm) ?? []).length;
      expect(containers, file).toBeGreaterThan(0);
      expect((doc.match(/runAsNonRoot: true/g) ?? []).length, file).toBe(1);
      expect((doc.match(/readOnlyRootFilesystem: true/g) ?? []).length, file).toBe(containers);
      expect((doc.match(/allowPrivilegeEscalation: false/g) ?? []).length, file).toBe(containers);
      expect((doc.match(/limits:\n\s+cpu: .+\n\s+memory: /g) ?? []).length, file).toBe(containers);
    }
  });

  it('keeps secrets out of the ConfigMap and only placeholders in the Secret template', () => {
    const configMap = text('configmap.yaml');
    for (const secret of ['DATABASE_URL', 'REDIS_URL', 'API_KEYS']) expect(configMap).not.toContain(`${secret}:`);
    const template = text('secret.example.yaml');
    const values = [...template.matchAll(/^ {2}([A-Z_]+): (.+)$/gm)].map((m) => [m[1], m[2]] as const);
    expect(values.map(([k]) => k)).toEqual(['DATABASE_URL', 'REDIS_URL', 'API_KEYS']);
    for (const [key, value] of values) expect(value, key).toContain('PLACEHOLDER');
    expect(text('kustomization.yaml')).not.toMatch(/^\s+- secret\.example\.yaml/m);
  });
});
