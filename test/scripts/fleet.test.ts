import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config';
import { fleet } from '../../scripts/fleet';

describe('fleet', () => {
  it('keeps the plain names and the configured ports when there is one process of a kind', () => {
    const config = parseConfig({});
    expect(fleet(config, 'worker')).toEqual([
      { name: 'worker', index: 0, env: { WORKER_METRICS_PORT: '9464', WORKER_SDK_METRICS_PORT: '9465' } },
    ]);
    expect(fleet(config, 'api')).toEqual([{ name: 'api', index: 0, env: { METRICS_PORT: '9463' } }]);
  });

  it('numbers several processes and gives each metrics ports of its own, none shared across kinds', () => {
    const config = parseConfig({ WORKERS: '4', API_PROCESSES: '3' });
    const workers = fleet(config, 'worker');
    const apis = fleet(config, 'api');
    expect(workers.map((w) => w.name)).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4']);
    expect(apis.map((a) => a.name)).toEqual(['api-1', 'api-2', 'api-3']);
    expect(workers[2]!.env).toEqual({ WORKER_METRICS_PORT: '9484', WORKER_SDK_METRICS_PORT: '9485' });
    const ports = [...workers, ...apis].flatMap((m) => Object.values(m.env));
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('leaves a disabled metrics endpoint disabled in every process', () => {
    const config = parseConfig({ WORKERS: '2', METRICS_PORT: '0', API_PROCESSES: '2', WORKER_SDK_METRICS_PORT: '0' });
    expect(fleet(config, 'api').map((a) => a.env.METRICS_PORT)).toEqual(['0', '0']);
    expect(fleet(config, 'worker').map((w) => w.env.WORKER_SDK_METRICS_PORT)).toEqual(['0', '0']);
  });

  it('rejects more than ten of a kind, where the metrics ports would start to collide', () => {
    expect(() => parseConfig({ WORKERS: '11' })).toThrow(/WORKERS/);
    expect(() => parseConfig({ API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
  });
});
